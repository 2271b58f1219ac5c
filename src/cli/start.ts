import { Command } from "commander";
import { buildApp } from "../app.ts";
import { setupNeeded } from "../auth/service.ts";
import { readConfig } from "../config.ts";

export function startCommand(): Command {
  return new Command("start")
    .description("Migrate the database and serve the web app and API")
    .action(async () => {
      const config = readConfig();
      const app = await buildApp(config);
      await app.server.listen({ port: config.port, host: config.host });
      const where = config.publicUrl.toString().replace(/\/$/, "");
      const firstRun = await setupNeeded(app.ctx);
      console.log(
        `\nHandoff is running at ${where} (${app.database.kind}${
          app.database.kind === "sqlite"
            ? `, ${config.database.kind === "sqlite" ? config.database.file : ""}`
            : ""
        })` + (firstRun ? `\nOpen ${where} to set up your workspace.\n` : "\n"),
      );
      const shutdown = async (signal: string) => {
        app.ctx.log.info({ signal }, "shutting down");
        await app.close();
        process.exit(0);
      };
      process.once("SIGINT", () => void shutdown("SIGINT"));
      process.once("SIGTERM", () => void shutdown("SIGTERM"));
    });
}
