import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { noContent, withErrors } from "../http/schema.ts";
import * as runs from "./run-service.ts";
import * as schema from "./schema.ts";
import * as sops from "./service.ts";

const tags = ["Blueprints"];
const runTags = ["Checklist runs"];

export function sopRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Images arrive as the raw file body; anything past the cap is refused before it is read whole.
    app.addContentTypeParser(
      [...schema.IMAGE_TYPES],
      { parseAs: "buffer", bodyLimit: schema.MAX_IMAGE_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get(
      "/api/sops",
      {
        schema: {
          tags,
          summary: "Procedures",
          response: { 200: z.array(schema.sopSummarySchema), ...withErrors },
        },
      },
      async (request) => sops.listSops(ctx, requireActor(request)),
    );

    app.post(
      "/api/sops",
      {
        schema: {
          tags,
          summary: "Write a new procedure (its first draft)",
          body: schema.draftInput,
          response: { 201: schema.sopSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await sops.createSop(ctx, requireActor(request), request.body)),
    );

    app.get(
      "/api/sops/templates",
      {
        schema: {
          tags,
          summary: "Example procedures to copy",
          response: { 200: z.array(schema.templateSchema), ...withErrors },
        },
      },
      async (request) => sops.listTemplates(requireActor(request)),
    );

    app.post(
      "/api/sops/from-template",
      {
        schema: {
          tags,
          summary: "Start a procedure from an example",
          body: schema.templateInput,
          response: { 201: schema.sopSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await sops.createFromTemplate(ctx, requireActor(request), request.body.template)),
    );

    app.get(
      "/api/sops/settings",
      {
        schema: {
          tags,
          summary: "The readability bar and jargon list",
          response: { 200: schema.settingsSchema, ...withErrors },
        },
      },
      async (request) => sops.getSettings(ctx, requireActor(request)),
    );

    app.put(
      "/api/sops/settings",
      {
        schema: {
          tags,
          summary: "Set the readability bar and jargon list",
          body: schema.settingsInput,
          response: { 200: schema.settingsSchema, ...withErrors },
        },
      },
      async (request) => sops.saveSettings(ctx, requireActor(request), request.body),
    );

    app.get(
      "/api/sops/:id",
      {
        schema: {
          tags,
          summary: "A procedure with its draft, versions and shares",
          params: schema.sopParams,
          response: { 200: schema.sopSchema, ...withErrors },
        },
      },
      async (request) => sops.getSop(ctx, requireActor(request), request.params.id),
    );

    app.put(
      "/api/sops/:id/draft",
      {
        schema: {
          tags,
          summary: "Save the draft; answers with its readability score",
          params: schema.sopParams,
          body: schema.draftInput,
          response: { 200: schema.versionSchema, ...withErrors },
        },
      },
      async (request) =>
        sops.saveDraft(ctx, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      "/api/sops/:id/draft",
      {
        schema: {
          tags,
          summary: "Discard the draft",
          params: schema.sopParams,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await sops.discardDraft(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.patch(
      "/api/sops/:id/links",
      {
        schema: {
          tags,
          summary: "Link to the task it blueprints and its skill area",
          params: schema.sopParams,
          body: schema.linkInput,
          response: { 200: schema.sopSchema, ...withErrors },
        },
      },
      async (request) => sops.linkSop(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/api/sops/:id/publish",
      {
        schema: {
          tags,
          summary: "Freeze the draft as the next numbered version",
          params: schema.sopParams,
          body: schema.publishInput,
          response: { 201: schema.versionSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await sops.publish(
              ctx,
              requireActor(request),
              request.params.id,
              request.body.overrideReason,
            ),
          ),
    );

    app.get(
      "/api/sops/:id/versions/:number",
      {
        schema: {
          tags,
          summary: "One published version",
          params: schema.versionParams,
          response: { 200: schema.versionSchema, ...withErrors },
        },
      },
      async (request) =>
        sops.getVersion(ctx, requireActor(request), request.params.id, request.params.number),
    );

    app.post(
      "/api/sops/:id/versions/:number/override",
      {
        schema: {
          tags,
          summary: "Let a hard-to-follow version be handed over, with a written reason",
          params: schema.versionParams,
          body: schema.overrideInput,
          response: { 200: schema.versionSchema, ...withErrors },
        },
      },
      async (request) =>
        sops.overrideGate(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.number,
          request.body.reason,
        ),
    );

    app.get(
      "/api/sops/:id/diff",
      {
        schema: {
          tags,
          summary: "What changed between two versions",
          params: schema.sopParams,
          querystring: schema.diffQuery,
          response: { 200: schema.diffSchema, ...withErrors },
        },
      },
      async (request) =>
        sops.diffVersions(
          ctx,
          requireActor(request),
          request.params.id,
          request.query.from,
          request.query.to,
        ),
    );

    app.post(
      "/api/sops/:id/shares",
      {
        schema: {
          tags,
          summary: "Share a version with contractors",
          params: schema.sopParams,
          body: schema.shareInput,
          response: { 200: schema.sopSchema, ...withErrors },
        },
      },
      async (request) => sops.share(ctx, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      "/api/sops/:id/shares/:userId",
      {
        schema: {
          tags,
          summary: "Stop sharing with a contractor",
          params: schema.shareParams,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await sops.unshare(ctx, requireActor(request), request.params.id, request.params.userId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/sops/:id/versions/:number/job-post",
      {
        schema: {
          tags,
          summary: "Job posts for each channel",
          params: schema.versionParams,
          response: { 200: schema.jobPostSchema, ...withErrors },
        },
      },
      async (request) =>
        sops.jobPost(ctx, requireActor(request), request.params.id, request.params.number),
    );

    app.get(
      "/api/sops/:id/stuck",
      {
        schema: {
          tags,
          summary: "Where people get stuck, per step across runs",
          params: schema.sopParams,
          response: { 200: schema.stuckSchema, ...withErrors },
        },
      },
      async (request) => runs.stuckSteps(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/sops/:id/images",
      {
        schema: {
          tags,
          summary: "Upload an example image (PNG, JPEG, WebP or GIF, at most 2 MB) as the raw body",
          params: schema.sopParams,
          consumes: [...schema.IMAGE_TYPES],
          response: { 201: schema.imageSchema, ...withErrors },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const contentType = (request.headers["content-type"] ?? "").split(";")[0]?.trim() ?? "";
        const image = await sops.uploadImage(
          ctx,
          requireActor(request),
          request.params.id,
          contentType,
          Buffer.isBuffer(body) ? body : Buffer.alloc(0),
        );
        return reply.status(201).send(image);
      },
    );

    app.get(
      "/api/sops/images/:imageId",
      {
        schema: {
          tags,
          summary: "An example image",
          params: schema.imageParams,
          produces: [...schema.IMAGE_TYPES],
        },
      },
      async (request, reply) => {
        const image = await sops.readImage(ctx, requireActor(request), request.params.imageId);
        return reply
          .type(image.contentType)
          .header("cache-control", "private, max-age=3600")
          .header("content-disposition", "inline")
          .send(image.bytes);
      },
    );

    app.get(
      "/api/portal/sops",
      {
        schema: {
          tags,
          summary: "The versions shared with me (contractors)",
          response: {
            200: z.array(schema.sharedSopSchema),
            ...withErrors,
          },
        },
      },
      async (request) => sops.sharedWithMe(ctx, requireActor(request)),
    );

    app.get(
      "/api/runs",
      {
        schema: {
          tags: runTags,
          summary: "Checklist runs (a contractor sees only their own)",
          querystring: z.strictObject({ sopId: z.uuid().optional() }),
          response: { 200: z.array(schema.runSummarySchema), ...withErrors },
        },
      },
      async (request) => runs.listRuns(ctx, requireActor(request), request.query),
    );

    app.post(
      "/api/runs",
      {
        schema: {
          tags: runTags,
          summary: "Start a checklist for a contractor",
          body: schema.runInput,
          response: { 201: schema.runSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await runs.startRun(ctx, requireActor(request), request.body)),
    );

    app.get(
      "/api/runs/:id",
      {
        schema: {
          tags: runTags,
          summary: "A checklist run",
          params: schema.runParams,
          response: { 200: schema.runSchema, ...withErrors },
        },
      },
      async (request) => runs.getRun(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/runs/:id/steps/:index/check",
      {
        schema: {
          tags: runTags,
          summary: "Tick a step, with an optional note and link",
          params: schema.runStepParams,
          body: schema.checkInput,
          response: { 200: schema.runSchema, ...withErrors },
        },
      },
      async (request) =>
        runs.checkStep(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.index,
          request.body,
        ),
    );

    app.post(
      "/api/runs/:id/steps/:index/uncheck",
      {
        schema: {
          tags: runTags,
          summary: "Untick a step",
          params: schema.runStepParams,
          response: { 200: schema.runSchema, ...withErrors },
        },
      },
      async (request) =>
        runs.uncheckStep(ctx, requireActor(request), request.params.id, request.params.index),
    );

    app.post(
      "/api/runs/:id/steps/:index/questions",
      {
        schema: {
          tags: runTags,
          summary: "Ask a question on a step",
          params: schema.runStepParams,
          body: schema.questionInput,
          response: { 200: schema.runSchema, ...withErrors },
        },
      },
      async (request) =>
        runs.askQuestion(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.index,
          request.body.question,
        ),
    );

    app.post(
      "/api/runs/:id/questions/:questionId/answer",
      {
        schema: {
          tags: runTags,
          summary: "Answer a question",
          params: schema.questionParams,
          body: schema.answerInput,
          response: { 200: schema.runSchema, ...withErrors },
        },
      },
      async (request) =>
        runs.answerQuestion(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.questionId,
          request.body.answer,
        ),
    );

    app.post(
      "/api/runs/:id/submit",
      {
        schema: {
          tags: runTags,
          summary: "Hand the checklist in",
          params: schema.runParams,
          response: { 200: schema.runSchema, ...withErrors },
        },
      },
      async (request) => runs.submitRun(ctx, requireActor(request), request.params.id),
    );
  };
}
