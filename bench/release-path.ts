// The release path of `npm run bench`: N accepted milestones are released with N distinct
// Idempotency-Keys, then every request is sent again with its key. Afterwards the ledger must
// balance and each milestone must have been paid exactly once.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "kysely";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.ts";
import { readConfig } from "../src/config.ts";
import { MAX_MILESTONES } from "../src/contracts/schema.ts";
import { seedDemo } from "../src/demo/seed.ts";

export interface ReleaseFigures {
  milestones: number;
  releasesPerSecond: number;
  replaysPerSecond: number;
  releaseP99LatencyMs: number;
  replayP99LatencyMs: number;
  /** Each throughput against the bare Fastify route measured in the same run. */
  releaseRatio: number;
  replayRatio: number;
}

type Session = { origin: string; cookie: string };

async function signIn(origin: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${origin}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((line) => line.startsWith("handoff_session="));
  if (!cookie) throw new Error("sign-in set no session cookie");
  return { origin, cookie };
}

async function call<T>(session: Session, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${session.origin}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      "idempotency-key": randomUUID(),
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (response.status >= 300) {
    throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** Runs `work` over the items with a few at a time, as a busy owner and contractor would. */
async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<unknown>) {
  for (let start = 0; start < items.length; start += 10) {
    await Promise.all(items.slice(start, start + 10).map(work));
  }
}

/** Contracts of the demo's first contractor, active, with every milestone handed in and accepted. */
async function acceptedMilestones(owner: Session, contractor: Session, count: number) {
  const me = await call<{ id: string }>(contractor, "GET", "/api/portal/profile");
  const ids: string[] = [];
  for (let made = 0; made < count; made += MAX_MILESTONES) {
    const size = Math.min(MAX_MILESTONES, count - made);
    const milestones = Array.from({ length: size }, (_, index) => ({
      title: `Article ${made + index + 1}`,
      deliverable: "One article",
      dueDate: "2026-06-30",
      amount: 5_000 + index,
    }));
    const total = milestones.reduce((sum, milestone) => sum + milestone.amount, 0);
    const contract = await call<{ id: string; contractorName: string }>(
      owner,
      "POST",
      "/api/contracts",
      {
        contractorId: me.id,
        title: `Articles, batch ${made / MAX_MILESTONES + 1}`,
        scope: "Write the articles in the content plan.",
        deliverables: "One article per milestone.",
        startDate: "2026-01-01",
        endDate: null,
        payment: { kind: "fixed", total, milestones },
      },
    );
    await call(owner, "POST", `/api/contracts/${contract.id}/send`, {
      guardReason: "A load test of the release path, not a real contract.",
    });
    const document = await call<{ textHash: string }>(
      contractor,
      "GET",
      `/api/contracts/${contract.id}/document`,
    );
    await call(contractor, "POST", `/api/contracts/${contract.id}/accept`, {
      typedName: contract.contractorName,
      textHash: document.textHash,
    });
    // Half the contracts have escrow for half their value: releases take from both.
    if ((made / MAX_MILESTONES) % 2 === 0) {
      await call(owner, "POST", `/api/contracts/${contract.id}/escrow/fund`, {
        amount: Math.floor(total / 2),
        currency: "USD",
      });
    }
    const listed = await call<{ id: string }[]>(
      owner,
      "GET",
      `/api/contracts/${contract.id}/milestones`,
    );
    await inBatches(listed, (milestone) =>
      call(contractor, "POST", `/api/milestones/${milestone.id}/submit`, {
        note: "Done",
        links: [],
      }),
    );
    await inBatches(listed, (milestone) =>
      call(owner, "POST", `/api/milestones/${milestone.id}/accept`, {}),
    );
    ids.push(...listed.map((milestone) => milestone.id));
  }
  return ids;
}

/** Sends one release per milestone under the given keys, `connections` at a time. */
async function releaseAll(
  session: Session,
  milestoneIds: readonly string[],
  keys: readonly string[],
  connections: number,
) {
  let next = 0;
  // Timed here: autocannon reports its duration in whole seconds, too coarse for a short run.
  const started = performance.now();
  const result = await autocannon({
    url: session.origin,
    connections: Math.min(connections, milestoneIds.length),
    amount: milestoneIds.length,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const index = next;
          next += 1;
          return {
            ...request,
            path: `/api/milestones/${milestoneIds[index % milestoneIds.length]}/release`,
            headers: {
              cookie: session.cookie,
              "idempotency-key": keys[index % keys.length]!,
            },
          };
        },
      },
    ],
  });
  if (result.errors + result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(`releases: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  }
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: result.requests.total / seconds, p99: result.latency.p99 };
}

/** Every entry sums to zero per currency, and each milestone has exactly one release. */
async function checkLedger(
  app: Awaited<ReturnType<typeof buildApp>>,
  milestoneIds: readonly string[],
) {
  const db = app.ctx.db;
  const sums = await db
    .selectFrom("ledger_entries")
    .select(["currency", sql<string | number>`sum(amount)`.as("sum")])
    .groupBy("currency")
    .execute();
  const unbalanced = sums.filter((row) => Number(row.sum) !== 0);
  if (unbalanced.length > 0)
    throw new Error(`the ledger does not balance: ${JSON.stringify(unbalanced)}`);
  const releases = await db
    .selectFrom("ledger_transactions")
    .select(["milestone_id", sql<string | number>`count(*)`.as("count")])
    .where("kind", "=", "release")
    .where("milestone_id", "in", [...milestoneIds])
    .groupBy("milestone_id")
    .execute();
  const once = new Map(releases.map((row) => [row.milestone_id, Number(row.count)]));
  const wrong = milestoneIds.filter((id) => once.get(id) !== 1);
  if (wrong.length > 0) {
    throw new Error(`${wrong.length} milestones were not released exactly once`);
  }
  const stillOpen = await db
    .selectFrom("milestones")
    .select("id")
    .where("id", "in", [...milestoneIds])
    .where("status", "!=", "released")
    .execute();
  if (stillOpen.length > 0) throw new Error(`${stillOpen.length} milestones are not released`);
}

async function listen(server: FastifyInstance): Promise<string> {
  await server.listen({ port: 0, host: "127.0.0.1" });
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return `http://127.0.0.1:${address.port}`;
}

export async function releasePath(
  count: number,
  connections: number,
  baselineRequestsPerSecond: number,
): Promise<ReleaseFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-bench-release-"));
  const config = {
    ...readConfig({ HANDOFF_DATA_DIR: dataDir, LOG_LEVEL: "silent" }),
    webDist: undefined,
    backgroundWork: false,
  };
  const app = await buildApp(config);
  try {
    const logins = await seedDemo(app.ctx);
    const ownerLogin = logins.find((login) => login.role === "owner");
    const contractorLogin = logins.find((login) => login.role === "contractor");
    if (!ownerLogin || !contractorLogin) throw new Error("the demo made no owner or contractor");
    const origin = await listen(app.server);
    const owner = await signIn(origin, ownerLogin.email, ownerLogin.password);
    const contractor = await signIn(origin, contractorLogin.email, contractorLogin.password);
    const milestoneIds = await acceptedMilestones(owner, contractor, count);
    const keys = milestoneIds.map(() => randomUUID());

    const released = await releaseAll(owner, milestoneIds, keys, connections);
    const transactions = await app.ctx.db
      .selectFrom("ledger_transactions")
      .select(sql<string | number>`count(*)`.as("count"))
      .executeTakeFirstOrThrow();
    const replayed = await releaseAll(owner, milestoneIds, keys, connections);
    const after = await app.ctx.db
      .selectFrom("ledger_transactions")
      .select(sql<string | number>`count(*)`.as("count"))
      .executeTakeFirstOrThrow();
    if (Number(after.count) !== Number(transactions.count)) {
      throw new Error("replaying the releases moved money again");
    }
    await checkLedger(app, milestoneIds);
    const ratio = (perSecond: number) =>
      Math.round((perSecond / baselineRequestsPerSecond) * 1000) / 1000;
    return {
      milestones: milestoneIds.length,
      releasesPerSecond: Math.round(released.perSecond),
      replaysPerSecond: Math.round(replayed.perSecond),
      releaseP99LatencyMs: released.p99,
      replayP99LatencyMs: replayed.p99,
      releaseRatio: ratio(released.perSecond),
      replayRatio: ratio(replayed.perSecond),
    };
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
