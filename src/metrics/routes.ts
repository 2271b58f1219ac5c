import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { Invalid } from "../errors.ts";
import { requireActor } from "../http/actor.ts";
import { noContent, withErrors } from "../http/schema.ts";
import * as budget from "./budget-service.ts";
import * as schema from "./schema.ts";
import * as metrics from "./service.ts";

const tags = ["Metrics"];

/** `actualSpend` reads what was paid in a month; the payments ledger provides it. */
export function metricsRoutes(
  ctx: AppContext,
  actualSpend?: budget.ActualSpend,
): FastifyPluginAsyncZod {
  return async (app) => {
    // Period imports are read as a stream, record by record; large files never sit in memory.
    app.addContentTypeParser("text/csv", (_request, payload, done) => done(null, payload));

    app.get(
      "/api/metrics/sites",
      {
        schema: {
          tags,
          summary: "Sites and how many months each has",
          response: { 200: z.array(schema.siteSchema), ...withErrors },
        },
      },
      async (request) => metrics.listSites(ctx, requireActor(request)),
    );

    app.post(
      "/api/metrics/sites",
      {
        schema: {
          tags,
          summary: "Add a site",
          body: schema.siteInput,
          response: { 201: schema.siteSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await metrics.createSite(ctx, requireActor(request), request.body)),
    );

    app.put(
      "/api/metrics/sites/:id",
      {
        schema: {
          tags,
          summary: "Rename a site or change its address",
          params: schema.siteIdParams,
          body: schema.siteInput,
          response: { 200: schema.siteSchema, ...withErrors },
        },
      },
      async (request) =>
        metrics.updateSite(ctx, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      "/api/metrics/sites/:id",
      {
        schema: {
          tags,
          summary: "Remove a site and its months",
          params: schema.siteIdParams,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await metrics.deleteSite(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/metrics/sites/:id/periods",
      {
        schema: {
          tags,
          summary: "A site's months with their funnel figures",
          params: schema.siteIdParams,
          querystring: schema.rangeQuery,
          response: { 200: z.array(schema.periodSchema), ...withErrors },
        },
      },
      async (request) =>
        metrics.listPeriods(ctx, requireActor(request), request.params.id, request.query),
    );

    app.put(
      "/api/metrics/sites/:id/periods/:month",
      {
        schema: {
          tags,
          summary: "Record or replace a month's numbers",
          params: schema.periodParams,
          body: schema.periodInput,
          response: { 200: schema.periodSchema, ...withErrors },
        },
      },
      async (request) =>
        metrics.savePeriod(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.month,
          request.body,
        ),
    );

    app.delete(
      "/api/metrics/sites/:id/periods/:month",
      {
        schema: {
          tags,
          summary: "Remove a month's numbers",
          params: schema.periodParams,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await metrics.deletePeriod(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.month,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/metrics/summary",
      {
        schema: {
          tags,
          summary:
            "All sites over a range: totals, rates, value and cost per visitor, profit, margin, trend and the maximum affordable outsourcing spend",
          querystring: schema.rangeQuery,
          response: { 200: schema.summarySchema, ...withErrors },
        },
      },
      async (request) => metrics.getSummary(ctx, requireActor(request), request.query),
    );

    app.get(
      "/api/metrics/periods.csv",
      { schema: { tags, summary: "Every site's months as CSV", produces: ["text/csv"] } },
      async (request, reply) => {
        const csv = await metrics.exportPeriodsCsv(ctx, requireActor(request));
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="funnel-periods.csv"')
          .send(csv);
      },
    );

    app.post(
      "/api/metrics/periods/import",
      {
        schema: {
          tags,
          summary:
            "Import months from CSV (site, month, visitors, prospects, customers, revenue, traffic_cost, other_costs)",
          consumes: ["text/csv"],
          querystring: schema.periodImportQuery,
          response: { 201: schema.periodImportResultSchema, ...withErrors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        // Only a text/csv body arrives as a stream; JSON or no body at all is refused here.
        if (!(request.body instanceof Readable)) {
          throw new Invalid("invalid_input", "Send the file as text/csv", {
            body: "Send the file with Content-Type: text/csv",
          });
        }
        const result = await metrics.importPeriodsCsv(ctx, actor, request.body, request.query.mode);
        return reply.status(201).send(result);
      },
    );

    app.get(
      "/api/budget",
      {
        schema: {
          tags: ["Budget and ROI"],
          summary: "The outsourcing budget, spend against it, and the return on outsourcing",
          response: { 200: schema.budgetSchema, ...withErrors },
        },
      },
      async (request) => budget.getBudget(ctx, requireActor(request), actualSpend),
    );

    app.put(
      "/api/budget",
      {
        schema: {
          tags: ["Budget and ROI"],
          summary: "Set the monthly budget, the profit floor and the growth assumptions",
          body: schema.budgetInput,
          response: { 200: schema.budgetSchema, ...withErrors },
        },
      },
      async (request) => budget.saveBudget(ctx, requireActor(request), request.body, actualSpend),
    );
  };
}
