import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { withErrors } from "../http/schema.ts";
import { benchSchema } from "../people/schema.ts";
import { guardrailsSchema, loyaltySchema } from "./schema.ts";
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

    app.get(
      "/api/guardrails",
      {
        schema: {
          tags,
          summary:
            "Every guardrail: warnings with one action each, concentration of open contract value, contractors who slip with suggested replacements, and the reliable people to offer new work first",
          response: { 200: guardrailsSchema, ...withErrors },
        },
      },
      async (request) => guardrails.getGuardrails(ctx, requireActor(request)),
    );

    app.get(
      "/api/guardrails/loyalty",
      {
        schema: {
          tags,
          summary:
            "Only the reliable people over the loyalty window, best first: what the pickers for new work list first, without the other guardrails",
          response: { 200: loyaltySchema, ...withErrors },
        },
      },
      async (request) => guardrails.getLoyalty(ctx, requireActor(request)),
    );
  };
}
