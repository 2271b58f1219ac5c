import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { clientOf } from "../http/client.ts";
import { noContent, withErrors } from "../http/schema.ts";
import * as schema from "./schema.ts";
import * as contracts from "./service.ts";

const tags = ["Contracts"];
const params = schema.idParams;

/** Contracts: drafting, the huge-project guard, sending, acceptance, the document and its PDF. */
export function contractRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/contract-settings",
      {
        schema: {
          tags,
          summary: "The huge-project guard's threshold and the most one person should hold",
          response: { 200: schema.contractSettingsSchema, ...withErrors },
        },
      },
      async (request) => contracts.getContractSettings(ctx, requireActor(request)),
    );

    app.put(
      "/api/contract-settings",
      {
        schema: {
          tags,
          summary: "Change the huge-project guard's limits (owner only)",
          body: schema.contractSettingsInput,
          response: { 200: schema.contractSettingsSchema, ...withErrors },
        },
      },
      async (request) => contracts.updateContractSettings(ctx, requireActor(request), request.body),
    );

    app.get(
      "/api/contracts",
      {
        schema: {
          tags,
          summary:
            "Contracts, by status and contractor; a contractor sees only their own, never drafts",
          querystring: schema.contractFilter,
          response: { 200: z.array(schema.contractSummarySchema), ...withErrors },
        },
      },
      async (request) => contracts.listContracts(ctx, requireActor(request), request.query),
    );

    app.post(
      "/api/contracts",
      {
        schema: {
          tags,
          summary: "Draft a contract",
          body: schema.contractInput,
          response: { 201: schema.contractSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await contracts.createContract(ctx, requireActor(request), request.body)),
    );

    app.get(
      "/api/contracts/:id",
      {
        schema: {
          tags,
          summary: "One contract with its payment terms, planned milestones and acceptance",
          params,
          response: { 200: schema.contractSchema, ...withErrors },
        },
      },
      async (request) => contracts.getContract(ctx, requireActor(request), request.params.id),
    );

    app.put(
      "/api/contracts/:id",
      {
        schema: {
          tags,
          summary:
            "Change a draft or a sent contract; a sent one gets a new version to accept again",
          params,
          body: schema.contractUpdate,
          response: { 200: schema.contractSchema, ...withErrors },
        },
      },
      async (request) =>
        contracts.updateContract(ctx, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      "/api/contracts/:id",
      {
        schema: {
          tags,
          summary: "Delete a draft",
          params,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await contracts.deleteContract(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/contracts/:id/guard",
      {
        schema: {
          tags,
          summary: "What the huge-project guard would flag if the contract were sent now",
          params,
          response: { 200: schema.guardSchema, ...withErrors },
        },
      },
      async (request) => contracts.previewGuard(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/contracts/:id/send",
      {
        schema: {
          tags,
          summary:
            "Send a draft to the contractor; flags from the guard need a written reason (422 contract.guard_reason_required)",
          params,
          body: schema.sendInput,
          response: { 200: schema.contractSchema, ...withErrors },
        },
      },
      async (request) =>
        contracts.sendContract(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/api/contracts/:id/accept",
      {
        schema: {
          tags,
          summary:
            "The contractor accepts the text they read, by typing their name (409 contract.changed if it changed)",
          params,
          body: schema.acceptInput,
          response: { 200: schema.contractSchema, ...withErrors },
        },
      },
      async (request) =>
        contracts.acceptContract(
          ctx,
          requireActor(request),
          request.params.id,
          request.body,
          clientOf(request),
        ),
    );

    app.post(
      "/api/contracts/:id/complete",
      {
        schema: {
          tags,
          summary: "Mark an active contract completed once all its work is accepted and paid",
          params,
          response: { 200: schema.contractSchema, ...withErrors },
        },
      },
      async (request) => contracts.completeContract(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/contracts/:id/end",
      {
        schema: {
          tags,
          summary: "End a sent or active contract early, with the reason",
          params,
          body: schema.endInput,
          response: { 200: schema.contractSchema, ...withErrors },
        },
      },
      async (request) =>
        contracts.endContract(ctx, requireActor(request), request.params.id, request.body),
    );

    app.get(
      "/api/contracts/:id/document",
      {
        schema: {
          tags,
          summary: "The contract document: its exact Markdown text, SHA-256 and structure",
          params,
          response: { 200: schema.documentSchema, ...withErrors },
        },
      },
      async (request) => contracts.getDocument(ctx, requireActor(request), request.params.id),
    );

    app.get(
      "/api/contracts/:id/document.pdf",
      {
        schema: {
          tags,
          summary: "The contract document as a PDF, with the acceptance record",
          params,
          produces: ["application/pdf"],
        },
      },
      async (request, reply) => {
        const { fileName, pdf } = await contracts.getDocumentPdf(
          ctx,
          requireActor(request),
          request.params.id,
        );
        return reply
          .type("application/pdf")
          .header("content-disposition", `attachment; filename="${fileName}"`)
          .header("cache-control", "private, no-store")
          .send(pdf);
      },
    );
  };
}
