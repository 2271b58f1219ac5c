import { Command } from "commander";
import { setupInput } from "../auth/schema.ts";
import { createWorkspace } from "../auth/service.ts";
import { withCommandContext } from "./context.ts";
import { parseOptions, readStdin } from "./input.ts";

export function createOwnerCommand(): Command {
  return new Command("create-owner")
    .description(
      "Create a workspace and its owner without the browser (headless installs). The password comes from HANDOFF_OWNER_PASSWORD or, with --password-stdin, from standard input.",
    )
    .requiredOption("--workspace <name>", "workspace (business) name")
    .requiredOption("--name <name>", "the owner's name")
    .requiredOption("--email <email>", "the owner's email, used to sign in")
    .option("--currency <code>", "ISO 4217 currency of the workspace", "USD")
    .option("--time-zone <zone>", "IANA time zone", "UTC")
    .option("--password-stdin", "read the password from standard input")
    .action(
      async (options: {
        workspace: string;
        name: string;
        email: string;
        currency: string;
        timeZone: string;
        passwordStdin?: boolean;
      }) => {
        const password = options.passwordStdin
          ? await readStdin()
          : process.env.HANDOFF_OWNER_PASSWORD;
        if (!password) {
          throw new Error("Give the password in HANDOFF_OWNER_PASSWORD or with --password-stdin.");
        }
        const input = parseOptions(setupInput, {
          workspaceName: options.workspace,
          ownerName: options.name,
          email: options.email,
          password,
          currency: options.currency,
          timeZone: options.timeZone,
        });
        await withCommandContext(async (ctx) => {
          await createWorkspace(ctx, input, { onlyIfFirst: false });
        });
        console.log(`Created workspace "${input.workspaceName}" with owner ${input.email}.`);
      },
    );
}
