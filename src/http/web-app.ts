import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/**
 * Serves the built single-page app. Hashed assets are cached for a year; every other
 * non-API path gets index.html so the client router can take it.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  const index = path.join(distDir, "index.html");
  if (!fs.existsSync(index)) return false;
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    setHeaders(res, filePath) {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        res.header("cache-control", "public, max-age=31536000, immutable");
      }
    },
  });
  const html = fs.readFileSync(index, "utf8");
  app.get("/*", { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith("/api/")) {
      return reply.callNotFound();
    }
    const filePath = request.url.split("?")[0] ?? "/";
    if (path.extname(filePath) && filePath !== "/index.html") {
      return reply.sendFile(filePath.slice(1));
    }
    return reply.header("cache-control", "no-cache").type("text/html").send(html);
  });
  return true;
}
