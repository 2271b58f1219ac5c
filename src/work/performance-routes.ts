import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { withErrors } from "../http/schema.ts";
import * as performance from "./performance-service.ts";
import * as schema from "./performance-schema.ts";
import { idParams } from "./schema.ts";

const tags = ["Performance"];

/** Each contractor's numbers and trend, top performers, and a contractor's own feedback. */
export function performanceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/contractors/:id/performance",
      {
        schema: {
          tags,
          summary:
            "A contractor's on-time rate, send-back rate, average ratings, reports on time and weekly trend",
          params: idParams,
          response: { 200: schema.performanceSchema, ...withErrors },
        },
      },
      async (request) => performance.getPerformance(ctx, requireActor(request), request.params.id),
    );

    app.get(
      "/api/performance/top",
      {
        schema: {
          tags,
          summary: "The reliable people, best first, each with a suggested reward",
          response: { 200: schema.topPerformersSchema, ...withErrors },
        },
      },
      async (request) => performance.getTopPerformers(ctx, requireActor(request)),
    );

    app.get(
      "/api/portal/feedback",
      {
        schema: {
          tags,
          summary:
            "Feedback on every delivery of the contractor signed in, with their own averages",
          response: { 200: schema.ownFeedbackSchema, ...withErrors },
        },
      },
      async (request) => performance.getOwnFeedback(ctx, requireActor(request)),
    );
  };
}
