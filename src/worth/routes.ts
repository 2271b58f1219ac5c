import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { noContent, withErrors } from "../http/schema.ts";
import * as schema from "./schema.ts";
import * as worth from "./service.ts";

const tags = ["Know your worth"];
const csvLimit = 5 * 1024 * 1024;

export function worthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(
      "text/csv",
      { parseAs: "string", bodyLimit: csvLimit },
      (_request, body, done) => done(null, body),
    );

    app.get(
      "/api/worth",
      {
        schema: {
          tags,
          summary: "Earnings, hourly value today and at the target profit",
          response: { 200: schema.worthSchema, ...withErrors },
        },
      },
      async (request) => worth.getWorth(ctx, requireActor(request)),
    );

    app.put(
      "/api/worth/earnings",
      {
        schema: {
          tags,
          summary: "Set profit and hours worked (per year, or working days × hours per day)",
          body: schema.earningsInput,
          response: { 200: schema.worthSchema, ...withErrors },
        },
      },
      async (request) => worth.saveEarnings(ctx, requireActor(request), request.body),
    );

    app.get(
      "/api/worth/areas",
      {
        schema: {
          tags,
          summary: "Task areas with their estimated market rates",
          response: { 200: z.array(schema.areaSchema), ...withErrors },
        },
      },
      async (request) => worth.listAreas(ctx, requireActor(request)),
    );

    app.post(
      "/api/worth/areas",
      {
        schema: {
          tags,
          summary: "Add a task area",
          body: schema.areaInput,
          response: { 201: schema.areaSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await worth.createArea(ctx, requireActor(request), request.body)),
    );

    app.put(
      "/api/worth/areas/:id",
      {
        schema: {
          tags,
          summary: "Rename an area or change its estimated rate",
          params: schema.worthIdParams,
          body: schema.areaInput,
          response: { 200: schema.areaSchema, ...withErrors },
        },
      },
      async (request) =>
        worth.updateArea(ctx, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      "/api/worth/areas/:id",
      {
        schema: {
          tags,
          summary: "Remove an area no task uses",
          params: schema.worthIdParams,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await worth.deleteArea(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/worth/barter-skills",
      {
        schema: {
          tags,
          summary: "Skills the owner is willing to trade",
          response: { 200: z.array(schema.barterSkillSchema), ...withErrors },
        },
      },
      async (request) => worth.listBarterSkills(ctx, requireActor(request)),
    );

    app.post(
      "/api/worth/barter-skills",
      {
        schema: {
          tags,
          summary: "Add a skill to trade",
          body: schema.barterSkillInput,
          response: { 201: schema.barterSkillSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await worth.addBarterSkill(ctx, requireActor(request), request.body.name)),
    );

    app.delete(
      "/api/worth/barter-skills/:id",
      {
        schema: {
          tags,
          summary: "Remove a skill to trade",
          params: schema.worthIdParams,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await worth.removeBarterSkill(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/worth/audit",
      {
        schema: {
          tags,
          summary: "Every task with its recommendation and reason, and the totals",
          response: { 200: schema.auditSchema, ...withErrors },
        },
      },
      async (request) => worth.getAudit(ctx, requireActor(request)),
    );

    app.post(
      "/api/worth/tasks",
      {
        schema: {
          tags,
          summary: "Add a task to the audit",
          body: schema.taskInput,
          response: { 201: schema.auditTaskSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await worth.createTask(ctx, requireActor(request), request.body)),
    );

    app.patch(
      "/api/worth/tasks/:id",
      {
        schema: {
          tags,
          summary: "Change a task",
          params: schema.worthIdParams,
          body: schema.taskUpdateInput,
          response: { 200: schema.auditTaskSchema, ...withErrors },
        },
      },
      async (request) =>
        worth.updateTask(ctx, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      "/api/worth/tasks/:id",
      {
        schema: {
          tags,
          summary: "Remove a task",
          params: schema.worthIdParams,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await worth.deleteTask(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/worth/tasks.csv",
      { schema: { tags, summary: "The task audit as CSV", produces: ["text/csv"] } },
      async (request, reply) => {
        const csv = await worth.exportTasksCsv(ctx, requireActor(request));
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="task-audit.csv"')
          .send(csv);
      },
    );

    app.post(
      "/api/worth/tasks/import",
      {
        schema: {
          tags,
          summary:
            "Import tasks from CSV (columns: name, area, hours_per_week, skill, enjoyment, strategic, needed, market_rate); all or nothing",
          consumes: ["text/csv"],
          body: z.string().max(csvLimit),
          response: { 201: schema.importResultSchema, ...withErrors },
        },
      },
      async (request, reply) => {
        const imported = await worth.importTasksCsv(ctx, requireActor(request), request.body);
        return reply.status(201).send({ imported });
      },
    );
  };
}
