import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { idempotencyHeaders, idempotentRequest } from "../http/idempotency.ts";
import { withErrors } from "../http/schema.ts";
import * as retainers from "./retainer-service.ts";
import * as retainerSchema from "./retainer-schema.ts";
import { idParams } from "./schema.ts";

const tags = ["Time and retainers"];

/** Monthly retainers: the months of a contract and the contractor's monthly submissions. */
export function retainerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/contracts/:id/retainer-months",
      {
        schema: {
          tags,
          summary: "The retainer's months so far, newest first, with amount and status",
          params: idParams,
          response: { 200: retainerSchema.retainerMonthsSchema, ...withErrors },
        },
      },
      async (request) =>
        retainers.listRetainerMonths(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/contracts/:id/retainer-months",
      {
        schema: {
          tags,
          summary: "Submit a month's work for review (needs an Idempotency-Key header)",
          params: idParams,
          headers: idempotencyHeaders,
          body: retainerSchema.retainerInput,
          response: { 201: retainerSchema.retainerMonthSchema, ...withErrors },
        },
      },
      async (request, reply) => {
        const month = await retainers.submitMonth(
          ctx,
          requireActor(request),
          request.params.id,
          request.body,
          idempotentRequest(request),
        );
        return reply.status(201).send(month);
      },
    );
  };
}
