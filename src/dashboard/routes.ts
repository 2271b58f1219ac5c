import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { withErrors } from "../http/schema.ts";
import * as schema from "./schema.ts";
import * as dashboard from "./service.ts";

const tags = ["Dashboard"];

/** The owner's "what needs you today" and the contractor's "due from you". */
export function dashboardRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/dashboard",
      {
        schema: {
          tags,
          summary:
            "What needs the owner today: missing reports, milestones due or overdue, work to review, unaccepted contracts, budget left, guardrail warnings",
          response: { 200: schema.dashboardSchema, ...withErrors },
        },
      },
      async (request) => dashboard.getDashboard(ctx, requireActor(request)),
    );

    app.get(
      "/api/portal/today",
      {
        schema: {
          tags,
          summary:
            "What is due from the contractor asking: their next report, milestones, assigned work, work sent back, open checklists, and what they are owed and were paid",
          response: { 200: schema.portalTodaySchema, ...withErrors },
        },
      },
      async (request) => dashboard.getPortalToday(ctx, requireActor(request)),
    );
  };
}
