import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { idempotencyHeaders, idempotentRequest } from "../http/idempotency.ts";
import { noContent, withErrors } from "../http/schema.ts";
import { idParams } from "./schema.ts";
import * as timesheets from "./timesheet-service.ts";
import * as schema from "./timesheet-schema.ts";

const tags = ["Time and retainers"];

/** Hourly contracts: time entries and weekly timesheets. */
export function timesheetRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/contracts/:id/time-entries",
      {
        schema: {
          tags,
          summary: "One week's time entries with the week's total, cap and amount",
          params: idParams,
          querystring: schema.weekQuery,
          response: { 200: schema.weekEntriesSchema, ...withErrors },
        },
      },
      async (request) =>
        timesheets.getWeek(ctx, requireActor(request), request.params.id, request.query.week),
    );

    app.post(
      "/api/contracts/:id/time-entries",
      {
        schema: {
          tags,
          summary: "Log time on an active hourly contract (the contractor), within the weekly cap",
          params: idParams,
          body: schema.timeEntryInput,
          response: { 201: schema.timeEntrySchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await timesheets.logTime(ctx, requireActor(request), request.params.id, request.body),
          ),
    );

    app.delete(
      "/api/time-entries/:id",
      {
        schema: {
          tags,
          summary: "Take back one of your own time entries while its week is open",
          params: idParams,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await timesheets.removeTimeEntry(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/contracts/:id/timesheets",
      {
        schema: {
          tags,
          summary: "The contract's weeks, newest first, with minutes, cap, amount and status",
          params: idParams,
          response: { 200: z.array(schema.timesheetWeekSchema), ...withErrors },
        },
      },
      async (request) => timesheets.listTimesheets(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/contracts/:id/timesheets",
      {
        schema: {
          tags,
          summary: "Submit a week's time for review (needs an Idempotency-Key header)",
          params: idParams,
          headers: idempotencyHeaders,
          body: schema.timesheetInput,
          response: { 201: schema.weekEntriesSchema, ...withErrors },
        },
      },
      async (request, reply) => {
        const week = await timesheets.submitWeek(
          ctx,
          requireActor(request),
          request.params.id,
          request.body,
          idempotentRequest(request),
        );
        return reply.status(201).send(week);
      },
    );
  };
}
