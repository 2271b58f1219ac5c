import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { withErrors } from "../http/schema.ts";
import { evidenceRoutes } from "./evidence-routes.ts";
import * as hiring from "./hiring-service.ts";
import * as schema from "./schema.ts";

const tags = ["Hiring"];

/** Openings and the pipeline; the evidence on each candidate has its own plugin (raw file uploads). */
export function hiringRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(evidenceRoutes(ctx));

    app.get(
      "/api/openings",
      {
        schema: {
          tags,
          summary: "Openings, newest first, with how many candidates are at each stage",
          response: { 200: z.array(schema.openingSchema), ...withErrors },
        },
      },
      async (request) => hiring.listOpenings(ctx, requireActor(request)),
    );

    app.post(
      "/api/openings",
      {
        schema: {
          tags,
          summary: "Open a role; from a procedure, its job post is written for you",
          body: schema.openingInput,
          response: { 201: schema.openingSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await hiring.createOpening(ctx, requireActor(request), request.body)),
    );

    app.get(
      "/api/openings/:id",
      {
        schema: {
          tags,
          summary: "An opening with its candidates in board order",
          params: schema.idParams,
          response: { 200: schema.openingDetailSchema, ...withErrors },
        },
      },
      async (request) => hiring.getOpening(ctx, requireActor(request), request.params.id),
    );

    app.put(
      "/api/openings/:id",
      {
        schema: {
          tags,
          summary: "Rename, change the job post or area, close or reopen",
          params: schema.idParams,
          body: schema.openingUpdate,
          response: { 200: schema.openingSchema, ...withErrors },
        },
      },
      async (request) =>
        hiring.updateOpening(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/api/openings/:id/candidates",
      {
        schema: {
          tags,
          summary: "Add someone from the directory, or a new person, as a candidate",
          params: schema.idParams,
          body: schema.newCandidateInput,
          response: { 201: schema.candidacySchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await hiring.addCandidate(ctx, requireActor(request), request.params.id, request.body),
          ),
    );

    app.put(
      "/api/candidacies/:id/stage",
      {
        schema: {
          tags,
          summary: "Move a candidate to a stage and place in its column (rejecting needs a reason)",
          params: schema.idParams,
          body: schema.stageMove,
          response: { 200: schema.candidacySchema, ...withErrors },
        },
      },
      async (request) =>
        hiring.moveCandidacy(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/api/candidacies/:id/hire",
      {
        schema: {
          tags,
          summary: "Hire: the candidate becomes an active contractor, same record",
          params: schema.idParams,
          body: schema.hireInput,
          response: { 200: schema.hireResult, ...withErrors },
        },
      },
      async (request) => hiring.hire(ctx, requireActor(request), request.params.id, request.body),
    );
  };
}
