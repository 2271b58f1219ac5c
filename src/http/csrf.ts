import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Forbidden } from "../errors.ts";
import { usesBearerToken } from "./actor.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery protection for cookie-authenticated writes.
 *
 * We check where the request comes from rather than issuing CSRF tokens: every browser
 * that can hold our SameSite=Lax cookie sends `Sec-Fetch-Site` (or at least `Origin`) on
 * a cross-site POST, and a forged request cannot change them. A write is accepted when
 * Sec-Fetch-Site is `same-origin` or `none` (typed by the user), or, for browsers that
 * only send Origin, when Origin is our own. Requests with neither header come from
 * non-browser clients, which cannot be tricked into sending a victim's cookie. Requests
 * with a bearer token carry no ambient credential and need no check.
 */
export const csrfPlugin = fp(async (app: FastifyInstance, options: { publicUrl: URL }) => {
  app.addHook("onRequest", async (request) => {
    if (SAFE_METHODS.has(request.method) || usesBearerToken(request)) return;
    const site = request.headers["sec-fetch-site"];
    if (typeof site === "string") {
      if (site === "same-origin" || site === "none") return;
      throw new Forbidden("csrf.cross_site", "Cross-site requests are not allowed");
    }
    const origin = request.headers.origin;
    if (origin === undefined) return;
    const ownOrigins = new Set([options.publicUrl.origin, `${request.protocol}://${request.host}`]);
    if (!ownOrigins.has(origin)) {
      throw new Forbidden("csrf.cross_site", "Cross-site requests are not allowed");
    }
  });
});
