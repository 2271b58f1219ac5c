import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { withErrors } from "../http/schema.ts";
import { benchSchema } from "../people/schema.ts";
import * as guardrails from "./service.ts";

const tags = ["Guardrails"];

export function guardrailRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/bench",
      {
        schema: {
          tags,
          summary:
            "Bench strength: the active people able to do each skill area in use, with a warning below two",
          response: { 200: benchSchema, ...withErrors },
        },
      },
      async (request) => guardrails.getBench(ctx, requireActor(request)),
    );
  };
}
