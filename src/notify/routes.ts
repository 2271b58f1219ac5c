import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { withErrors } from "../http/schema.ts";
import { inboxRoutes } from "./inbox-routes.ts";
import { outboxMessageSchema } from "./schema.ts";
import { listOutbox } from "./service.ts";

export function notifyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(inboxRoutes(ctx));

    app.get(
      "/api/outbox",
      {
        schema: {
          tags: ["Mail"],
          summary: "Mail the workspace sent, or kept when SMTP is not configured (newest first)",
          response: { 200: z.array(outboxMessageSchema), ...withErrors },
        },
      },
      async (request) => listOutbox(ctx, requireActor(request)),
    );
  };
}
