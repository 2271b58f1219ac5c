import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { issuedInviteSchema } from "../auth/schema.ts";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { noContent, withErrors } from "../http/schema.ts";
import * as channels from "./channel-service.ts";
import * as portal from "./portal-service.ts";
import * as schema from "./schema.ts";
import * as people from "./service.ts";

const tags = ["People"];
const csvLimit = 5 * 1024 * 1024;

/** The contractor directory, its channels and settings, and the contractor's own profile. */
export function directoryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(
      "text/csv",
      { parseAs: "string", bodyLimit: csvLimit },
      (_request, body, done) => done(null, body),
    );

    app.get(
      "/api/contractors",
      {
        schema: {
          tags,
          summary:
            "The directory, narrowed by search, skill and level, status, channel and overlap",
          querystring: schema.contractorFilter,
          response: { 200: z.array(schema.contractorSchema), ...withErrors },
        },
      },
      async (request) => people.listContractors(ctx, requireActor(request), request.query),
    );

    app.post(
      "/api/contractors",
      {
        schema: {
          tags,
          summary: "Add a person to the directory",
          body: schema.contractorInput,
          response: { 201: schema.contractorDetailSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await people.createContractor(ctx, requireActor(request), request.body)),
    );

    app.get(
      "/api/contractors.csv",
      { schema: { tags, summary: "The directory as CSV", produces: ["text/csv"] } },
      async (request, reply) => {
        const csv = await people.exportContractorsCsv(ctx, requireActor(request));
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="contractors.csv"')
          .send(csv);
      },
    );

    app.post(
      "/api/contractors/import",
      {
        schema: {
          tags,
          summary:
            "Import people from CSV (the export's columns); a known email updates that person; all or nothing",
          consumes: ["text/csv"],
          body: z.string().max(csvLimit),
          response: { 200: schema.csvImportResult, ...withErrors },
        },
      },
      async (request) => people.importContractorsCsv(ctx, requireActor(request), request.body),
    );

    app.get(
      "/api/contractors/:id",
      {
        schema: {
          tags,
          summary: "One person with their rate history and candidacies",
          params: schema.idParams,
          response: { 200: schema.contractorDetailSchema, ...withErrors },
        },
      },
      async (request) => people.getContractor(ctx, requireActor(request), request.params.id),
    );

    app.put(
      "/api/contractors/:id",
      {
        schema: {
          tags,
          summary: "Change a person; a new rate or currency is added to their rate history",
          params: schema.idParams,
          body: schema.contractorInput,
          response: { 200: schema.contractorDetailSchema, ...withErrors },
        },
      },
      async (request) =>
        people.updateContractor(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/api/contractors/:id/invite",
      {
        schema: {
          tags,
          summary: "Invite the person to the contractor portal under their email",
          params: schema.idParams,
          response: { 201: issuedInviteSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await people.inviteContractor(ctx, requireActor(request), request.params.id)),
    );

    app.get(
      "/api/contractor-settings",
      {
        schema: {
          tags,
          summary: "Minimum skill level, the owner's working day and exchange rates",
          response: { 200: schema.peopleSettingsSchema, ...withErrors },
        },
      },
      async (request) => people.getSettings(ctx, requireActor(request)),
    );

    app.put(
      "/api/contractor-settings",
      {
        schema: {
          tags,
          summary: "Change the people settings (owner only); fields left out stay as they are",
          body: schema.peopleSettingsInput,
          response: { 200: schema.peopleSettingsSchema, ...withErrors },
        },
      },
      async (request) => people.updateSettings(ctx, requireActor(request), request.body),
    );

    app.get(
      "/api/channels",
      {
        schema: {
          tags,
          summary: "Where people come from, with their fees and how many came through each",
          response: { 200: z.array(schema.channelSchema), ...withErrors },
        },
      },
      async (request) => channels.listChannels(ctx, requireActor(request)),
    );

    app.post(
      "/api/channels",
      {
        schema: {
          tags,
          summary: "Add a channel",
          body: schema.channelInput,
          response: { 201: schema.channelSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await channels.createChannel(ctx, requireActor(request), request.body)),
    );

    app.put(
      "/api/channels/:id",
      {
        schema: {
          tags,
          summary: "Rename a channel, set its fee, archive it or bring it back",
          params: schema.idParams,
          body: schema.channelInput,
          response: { 200: schema.channelSchema, ...withErrors },
        },
      },
      async (request) =>
        channels.updateChannel(ctx, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      "/api/channels/:id",
      {
        schema: {
          tags,
          summary: "Delete a channel nobody came through (archive one in use instead)",
          params: schema.idParams,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await channels.deleteChannel(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/portal/profile",
      {
        schema: {
          tags,
          summary: "The contractor's own profile (made from their account on the first visit)",
          response: { 200: schema.ownProfileSchema, ...withErrors },
        },
      },
      async (request) => portal.getOwnProfile(ctx, requireActor(request)),
    );

    app.put(
      "/api/portal/profile",
      {
        schema: {
          tags,
          summary: "The contractor updates their time zone, working hours and contact preference",
          body: schema.ownProfileInput,
          response: { 200: schema.ownProfileSchema, ...withErrors },
        },
      },
      async (request) => portal.updateOwnProfile(ctx, requireActor(request), request.body),
    );
  };
}
