import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { clientOf } from "../http/client.ts";
import { noContent, withErrors } from "../http/schema.ts";
import { clearSessionCookie, sessionReplacer, sessionToken } from "../http/session-cookie.ts";
import { TooManyRequests } from "../errors.ts";
import * as schema from "./schema.ts";
import * as accounts from "./service.ts";

const tags = ["Account"];

function rateLimited(max: number, timeWindow: string) {
  return {
    rateLimit: {
      max,
      timeWindow,
      hook: "preHandler" as const,
      // Per signed-in person, else per address and email, so one noisy client cannot
      // lock everyone else behind the same address out.
      keyGenerator: (request: FastifyRequest) => {
        if (request.actor) return `user|${request.actor.userId}`;
        const email = (request.body as { email?: unknown } | undefined)?.email;
        return `${request.ip}|${typeof email === "string" ? email.toLowerCase() : ""}`;
      },
      errorResponseBuilder: () =>
        new TooManyRequests(
          "too_many_requests",
          "Too many attempts; wait a few minutes and try again",
        ),
    },
  };
}

/** First run, signing in and out, password resets, and the signed-in person's own account. */
export function accountRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const secure = ctx.config.publicUrl.protocol === "https:";
  const replaceSession = sessionReplacer(ctx);

  return async (app) => {
    app.get(
      "/api/setup",
      {
        schema: {
          tags,
          summary: "Is first-run setup needed?",
          response: { 200: schema.setupStatusSchema },
        },
      },
      async () => ({ needed: await accounts.setupNeeded(ctx) }),
    );

    app.post(
      "/api/setup",
      {
        config: rateLimited(10, "15 minutes"),
        schema: {
          tags,
          summary: "Create the workspace and its owner (first run only)",
          body: schema.setupInput,
          response: { 201: schema.meSchema, ...withErrors },
        },
      },
      async (request, reply) => {
        const signedIn = await accounts.completeSetup(ctx, request.body, clientOf(request));
        await replaceSession(request, reply, signedIn);
        return reply.status(201).send(signedIn.me);
      },
    );

    app.post(
      "/api/auth/sign-in",
      {
        config: rateLimited(10, "15 minutes"),
        schema: {
          tags,
          summary: "Sign in with email and password",
          body: schema.signInInput,
          response: { 200: schema.meSchema, ...withErrors },
        },
      },
      async (request, reply) => {
        const signedIn = await accounts.signIn(ctx, request.body, clientOf(request));
        await replaceSession(request, reply, signedIn);
        return signedIn.me;
      },
    );

    app.post(
      "/api/auth/sign-out",
      { schema: { tags, summary: "Sign out of this device", response: { 204: noContent } } },
      async (request, reply) => {
        const token = sessionToken(request);
        if (token) await accounts.signOut(ctx, token);
        clearSessionCookie(reply, secure);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/auth/password-reset",
      {
        config: rateLimited(5, "1 hour"),
        schema: {
          tags,
          summary: "Email a password reset link (same answer whether or not the account exists)",
          body: schema.passwordResetRequestInput,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await accounts.requestPasswordReset(ctx, request.body.email);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/auth/password-reset/confirm",
      {
        config: rateLimited(10, "15 minutes"),
        schema: {
          tags,
          summary: "Choose a new password with a reset link's token",
          body: schema.passwordResetConfirmInput,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await accounts.confirmPasswordReset(ctx, request.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/me",
      { schema: { tags, summary: "Who am I", response: { 200: schema.meSchema, ...withErrors } } },
      async (request) => accounts.getMe(ctx, requireActor(request)),
    );

    app.patch(
      "/api/me",
      {
        schema: {
          tags,
          summary: "Change my name or time zone",
          body: schema.profileInput,
          response: { 200: schema.meSchema, ...withErrors },
        },
      },
      async (request) => accounts.updateProfile(ctx, requireActor(request), request.body),
    );

    app.post(
      "/api/me/password",
      {
        config: rateLimited(10, "15 minutes"),
        schema: {
          tags,
          summary: "Change my password (signs out my other devices)",
          body: schema.changePasswordInput,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await accounts.changePassword(ctx, requireActor(request), request.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/me/sessions",
      {
        schema: {
          tags,
          summary: "My signed-in devices",
          response: { 200: z.array(schema.sessionSchema), ...withErrors },
        },
      },
      async (request) => accounts.listSessions(ctx, requireActor(request)),
    );

    app.delete(
      "/api/me/sessions/:id",
      {
        schema: {
          tags,
          summary: "Sign out one device",
          params: schema.idParams,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await accounts.endSession(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/me/sessions/sign-out-others",
      {
        schema: {
          tags,
          summary: "Sign out every other device",
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await accounts.endOtherSessions(ctx, requireActor(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/me/tokens",
      {
        schema: {
          tags,
          summary: "My personal API tokens",
          response: { 200: z.array(schema.apiTokenSchema), ...withErrors },
        },
      },
      async (request) => accounts.listApiTokens(ctx, requireActor(request)),
    );

    app.post(
      "/api/me/tokens",
      {
        schema: {
          tags,
          summary: "Create a personal API token (the token is shown once)",
          body: schema.createTokenInput,
          response: { 201: schema.createdTokenSchema, ...withErrors },
        },
      },
      async (request, reply) => {
        const created = await accounts.createApiToken(
          ctx,
          requireActor(request),
          request.body.name,
        );
        return reply.status(201).send(created);
      },
    );

    app.delete(
      "/api/me/tokens/:id",
      {
        schema: {
          tags,
          summary: "Revoke a personal API token",
          params: schema.idParams,
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await accounts.revokeApiToken(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
