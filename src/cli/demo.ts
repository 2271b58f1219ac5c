import { Command } from "commander";
import { setupNeeded } from "../auth/service.ts";
import { seedDemo } from "../demo/seed.ts";
import { withCommandContext } from "./context.ts";

export function demoCommand(): Command {
  return new Command("demo")
    .description(
      "Fill a fresh install with an example business (a small candle shop, its manager and contractors) and print their one-time sign-in details.",
    )
    .action(async () => {
      const logins = await withCommandContext(async (ctx) => {
        if (!(await setupNeeded(ctx))) {
          throw new Error(
            "The demo needs a fresh install. Point HANDOFF_DATA_DIR at an empty folder (or DATABASE_URL at an empty database) and run it again.",
          );
        }
        // Demo addresses are not real people: keep their mail in the app, never send it.
        return seedDemo({ ...ctx, config: { ...ctx.config, smtpUrl: undefined } });
      });
      console.log(
        "Demo workspace ready. Sign in as any of these (passwords are shown only now):\n",
      );
      console.table(logins);
    });
}
