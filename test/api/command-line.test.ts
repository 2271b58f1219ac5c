import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryMilestone } from "../../src/contracts/delivery-schema.ts";
import type { RetainerMonths } from "../../src/contracts/retainer-schema.ts";
import type { ContractSummary, Guard } from "../../src/contracts/schema.ts";
import type { TimesheetWeek } from "../../src/contracts/timesheet-schema.ts";
import type { Barter } from "../../src/ledger/barter-schema.ts";
import type { PaymentsPage, PaymentsSummary } from "../../src/ledger/schema.ts";
import type { Bench, Opening } from "../../src/people/schema.ts";
import type { Guardrails } from "../../src/guardrails/schema.ts";
import type { OwnFeedback, TopPerformers } from "../../src/work/performance-schema.ts";
import type { CadenceView, ReportPage } from "../../src/work/schema.ts";
import { startTestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { freshDatabase, testDatabaseKind } from "../support/database.ts";
import { unbalancedTransactions } from "../support/ledger.ts";

const run = promisify(execFile);
const handoff = path.resolve(import.meta.dirname, "../../bin/handoff.js");

/** Runs the `handoff` command against this project's kind of database. */
describe("the handoff command line", () => {
  let environment: NodeJS.ProcessEnv;
  let dataDir: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-cli-"));
    environment = {
      ...process.env,
      HANDOFF_DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      ...(fresh.settings.kind === "postgres" && { DATABASE_URL: fresh.settings.url }),
    };
    delete environment.SMTP_URL;
  });
  afterAll(async () => {
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const handoffCommand = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, [handoff, ...args], { env: { ...environment, ...extra } });

  it("migrates to the latest schema and says so", async () => {
    const { stdout } = await handoffCommand(["migrate"]);
    expect(stdout).toContain(`${testDatabaseKind()} schema is at version`);
  });

  it("refuses create-owner without a password and names where it should come from", async () => {
    await expect(
      handoffCommand([
        "create-owner",
        "--workspace",
        "Shop",
        "--name",
        "A",
        "--email",
        "a@b.example",
      ]),
    ).rejects.toMatchObject({ stderr: expect.stringContaining("HANDOFF_OWNER_PASSWORD") });
  });

  it("reports a bad option by name and creates nothing", async () => {
    await expect(
      handoffCommand(
        ["create-owner", "--workspace", "Shop", "--name", "A", "--email", "not-an-email"],
        { HANDOFF_OWNER_PASSWORD: "long enough password" },
      ),
    ).rejects.toMatchObject({ stderr: expect.stringContaining("--email") });
  });

  it("creates a workspace owner headlessly, after which the demo refuses a non-fresh install", async () => {
    const { stdout } = await handoffCommand(
      [
        "create-owner",
        "--workspace",
        "Shop",
        "--name",
        "Ada",
        "--email",
        "ada@shop.example",
        "--currency",
        "eur",
        "--time-zone",
        "Europe/Berlin",
      ],
      { HANDOFF_OWNER_PASSWORD: "long enough password" },
    );
    expect(stdout).toContain('Created workspace "Shop" with owner ada@shop.example');
    await expect(handoffCommand(["demo"])).rejects.toMatchObject({
      stderr: expect.stringContaining("fresh install"),
    });
  });

  it("writes a backup that holds the workspace, and will not overwrite a file", async () => {
    const target = path.join(dataDir, "backup-1");
    await handoffCommand(["backup", target]);
    const written = fs.readFileSync(target);
    if (testDatabaseKind() === "sqlite") {
      expect(written.subarray(0, 15).toString()).toBe("SQLite format 3");
    } else {
      const exported = JSON.parse(written.toString());
      expect(exported.format).toBe("handoff-export");
      expect(exported.tables.workspaces).toHaveLength(1);
      expect(exported.tables.users[0].email).toBe("ada@shop.example");
    }
    await expect(handoffCommand(["backup", target])).rejects.toMatchObject({
      stderr: expect.stringContaining("already exists"),
    });
  });
});

async function readAs<T>(person: ApiClient, url: string): Promise<T> {
  const response = await person.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

/** The demo's contracts, their work in every state, the money that moved and the barter. */
async function expectDemoContractsAndMoney(owner: ApiClient): Promise<void> {
  const read = <T>(url: string) => readAs<T>(owner, url);
  const contracts = await read<ContractSummary[]>("/api/contracts");
  const byTitle = new Map(contracts.map((contract) => [contract.title, contract]));
  expect(
    contracts.map(({ title, status, paymentKind }) => [title, status, paymentKind]).sort(),
  ).toEqual([
    ["Customer inbox", "active", "hourly"],
    ["Holiday shipping FAQ", "active", "fixed"],
    ["New online shop build", "draft", "fixed"],
    ["Product photo retouching", "active", "retainer"],
    ["Spring blog relaunch", "active", "fixed"],
  ]);
  const blog = await read<DeliveryMilestone[]>(
    `/api/contracts/${byTitle.get("Spring blog relaunch")?.id}/milestones`,
  );
  expect(blog.map((milestone) => milestone.status)).toEqual(["released", "accepted", "submitted"]);
  const weeks = await read<TimesheetWeek[]>(
    `/api/contracts/${byTitle.get("Customer inbox")?.id}/timesheets`,
  );
  expect(weeks.map((week) => week.status)).toEqual(["open", "submitted"]);
  expect(weeks[1]).toMatchObject({ minutes: 750, amount: 11_250 });
  const months = await read<RetainerMonths>(
    `/api/contracts/${byTitle.get("Product photo retouching")?.id}/retainer-months`,
  );
  expect(months.months.map((month) => month.status)).toEqual(["open", "submitted", "released"]);
  const guard = await read<Guard>(
    `/api/contracts/${byTitle.get("New online shop build")?.id}/guard`,
  );
  expect(guard.flags.map((flag) => flag.kind)).toContain("huge_value");

  const summary = await read<PaymentsSummary>("/api/payments/summary");
  expect(summary.currencies).toEqual([
    expect.objectContaining({ currency: "USD", escrowHeld: 80_000, owed: 45_000, paidOut: 40_000 }),
  ]);
  const payments = await read<PaymentsPage>("/api/payments");
  expect(payments.items.map((item) => item.kind)).toEqual(
    expect.arrayContaining(["fund", "release", "payout", "bonus"]),
  );
  const barters = await read<Barter[]>("/api/barters");
  expect(barters).toHaveLength(1);
  expect(barters[0]?.balance).toMatchObject({
    given: 30_000,
    received: 45_000,
    owedToBusiness: -15_000,
  });
}

/**
 * Weeks of reports and reviews: Marco earned weekly reports and tops the performers, Jun
 * slipped and is flagged with the evidence, and he reads the feedback on his page.
 */
async function expectDemoWork(owner: ApiClient, jun: ApiClient): Promise<void> {
  const cadences = await readAs<CadenceView[]>(owner, "/api/cadences");
  const byName = new Map(cadences.map((cadence) => [cadence.contractorName, cadence]));
  expect(byName.get("Marco Santos")).toMatchObject({ cadence: "weekly", missedReports: 0 });
  expect(byName.get("Marco Santos")?.explanation).toMatch(/^Relaxed to weekly on /);
  expect(byName.get("Olena Kovalenko")).toMatchObject({ cadence: "daily", missedReports: 0 });
  expect(byName.get("Jun dela Cruz")).toMatchObject({ cadence: "daily", missedReports: 3 });

  const feed = await readAs<ReportPage>(owner, "/api/reports?limit=100");
  expect(feed.reports.length).toBeGreaterThanOrEqual(60);
  expect(feed.reports.filter((report) => report.replies.length > 0)).toHaveLength(3);
  expect(feed.reports.find((report) => report.blockers !== "")?.blockerResolvedAt).toBeTypeOf(
    "number",
  );

  const guardrails = await readAs<Guardrails>(owner, "/api/guardrails");
  expect(guardrails.slips.flagged.map((person) => person.contractorName)).toEqual([
    "Jun dela Cruz",
  ]);
  const evidence = guardrails.slips.flagged[0]?.evidence ?? [];
  expect(evidence.filter((line) => line.includes("was missed"))).toHaveLength(3);
  expect(evidence).toContainEqual(expect.stringContaining("“Holiday shipping FAQ page”"));
  expect(guardrails.warnings.filter((warning) => warning.kind === "slips")).toHaveLength(1);
  expect(guardrails.loyalty.reliable.map((person) => person.contractorName)).toEqual([
    "Marco Santos",
  ]);

  const top = await readAs<TopPerformers>(owner, "/api/performance/top");
  expect(top.performers[0]).toMatchObject({ rank: 1, contractorName: "Marco Santos" });
  expect(top.performers[0]?.numbers.ratings.overall).toBeGreaterThanOrEqual(4.5);
  expect(top.performers.map((person) => person.contractorName)).not.toContain("Jun dela Cruz");

  const feedback = await readAs<OwnFeedback>(jun, "/api/portal/feedback");
  expect(feedback.items[0]).toMatchObject({
    title: "Holiday shipping FAQ page",
    decision: "sent_back",
    feedback: expect.stringMatching(/^What worked: /),
  });
}

describe("handoff demo", () => {
  it("fills a fresh install with the example business, whose printed owner can sign in", async () => {
    const fresh = await freshDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-demo-"));
    const settings =
      fresh.settings.kind === "postgres"
        ? { ...fresh.settings }
        : { kind: "sqlite" as const, file: path.join(dataDir, "handoff.db") };
    try {
      const { stdout } = await run(process.execPath, [handoff, "demo"], {
        env: {
          ...process.env,
          HANDOFF_DATA_DIR: dataDir,
          ...(settings.kind === "postgres" && { DATABASE_URL: settings.url }),
        },
      });
      const passwordOf = (marker: string) => {
        const line = stdout.split("\n").find((candidate) => candidate.includes(marker));
        return line?.match(/'([^']+)'\s*│\s*$/)?.[1];
      };
      const password = passwordOf("'owner'");
      expect(password, stdout).toBeTruthy();

      const app = await startTestApp({ database: settings });
      try {
        const owner = new ApiClient(app.server);
        const signIn = await owner.post("/api/auth/sign-in", {
          email: "dana@maplelane.example",
          password,
        });
        expect(signIn.statusCode, signIn.body).toBe(200);
        expect((await owner.get("/api/people")).json()).toHaveLength(5);
        expect((await owner.get("/api/worth/audit")).json().tasks).toHaveLength(12);
        const sites = (await owner.get("/api/metrics/sites")).json();
        expect(sites.map((site: { months: number }) => site.months)).toEqual([12, 12]);

        const openings = (await owner.get("/api/openings")).json() as Opening[];
        const design = openings.find((opening) => opening.title === "Design specialist");
        expect(design?.status).toBe("open");
        const stages = Object.entries(design?.counts ?? {}).filter(([, count]) => count > 0);
        expect(stages.length).toBeGreaterThanOrEqual(4);
        const bench = (await owner.get("/api/bench")).json() as Bench;
        const short = bench.areas.filter((area) => area.warning !== null);
        expect(short.map((area) => area.areaName)).toEqual(["design"]);
        expect(short[0]).toMatchObject({ qualified: 1, openingId: design?.id });
        expect(short[0]?.warning).toMatch(/^Only one person can do design/);
        const active = (await owner.get("/api/contractors?status=active")).json() as unknown[];
        expect(active.length).toBeGreaterThanOrEqual(6);
        await expectDemoContractsAndMoney(owner);
        const jun = new ApiClient(app.server);
        const junSignIn = await jun.post("/api/auth/sign-in", {
          email: "jun.va@example.com",
          password: passwordOf("jun.va@example.com"),
        });
        expect(junSignIn.statusCode, junSignIn.body).toBe(200);
        await expectDemoWork(owner, jun);
        expect(await unbalancedTransactions(app)).toEqual([]);
      } finally {
        await app.close();
      }
    } finally {
      await fresh.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
