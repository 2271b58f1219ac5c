import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { withErrors } from "../http/schema.ts";
import * as cadence from "./cadence-service.ts";
import * as reports from "./report-service.ts";
import * as schema from "./schema.ts";
import * as work from "./service.ts";
import * as settings from "./settings-service.ts";

const tags = ["Work"];

/** Assignments, progress reports and replies, reporting cadence and the work settings. */
export function workRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/work-settings",
      {
        schema: {
          tags,
          summary: "When daily reports relax to weekly, the slip limit and the loyalty window",
          response: { 200: schema.workSettingsSchema, ...withErrors },
        },
      },
      async (request) => settings.getWorkSettings(ctx, requireActor(request)),
    );

    app.put(
      "/api/work-settings",
      {
        schema: {
          tags,
          summary: "Change the work settings (owner only); fields left out stay as they are",
          body: schema.workSettingsInput,
          response: { 200: schema.workSettingsSchema, ...withErrors },
        },
      },
      async (request) => settings.updateWorkSettings(ctx, requireActor(request), request.body),
    );

    app.get(
      "/api/assignments",
      {
        schema: {
          tags,
          summary: "Assigned work, open first; a contractor gets only their own",
          querystring: schema.assignmentFilter,
          response: { 200: z.array(schema.assignmentSchema), ...withErrors },
        },
      },
      async (request) => work.listAssignments(ctx, requireActor(request), request.query),
    );

    app.post(
      "/api/assignments",
      {
        schema: {
          tags,
          summary: "Assign work to a contractor under one of their active contracts",
          body: schema.assignmentInput,
          response: { 201: schema.assignmentSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await work.createAssignment(ctx, requireActor(request), request.body)),
    );

    app.put(
      "/api/assignments/:id",
      {
        schema: {
          tags,
          summary: "Change open work: title, notes, due date, expected hours",
          params: schema.idParams,
          body: schema.assignmentUpdate,
          response: { 200: schema.assignmentSchema, ...withErrors },
        },
      },
      async (request) =>
        work.updateAssignment(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/api/assignments/:id/done",
      {
        schema: {
          tags,
          summary: "Mark open work done (staff, or the contractor it is assigned to)",
          params: schema.idParams,
          response: { 200: schema.assignmentSchema, ...withErrors },
        },
      },
      async (request) => work.markAssignmentDone(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/assignments/:id/cancel",
      {
        schema: {
          tags,
          summary: "Cancel open work",
          params: schema.idParams,
          response: { 200: schema.assignmentSchema, ...withErrors },
        },
      },
      async (request) => work.cancelAssignment(ctx, requireActor(request), request.params.id),
    );

    app.get(
      "/api/reports",
      {
        schema: {
          tags,
          summary: "Progress reports, newest first; a contractor gets only their own",
          querystring: schema.reportFilter,
          response: { 200: schema.reportPageSchema, ...withErrors },
        },
      },
      async (request) => reports.listReports(ctx, requireActor(request), request.query),
    );

    app.post(
      "/api/reports",
      {
        schema: {
          tags,
          summary: "Send a progress report (contractor); it answers the report due now",
          body: schema.reportInput,
          response: { 201: schema.reportSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await reports.submitReport(ctx, requireActor(request), request.body)),
    );

    app.get(
      "/api/reports/:id",
      {
        schema: {
          tags,
          summary: "One progress report with its replies",
          params: schema.idParams,
          response: { 200: schema.reportSchema, ...withErrors },
        },
      },
      async (request) => reports.getReport(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/reports/:id/replies",
      {
        schema: {
          tags,
          summary: "Reply to a progress report",
          params: schema.idParams,
          body: schema.replyInput,
          response: { 201: schema.replySchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await reports.replyToReport(
              ctx,
              requireActor(request),
              request.params.id,
              request.body,
            ),
          ),
    );

    app.post(
      "/api/reports/:id/resolve-blocker",
      {
        schema: {
          tags,
          summary: "Mark the blocker a report names as resolved",
          params: schema.idParams,
          response: { 200: schema.reportSchema, ...withErrors },
        },
      },
      async (request) => reports.resolveBlocker(ctx, requireActor(request), request.params.id),
    );

    app.get(
      "/api/cadences",
      {
        schema: {
          tags,
          summary: "The reporting cadence of everyone with an active contract",
          response: { 200: z.array(schema.cadenceSchema), ...withErrors },
        },
      },
      async (request) => cadence.listCadences(ctx, requireActor(request)),
    );

    app.get(
      "/api/contractors/:id/cadence",
      {
        schema: {
          tags,
          summary: "A contractor's cadence, next report due, the reason and every change",
          params: schema.idParams,
          response: { 200: schema.cadenceSchema, ...withErrors },
        },
      },
      async (request) => cadence.getCadence(ctx, requireActor(request), request.params.id),
    );

    app.put(
      "/api/contractors/:id/cadence-pin",
      {
        schema: {
          tags,
          summary: "Pin a contractor's cadence, or remove the pin with null",
          params: schema.idParams,
          body: schema.cadencePinInput,
          response: { 200: schema.cadenceSchema, ...withErrors },
        },
      },
      async (request) =>
        cadence.pinCadence(ctx, requireActor(request), request.params.id, request.body.cadence),
    );

    app.get(
      "/api/portal/cadence",
      {
        schema: {
          tags,
          summary: "The contractor's own cadence and when their next report is due",
          response: { 200: schema.cadenceSchema, ...withErrors },
        },
      },
      async (request) => cadence.getOwnCadence(ctx, requireActor(request)),
    );
  };
}
