import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { latestVersion, schemaVersion } from "../db/migrate.ts";

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/health",
      {
        schema: {
          tags: ["System"],
          summary: "Liveness, database kind and schema version",
          response: {
            200: z.object({
              status: z.literal("ok"),
              database: z.enum(["sqlite", "postgres"]),
              schemaVersion: z.number().int(),
              latestSchemaVersion: z.number().int(),
            }),
          },
        },
      },
      async () => ({
        status: "ok" as const,
        database: ctx.dbKind,
        schemaVersion: await schemaVersion(ctx.db),
        latestSchemaVersion: latestVersion,
      }),
    );
  };
}
