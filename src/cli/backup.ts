import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { exportDatabase } from "../db/export.ts";
import { readConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";

export function backupCommand(): Command {
  return new Command("backup")
    .description(
      "Write a backup. SQLite: an online copy of the database file, safe while the app runs. PostgreSQL: a logical export of every table as JSON (no pg_dump needed).",
    )
    .argument("<file>", "where to write the backup")
    .action(async (file: string) => {
      const target = path.resolve(file);
      if (fs.existsSync(target)) throw new Error(`${target} already exists; choose a new file.`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const database = openDatabase(readConfig().database);
      try {
        if (database.sqlite) {
          await database.sqlite.backup(target);
        } else {
          fs.writeFileSync(target, JSON.stringify(await exportDatabase(database.db)));
        }
        console.log(`Backup written to ${target}`);
      } finally {
        await database.close();
      }
    });
}
