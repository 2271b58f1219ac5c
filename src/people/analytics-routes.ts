import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { withErrors } from "../http/schema.ts";
import * as analytics from "./analytics-service.ts";
import { channelAnalyticsSchema } from "./schema.ts";

const tags = ["Find people"];

/** `paymentsToPeople` fills in cost per hire; the payments ledger provides it. */
export function channelAnalyticsRoutes(
  ctx: AppContext,
  paymentsToPeople?: analytics.PaymentsToPeople,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/channels/analytics",
      {
        schema: {
          tags,
          summary:
            "Per channel: candidates, hires, hire rate, average scorecard score, rating and cost per hire",
          response: { 200: channelAnalyticsSchema, ...withErrors },
        },
      },
      async (request) =>
        analytics.getChannelAnalytics(ctx, requireActor(request), paymentsToPeople),
    );
  };
}
