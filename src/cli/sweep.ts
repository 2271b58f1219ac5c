import { Command } from "commander";
import { sweep } from "../notify/sweep-service.ts";
import { withCommandContext } from "./context.ts";

export function sweepCommand(): Command {
  return new Command("sweep")
    .description(
      "Notify people once of what is due (the running server does this every minute); for cron and tests",
    )
    .action(async () => {
      const summary = await withCommandContext((ctx) => sweep(ctx));
      console.log(
        `swept ${summary.workspaces} workspace(s): ${summary.notified} notification(s), ${summary.emailed} email(s) queued`,
      );
      if (summary.failed > 0) {
        console.error(`${summary.failed} workspace(s) failed; see the log`);
        process.exitCode = 1;
      }
    });
}
