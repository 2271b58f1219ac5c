import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { clientOf } from "../http/client.ts";
import { withErrors } from "../http/schema.ts";
import { sessionReplacer } from "../http/session-cookie.ts";
import * as schema from "./schema.ts";
import * as team from "./team-service.ts";

/** The workspace's settings, its people, and invitations. */
export function teamRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const replaceSession = sessionReplacer(ctx);

  return async (app) => {
    app.get(
      "/api/workspace",
      {
        schema: {
          tags: ["Workspace"],
          summary: "The workspace's name, currency and time zone",
          response: { 200: schema.workspaceSchema, ...withErrors },
        },
      },
      async (request) => team.getWorkspace(ctx, requireActor(request)),
    );

    app.patch(
      "/api/workspace",
      {
        schema: {
          tags: ["Workspace"],
          summary: "Change the workspace's name, currency or time zone",
          body: schema.workspaceUpdateInput,
          response: { 200: schema.workspaceSchema, ...withErrors },
        },
      },
      async (request) => team.updateWorkspace(ctx, requireActor(request), request.body),
    );

    app.get(
      "/api/people",
      {
        schema: {
          tags: ["Team"],
          summary: "Everyone in the workspace",
          response: { 200: z.array(schema.personSchema), ...withErrors },
        },
      },
      async (request) => team.listPeople(ctx, requireActor(request)),
    );

    app.patch(
      "/api/people/:id",
      {
        schema: {
          tags: ["Team"],
          summary: "Make someone a manager or a contractor",
          params: schema.idParams,
          body: schema.roleChangeInput,
          response: { 200: schema.personSchema, ...withErrors },
        },
      },
      async (request) =>
        team.changeRole(ctx, requireActor(request), request.params.id, request.body.role),
    );

    app.post(
      "/api/people/:id/deactivate",
      {
        schema: {
          tags: ["Team"],
          summary: "Deactivate someone: their sessions and tokens end at once",
          params: schema.idParams,
          response: { 200: schema.personSchema, ...withErrors },
        },
      },
      async (request) => team.deactivatePerson(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/people/:id/reactivate",
      {
        schema: {
          tags: ["Team"],
          summary: "Let a deactivated person sign in again",
          params: schema.idParams,
          response: { 200: schema.personSchema, ...withErrors },
        },
      },
      async (request) => team.reactivatePerson(ctx, requireActor(request), request.params.id),
    );

    app.get(
      "/api/invites",
      {
        schema: {
          tags: ["Team"],
          summary: "Invitations and their status",
          response: { 200: z.array(schema.inviteSchema), ...withErrors },
        },
      },
      async (request) => team.listInvites(ctx, requireActor(request)),
    );

    app.post(
      "/api/invites",
      {
        schema: {
          tags: ["Team"],
          summary: "Invite someone by email as a manager or contractor",
          body: schema.createInviteInput,
          response: { 201: schema.issuedInviteSchema, ...withErrors },
        },
      },
      async (request, reply) => {
        const issued = await team.createInvite(ctx, requireActor(request), request.body);
        return reply.status(201).send(issued);
      },
    );

    app.post(
      "/api/invites/:id/resend",
      {
        schema: {
          tags: ["Team"],
          summary: "Send a fresh link; the old one stops working",
          params: schema.idParams,
          response: { 200: schema.issuedInviteSchema, ...withErrors },
        },
      },
      async (request) => team.resendInvite(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/invites/:id/revoke",
      {
        schema: {
          tags: ["Team"],
          summary: "Revoke an invitation",
          params: schema.idParams,
          response: { 200: schema.inviteSchema, ...withErrors },
        },
      },
      async (request) => team.revokeInvite(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/invites/preview",
      {
        schema: {
          tags: ["Team"],
          summary: "Who an invitation link is for",
          body: schema.inviteTokenInput,
          response: { 200: schema.invitePreviewSchema, ...withErrors },
        },
      },
      async (request) => team.previewInvite(ctx, request.body.token),
    );

    app.post(
      "/api/invites/accept",
      {
        schema: {
          tags: ["Team"],
          summary: "Accept an invitation: creates the account and signs in",
          body: schema.acceptInviteInput,
          response: { 201: schema.meSchema, ...withErrors },
        },
      },
      async (request, reply) => {
        const signedIn = await team.acceptInvite(ctx, request.body, clientOf(request));
        await replaceSession(request, reply, signedIn);
        return reply.status(201).send(signedIn.me);
      },
    );
  };
}
