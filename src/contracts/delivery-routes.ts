import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { idempotencyHeaders, idempotentRequest } from "../http/idempotency.ts";
import { withErrors } from "../http/schema.ts";
import { contractMoneySchema } from "../ledger/schema.ts";
import * as delivery from "./delivery-service.ts";
import * as schema from "./delivery-schema.ts";
import { idParams } from "./schema.ts";

const tags = ["Delivery"];

/** Handing in work, accepting or sending it back, and releasing payment for accepted work. */
export function deliveryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/contracts/:id/milestones",
      {
        schema: {
          tags,
          summary:
            "Every milestone, timesheet week and retainer month of a contract, with its latest hand-in and money",
          params: idParams,
          response: { 200: z.array(schema.deliveryMilestoneSchema), ...withErrors },
        },
      },
      async (request) => delivery.listMilestones(ctx, requireActor(request), request.params.id),
    );

    app.get(
      "/api/contracts/:id/money",
      {
        schema: {
          tags,
          summary: "Escrow held, money released and accepted work awaiting release on a contract",
          params: idParams,
          response: { 200: contractMoneySchema, ...withErrors },
        },
      },
      async (request) => delivery.getContractMoney(ctx, requireActor(request), request.params.id),
    );

    app.get(
      "/api/milestones/:id",
      {
        schema: {
          tags,
          summary: "One milestone with every hand-in and decision",
          params: idParams,
          response: { 200: schema.milestoneDetailSchema, ...withErrors },
        },
      },
      async (request) => delivery.getMilestone(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/milestones/:id/submit",
      {
        schema: {
          tags,
          summary: "Hand in a milestone's work (the contractor of an active contract)",
          params: idParams,
          headers: idempotencyHeaders,
          body: schema.submitInput,
          response: { 200: schema.deliveryMilestoneSchema, ...withErrors },
        },
      },
      async (request) =>
        delivery.submitWork(
          ctx,
          requireActor(request),
          request.params.id,
          request.body,
          idempotentRequest(request),
        ),
    );

    app.post(
      "/api/milestones/:id/accept",
      {
        schema: {
          tags,
          summary: "Accept handed-in work, with an optional note and ratings (1–5)",
          params: idParams,
          headers: idempotencyHeaders,
          body: schema.acceptInput,
          response: { 200: schema.deliveryMilestoneSchema, ...withErrors },
        },
      },
      async (request) =>
        delivery.acceptWork(
          ctx,
          requireActor(request),
          request.params.id,
          request.body,
          idempotentRequest(request),
        ),
    );

    app.post(
      "/api/milestones/:id/send-back",
      {
        schema: {
          tags,
          summary: "Send handed-in work back with feedback on what to change",
          params: idParams,
          headers: idempotencyHeaders,
          body: schema.sendBackInput,
          response: { 200: schema.deliveryMilestoneSchema, ...withErrors },
        },
      },
      async (request) =>
        delivery.sendBackWork(
          ctx,
          requireActor(request),
          request.params.id,
          request.body,
          idempotentRequest(request),
        ),
    );

    app.post(
      "/api/milestones/:id/release",
      {
        schema: {
          tags,
          summary:
            "Pay accepted work into what the contractor is owed: from escrow first, then from funds",
          params: idParams,
          headers: idempotencyHeaders,
          response: { 200: schema.releaseResultSchema, ...withErrors },
        },
      },
      async (request) =>
        delivery.releasePayment(
          ctx,
          requireActor(request),
          request.params.id,
          idempotentRequest(request),
        ),
    );
  };
}
