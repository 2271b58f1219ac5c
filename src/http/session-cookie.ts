import type { FastifyReply, FastifyRequest } from "fastify";
import { lifetimes } from "../auth/rules.ts";
import { signOut, type SignedIn } from "../auth/service.ts";
import type { AppContext } from "../context.ts";

export const SESSION_COOKIE = "handoff_session";

/**
 * HttpOnly so scripts cannot read it; SameSite=Lax so other sites cannot send it with a
 * form post; Secure whenever the public address is https. Without "remember me" it is a
 * browser-session cookie; with it, it lasts as long as the server-side session.
 */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  remember: boolean,
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    ...(remember && { maxAge: lifetimes.rememberedSession / 1000 }),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure });
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE] || undefined;
}

/**
 * After signing someone in (sign-in, setup, accepting an invite): ends the session this
 * browser had before, if any, and sets the new one. A sign-in never keeps an old id.
 */
export function sessionReplacer(ctx: AppContext) {
  const secure = ctx.config.publicUrl.protocol === "https:";
  return async (request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn) => {
    const previous = sessionToken(request);
    if (previous) await signOut(ctx, previous);
    setSessionCookie(reply, signedIn.token, signedIn.remember, secure);
  };
}
