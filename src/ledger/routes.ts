import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { idempotencyHeaders, idempotentRequest } from "../http/idempotency.ts";
import { withErrors } from "../http/schema.ts";
import * as schema from "./schema.ts";
import * as ledger from "./service.ts";

const tags = ["Payments"];

/** Escrow, payouts, bonuses and reversals (each with an Idempotency-Key), and the ledger's reads. */
export function ledgerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/contracts/:id/escrow/fund",
      {
        schema: {
          tags,
          summary: "Put money in the contract's escrow, in the contract's currency",
          params: schema.idParams,
          headers: idempotencyHeaders,
          body: schema.escrowFundInput,
          response: { 201: schema.transactionSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await ledger.fundEscrow(
              ctx,
              requireActor(request),
              request.params.id,
              request.body,
              idempotentRequest(request),
            ),
          ),
    );

    app.post(
      "/api/contracts/:id/escrow/refund",
      {
        schema: {
          tags,
          summary: "Take money back out of the contract's escrow, never more than it holds",
          params: schema.idParams,
          headers: idempotencyHeaders,
          body: schema.escrowRefundInput,
          response: { 201: schema.transactionSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await ledger.refundEscrow(
              ctx,
              requireActor(request),
              request.params.id,
              request.body,
              idempotentRequest(request),
            ),
          ),
    );

    app.post(
      "/api/payouts",
      {
        schema: {
          tags,
          summary:
            "Record money sent to a person (method, reference, date); never more than they are owed",
          headers: idempotencyHeaders,
          body: schema.payoutInput,
          response: { 201: schema.transactionSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await ledger.recordPayout(
              ctx,
              requireActor(request),
              request.body,
              idempotentRequest(request),
            ),
          ),
    );

    app.post(
      "/api/bonuses",
      {
        schema: {
          tags,
          summary: "Give a person a bonus with its reason; it is added to what they are owed",
          headers: idempotencyHeaders,
          body: schema.bonusInput,
          response: { 201: schema.transactionSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await ledger.giveBonus(
              ctx,
              requireActor(request),
              request.body,
              idempotentRequest(request),
            ),
          ),
    );

    app.post(
      "/api/ledger/transactions/:id/reverse",
      {
        schema: {
          tags,
          summary: "Reverse a payout or a bonus with a new, opposite movement",
          params: schema.idParams,
          headers: idempotencyHeaders,
          body: schema.reverseInput,
          response: { 201: schema.transactionSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await ledger.reverseTransaction(
              ctx,
              requireActor(request),
              request.params.id,
              request.body,
              idempotentRequest(request),
            ),
          ),
    );

    app.get(
      "/api/payments",
      {
        schema: {
          tags,
          summary:
            "The ledger's movements, newest first, a page at a time; a contractor sees only their own payments",
          querystring: schema.paymentsFilter,
          response: { 200: schema.paymentsPageSchema, ...withErrors },
        },
      },
      async (request) => ledger.listPayments(ctx, requireActor(request), request.query),
    );

    app.get(
      "/api/payments/summary",
      {
        schema: {
          tags,
          summary:
            "Per currency: escrow held, owed, paid out and spent this month; per person: owed and paid",
          response: { 200: schema.paymentsSummarySchema, ...withErrors },
        },
      },
      async (request) => ledger.paymentsSummary(ctx, requireActor(request)),
    );
  };
}
