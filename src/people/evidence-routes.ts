import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { noContent, withErrors } from "../http/schema.ts";
import * as evidence from "./evidence-service.ts";
import * as schema from "./schema.ts";
import { SAMPLE_TYPES } from "./schema.ts";

const tags = ["Hiring: evidence"];

/** The name percent-encoded as RFC 8187 asks: encodeURIComponent leaves ' ( ) * as they are. */
function rfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `filename` for old clients (ASCII only) and `filename*` with the real name in UTF-8. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc8187(fileName)}`;
}

/** Every kind of evidence is removed the same way: by its id, under its candidacy. */
const removals = [
  ["samples", "Remove a sample", evidence.deleteSample],
  ["references", "Remove a reference", evidence.deleteReference],
  ["review-checks", "Remove a review check", evidence.deleteReviewCheck],
  ["interviews", "Remove an interview", evidence.deleteInterview],
] as const;

export function evidenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Sample files arrive as the raw body; anything past the cap is refused before it is read whole.
    app.removeContentTypeParser("text/plain");
    app.addContentTypeParser(
      [...SAMPLE_TYPES],
      { parseAs: "buffer", bodyLimit: schema.MAX_SAMPLE_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get(
      "/api/candidacies/:id",
      {
        schema: {
          tags,
          summary: "A candidate's evaluation: evidence, scorecard, score and missing checks",
          params: schema.idParams,
          response: { 200: schema.evaluationSchema, ...withErrors },
        },
      },
      async (request) => evidence.getEvaluation(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/candidacies/:id/samples",
      {
        schema: {
          tags,
          summary: "Add a work sample as a link",
          params: schema.idParams,
          body: schema.sampleLinkInput,
          response: { 201: schema.sampleSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await evidence.addSampleLink(
              ctx,
              requireActor(request),
              request.params.id,
              request.body,
            ),
          ),
    );

    app.post(
      "/api/candidacies/:id/sample-files",
      {
        schema: {
          tags,
          summary:
            "Upload a work sample (PDF, PNG, JPEG, WebP, GIF or plain text, at most 5 MB) as the raw body",
          params: schema.idParams,
          querystring: schema.sampleFileQuery,
          consumes: [...SAMPLE_TYPES],
          response: { 201: schema.sampleSchema, ...withErrors },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const contentType = (request.headers["content-type"] ?? "").split(";")[0]?.trim() ?? "";
        const sample = await evidence.addSampleFile(ctx, requireActor(request), request.params.id, {
          title: request.query.title,
          fileName: request.query.fileName,
          contentType,
          bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
        });
        return reply.status(201).send(sample);
      },
    );

    app.get(
      "/api/candidacies/:id/samples/:itemId/file",
      {
        schema: {
          tags,
          summary: "Download an uploaded sample (always as an attachment)",
          params: schema.evidenceParams,
          produces: [...SAMPLE_TYPES],
        },
      },
      async (request, reply) => {
        const file = await evidence.readSampleFile(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.itemId,
        );
        return reply
          .type(file.contentType)
          .header("cache-control", "private, no-store")
          .header("content-disposition", attachment(file.fileName))
          .header("x-content-type-options", "nosniff")
          .send(file.bytes);
      },
    );

    app.post(
      "/api/candidacies/:id/references",
      {
        schema: {
          tags,
          summary: "Add a reference: who, how to reach them, contacted?, what they said",
          params: schema.idParams,
          body: schema.referenceInput,
          response: { 201: schema.referenceSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await evidence.addReference(
              ctx,
              requireActor(request),
              request.params.id,
              request.body,
            ),
          ),
    );

    app.put(
      "/api/candidacies/:id/references/:itemId",
      {
        schema: {
          tags,
          summary: "Change a reference, e.g. after contacting them",
          params: schema.evidenceParams,
          body: schema.referenceInput,
          response: { 200: schema.referenceSchema, ...withErrors },
        },
      },
      async (request) =>
        evidence.updateReference(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.itemId,
          request.body,
        ),
    );

    app.post(
      "/api/candidacies/:id/review-checks",
      {
        schema: {
          tags,
          summary: "Record online reviews read: where, and what they said",
          params: schema.idParams,
          body: schema.reviewCheckInput,
          response: { 201: schema.reviewCheckSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await evidence.addReviewCheck(
              ctx,
              requireActor(request),
              request.params.id,
              request.body,
            ),
          ),
    );

    app.post(
      "/api/candidacies/:id/interviews",
      {
        schema: {
          tags,
          summary: "Record an interview: the date, questions asked with answers, notes",
          params: schema.idParams,
          body: schema.interviewInput,
          response: { 201: schema.interviewSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await evidence.addInterview(
              ctx,
              requireActor(request),
              request.params.id,
              request.body,
            ),
          ),
    );

    app.put(
      "/api/candidacies/:id/interviews/:itemId",
      {
        schema: {
          tags,
          summary: "Change an interview's notes, questions or answers",
          params: schema.evidenceParams,
          body: schema.interviewInput,
          response: { 200: schema.interviewSchema, ...withErrors },
        },
      },
      async (request) =>
        evidence.updateInterview(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.itemId,
          request.body,
        ),
    );

    app.put(
      "/api/candidacies/:id/scorecard",
      {
        schema: {
          tags,
          summary: "Save the scorecard (each criterion 1–5 with a note; left out = not scored)",
          params: schema.idParams,
          body: schema.scorecardInput,
          response: { 200: schema.scorecardSchema, ...withErrors },
        },
      },
      async (request) =>
        evidence.saveScorecard(ctx, requireActor(request), request.params.id, request.body),
    );

    for (const [kind, summary, remove] of removals) {
      app.delete(
        `/api/candidacies/:id/${kind}/:itemId`,
        {
          schema: {
            tags,
            summary,
            params: schema.evidenceParams,
            response: { 204: noContent, ...withErrors },
          },
        },
        async (request, reply) => {
          await remove(ctx, requireActor(request), request.params.id, request.params.itemId);
          return reply.status(204).send(null);
        },
      );
    }
  };
}
