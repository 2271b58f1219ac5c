import { Command } from "commander";
import { readConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { migrateToLatest, schemaVersion } from "../db/migrate.ts";

export function migrateCommand(): Command {
  return new Command("migrate")
    .description("Apply pending database migrations (start does this too)")
    .action(async () => {
      const database = openDatabase(readConfig().database);
      try {
        const applied = await migrateToLatest(database);
        for (const migration of applied) {
          console.log(`applied ${String(migration.version).padStart(3, "0")} ${migration.name}`);
        }
        console.log(`${database.kind} schema is at version ${await schemaVersion(database.db)}`);
      } finally {
        await database.close();
      }
    });
}
