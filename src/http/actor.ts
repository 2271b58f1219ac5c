import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { actorFromApiToken, actorFromSession } from "../auth/service.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { Unauthenticated } from "../errors.ts";
import { sessionToken } from "./session-cookie.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

const BEARER = /^Bearer\s+(\S*)$/i;

/**
 * True when the request carries an API token rather than relying on the browser's cookie.
 * Other schemes (a proxy's Basic auth, say) are not ours and are ignored.
 */
export function usesBearerToken(request: { headers: { authorization?: string } }): boolean {
  return BEARER.test(request.headers.authorization ?? "");
}

function bearerToken(request: FastifyRequest): string | undefined {
  return BEARER.exec(request.headers.authorization ?? "")?.[1] || undefined;
}

/** Resolves who is asking, from an API token or the session cookie, before any handler runs. */
export const actorPlugin = fp(async (app: FastifyInstance, options: { ctx: AppContext }) => {
  app.decorateRequest("actor", undefined);
  app.addHook("preHandler", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const bearer = bearerToken(request);
    if (usesBearerToken(request)) {
      request.actor = bearer ? await actorFromApiToken(options.ctx, bearer) : undefined;
      if (!request.actor)
        throw new Unauthenticated("auth.invalid_token", "This API token is not valid");
      return;
    }
    const token = sessionToken(request);
    request.actor = token ? await actorFromSession(options.ctx, token) : undefined;
  });
});

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new Unauthenticated("auth.required", "Sign in to continue");
  return request.actor;
}
