// `npm run bench`: how fast the app answers its hot authenticated routes, next to a bare Fastify
// route measured in the same run on the same machine, so the ratio means something anywhere.
// BENCH_SECONDS (default 5) sets how long each target is loaded; BENCH_CONNECTIONS (20) how hard;
// BENCH_RELEASES (500) how many accepted milestones the release path pays and then replays.
// BENCH_CONTRACTORS (3000) and BENCH_REPORTS_EACH (100) size the work the dashboard is read at.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Fastify, { type FastifyInstance } from "fastify";
import { buildApp } from "../src/app.ts";
import { readConfig } from "../src/config.ts";
import { seedDemo, type DemoLogin } from "../src/demo/seed.ts";
import { releasePath } from "./release-path.ts";
import { addWorkVolume, type WorkVolume } from "./work-volume.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const releaseCount = Number(process.env.BENCH_RELEASES ?? 500);
const volumeContractors = Number(process.env.BENCH_CONTRACTORS ?? 3000);
const volumeReportsEach = Number(process.env.BENCH_REPORTS_EACH ?? 100);
const resultsFile = path.resolve(import.meta.dirname, "results", "latest.json");

interface Figures {
  requestsPerSecond: number;
  p99LatencyMs: number;
  averageLatencyMs: number;
  requests: number;
  errors: number;
  non2xx: number;
}

async function listen(server: FastifyInstance): Promise<string> {
  await server.listen({ port: 0, host: "127.0.0.1" });
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return `http://127.0.0.1:${address.port}`;
}

async function load(
  url: string,
  headers: Record<string, string> = {},
  duration = seconds,
  clients = connections,
): Promise<Figures> {
  const result = await autocannon({ url, connections: clients, duration, headers });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99LatencyMs: result.latency.p99,
    averageLatencyMs: result.latency.average,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** A short untimed run first, so both targets are measured warm. */
async function measure(
  url: string,
  headers: Record<string, string> = {},
  clients = connections,
): Promise<Figures> {
  await load(url, headers, 1, clients);
  const figures = await load(url, headers, seconds, clients);
  if (figures.requests === 0) throw new Error(`${url}: no answer within ${seconds} s`);
  if (figures.errors > 0 || figures.non2xx > 0) {
    throw new Error(
      `${url}: ${figures.errors} errors and ${figures.non2xx} non-2xx answers under load`,
    );
  }
  return figures;
}

async function baseline(): Promise<Figures> {
  const server = Fastify({ logger: false });
  server.get("/ping", async () => ({ ok: true }));
  const origin = await listen(server);
  try {
    return await measure(`${origin}/ping`);
  } finally {
    await server.close();
  }
}

/** The session cookie of a demo login, as a browser would hold it. */
async function sessionOf(origin: string, login: DemoLogin): Promise<string> {
  const signIn = await fetch(`${origin}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: login.email, password: login.password }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  const session = signIn.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .find((cookie) => cookie.startsWith("handoff_session="));
  if (!session) throw new Error("sign-in set no session cookie");
  return session;
}

async function demoApp() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-bench-"));
  const config = {
    ...readConfig({ HANDOFF_DATA_DIR: dataDir, LOG_LEVEL: "silent" }),
    webDist: undefined,
    backgroundWork: false,
  };
  const app = await buildApp(config);
  const logins = await seedDemo(app.ctx);
  const login = (role: string) => {
    const found = logins.find((entry) => entry.role === role);
    if (!found) throw new Error(`the demo made no ${role}`);
    return found;
  };
  return {
    app,
    login,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The app's hot routes, on the demo business so the audit and funnel have real rows. */
const hotRoutes = [
  "/api/me",
  "/api/worth/audit",
  "/api/metrics/summary",
  "/api/budget",
  "/api/contractors",
  "/api/bench",
  "/api/dashboard",
] as const;

async function appRoutes(): Promise<Record<string, Figures>> {
  const demo = await demoApp();
  try {
    const origin = await listen(demo.app.server);
    const session = await sessionOf(origin, demo.login("owner"));
    const figures: Record<string, Figures> = {};
    for (const route of hotRoutes) {
      figures[route] = await measure(`${origin}${route}`, { cookie: session });
    }
    return figures;
  } finally {
    await demo.close();
  }
}

/** Routes that read every contractor's reporting history, and who asks for them. */
const routesAtScale = [
  { route: "/api/dashboard", role: "owner" },
  { route: "/api/cadences", role: "owner" },
  { route: "/api/portal/today", role: "contractor" },
] as const;

/**
 * The same demo with thousands of contractors and their reports added. Each request here
 * reads them all, so fewer connections keep the load honest without queueing past timeouts.
 */
async function routesWithVolume(): Promise<{
  volume: WorkVolume;
  figures: Record<string, Figures>;
}> {
  const demo = await demoApp();
  try {
    const owner = await demo.app.ctx.db
      .selectFrom("users")
      .select(["id", "workspace_id"])
      .where("email", "=", demo.login("owner").email)
      .executeTakeFirstOrThrow();
    const volume = await addWorkVolume(
      demo.app.ctx,
      { id: owner.workspace_id, ownerId: owner.id },
      volumeContractors,
      volumeReportsEach,
    );
    const origin = await listen(demo.app.server);
    const figures: Record<string, Figures> = {};
    for (const { route, role } of routesAtScale) {
      const session = await sessionOf(origin, demo.login(role));
      // The first read after start-up works out every record (a running app's sweep does it
      // within a minute); the load measures the reads after it.
      const first = await fetch(`${origin}${route}`, { headers: { cookie: session } });
      if (first.status !== 200) throw new Error(`${route} answered ${first.status}`);
      figures[`${route} at scale`] = await measure(`${origin}${route}`, { cookie: session }, 2);
    }
    return { volume, figures };
  } finally {
    await demo.close();
  }
}

console.log(`Loading each target for ${seconds} s with ${connections} connections…`);
const bare = await baseline();
const routes = await appRoutes();
const scale = await routesWithVolume();
console.log(
  `At scale: ${scale.volume.contractors.toLocaleString("en")} contractors under contract, ${scale.volume.reports.toLocaleString("en")} progress reports.`,
);
Object.assign(routes, scale.figures);
const releases = await releasePath(releaseCount, connections, bare.requestsPerSecond);
const ratioOf = (figures: Figures) =>
  Math.round((figures.requestsPerSecond / bare.requestsPerSecond) * 1000) / 1000;

const rows = [
  ["target", "req/s", "p99 ms", "vs baseline"],
  ["bare Fastify GET /ping", String(bare.requestsPerSecond), String(bare.p99LatencyMs), "1.000"],
  ...Object.entries(routes).map(([route, figures]) => [
    `GET ${route} (session)`,
    String(figures.requestsPerSecond),
    String(figures.p99LatencyMs),
    ratioOf(figures).toFixed(3),
  ]),
  [
    `POST release × ${releases.milestones}, distinct keys`,
    String(releases.releasesPerSecond),
    String(releases.releaseP99LatencyMs),
    releases.releaseRatio.toFixed(3),
  ],
  [
    `POST release × ${releases.milestones}, replayed`,
    String(releases.replaysPerSecond),
    String(releases.replayP99LatencyMs),
    releases.replayRatio.toFixed(3),
  ],
];
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) {
  console.log(
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd(),
  );
}

fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.writeFileSync(
  resultsFile,
  JSON.stringify(
    {
      timestamp: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      durationSeconds: seconds,
      connections,
      figures: { baselinePing: bare, ...routes },
      ratios: Object.fromEntries(
        Object.entries(routes).map(([route, figures]) => [route, ratioOf(figures)]),
      ),
      workVolume: scale.volume,
      releasePath: releases,
    },
    null,
    2,
  ) + "\n",
);
console.log(
  "Release path: the ledger balances and every milestone was paid exactly once; replays moved nothing.",
);
console.log(`\nWritten to ${path.relative(process.cwd(), resultsFile)}`);
