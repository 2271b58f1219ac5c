import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { acceptInput, sendBackInput } from "../contracts/delivery-schema.ts";
import { requireActor } from "../http/actor.ts";
import { withErrors } from "../http/schema.ts";
import { runReviewsSchema } from "./run-review-schema.ts";
import * as review from "./run-review-service.ts";
import { runParams } from "./schema.ts";

const tags = ["Checklist runs"];

/** Accepting a handed-in checklist run, or sending it back to be fixed. */
export function runReviewRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/runs/:id/reviews",
      {
        schema: {
          tags,
          summary: "Every decision on a checklist run, and whether it waits for one",
          params: runParams,
          response: { 200: runReviewsSchema, ...withErrors },
        },
      },
      async (request) => review.listRunReviews(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/runs/:id/accept",
      {
        schema: {
          tags,
          summary: "Accept a handed-in checklist run, with a note and ratings (1–5)",
          params: runParams,
          body: acceptInput,
          response: { 200: runReviewsSchema, ...withErrors },
        },
      },
      async (request) =>
        review.acceptRun(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/api/runs/:id/send-back",
      {
        schema: {
          tags,
          summary: "Send a handed-in checklist run back with feedback; it reopens to be fixed",
          params: runParams,
          body: sendBackInput,
          response: { 200: runReviewsSchema, ...withErrors },
        },
      },
      async (request) =>
        review.sendBackRun(ctx, requireActor(request), request.params.id, request.body),
    );
  };
}
