import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { idempotencyHeaders, idempotentRequest } from "../http/idempotency.ts";
import { withErrors } from "../http/schema.ts";
import * as barter from "./barter-service.ts";
import * as schema from "./barter-schema.ts";
import { idParams } from "./schema.ts";

const tags = ["Barter"];

/** Barter agreements and the value delivered on each side. */
export function barterRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/barters",
      {
        schema: {
          tags,
          summary: "Barter agreements, newest first, each with its running balance",
          querystring: schema.barterFilter,
          response: { 200: z.array(schema.barterSchema), ...withErrors },
        },
      },
      async (request) => barter.listBarters(ctx, requireActor(request), request.query),
    );

    app.post(
      "/api/barters",
      {
        schema: {
          tags,
          summary: "Agree a barter: what you give, what you get and what each is worth",
          body: schema.barterInput,
          response: { 201: schema.barterDetailSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await barter.createBarter(ctx, requireActor(request), request.body)),
    );

    app.get(
      "/api/barters/:id",
      {
        schema: {
          tags,
          summary: "A barter agreement with its deliveries and balance",
          params: idParams,
          response: { 200: schema.barterDetailSchema, ...withErrors },
        },
      },
      async (request) => barter.getBarter(ctx, requireActor(request), request.params.id),
    );

    app.put(
      "/api/barters/:id",
      {
        schema: {
          tags,
          summary: "Change the terms of an open agreement",
          params: idParams,
          body: schema.barterInput,
          response: { 200: schema.barterDetailSchema, ...withErrors },
        },
      },
      async (request) =>
        barter.updateBarter(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/api/barters/:id/close",
      {
        schema: {
          tags,
          summary: "Close an agreement; its deliveries and balance stay on record",
          params: idParams,
          response: { 200: schema.barterDetailSchema, ...withErrors },
        },
      },
      async (request) => barter.closeBarter(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/barters/:id/deliveries",
      {
        schema: {
          tags,
          summary: "Record value delivered by one side (needs an Idempotency-Key header)",
          params: idParams,
          headers: idempotencyHeaders,
          body: schema.deliveryInput,
          response: { 201: schema.barterDetailSchema, ...withErrors },
        },
      },
      async (request, reply) => {
        const detail = await barter.recordDelivery(
          ctx,
          requireActor(request),
          request.params.id,
          request.body,
          idempotentRequest(request),
        );
        return reply.status(201).send(detail);
      },
    );
  };
}
