import { Command } from "commander";
import { backupCommand } from "./cli/backup.ts";
import { createOwnerCommand } from "./cli/create-owner.ts";
import { demoCommand } from "./cli/demo.ts";
import { migrateCommand } from "./cli/migrate.ts";
import { startCommand } from "./cli/start.ts";
import { sweepCommand } from "./cli/sweep.ts";

const program = new Command()
  .name("handoff")
  .description(
    "Handoff: outsource well. Configure with HANDOFF_DATA_DIR, PORT, DATABASE_URL, SMTP_URL, PUBLIC_URL.",
  )
  .showHelpAfterError();

program.addCommand(startCommand(), { isDefault: true });
program.addCommand(migrateCommand());
program.addCommand(demoCommand());
program.addCommand(backupCommand());
program.addCommand(createOwnerCommand());
program.addCommand(sweepCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
