import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContractorDetail } from "../../src/people/schema.ts";
import { reportDues } from "../../src/work/cadence-service.ts";
import type { CadenceView, Report } from "../../src/work/schema.ts";
import { newDevice } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { contractorIdOf } from "../support/contracts.ts";
import { inputOf } from "../support/directory.ts";
import { expectError } from "../support/errors.ts";
import { bodyOf, read } from "../support/worth.ts";
import { hourlyContract, reportBody } from "../support/work.ts";
import { buildWorld, invitePerson, type Person, type World } from "../support/world.ts";

/**
 * The cadence endpoints over simulated days: the app's clock moves, nobody sleeps. Each
 * request opens a fresh session, since moving the clock by days ends idle sessions.
 */

let app: TestApp;
let world: World;
let ravi: Person;
let raviId: string;

const DAY = 86_400_000;
const owner = () => newDevice(app, world.owner);
const manager = () => newDevice(app, world.manager);
const contractor = () => newDevice(app, ravi);
const cadenceUrl = () => `/api/contractors/${raviId}/cadence`;
const pinUrl = () => `/api/contractors/${raviId}/cadence-pin`;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
  ravi = await invitePerson(app, world.owner.client, "ravi@example.com", "contractor", "Ravi");
  raviId = await contractorIdOf(ravi.client);
  const person = await read<ContractorDetail>(world.owner.client, `/api/contractors/${raviId}`);
  bodyOf(
    await world.owner.client.put(`/api/contractors/${raviId}`, {
      ...inputOf(person),
      timeZone: "Asia/Kolkata",
      dayEnd: "18:30",
    }),
  );
  await hourlyContract(world.owner.client, ravi.client, { title: "Bookkeeping" });
  bodyOf(
    await world.owner.client.put("/api/work-settings", {
      relaxAfterDays: 2,
      relaxAfterAccepted: 0,
    }),
  );
});
afterAll(() => app.close());

async function cadenceNow(): Promise<CadenceView> {
  return read<CadenceView>(await owner(), cadenceUrl());
}

/** Reports an hour before the due time, then moves the clock a minute past it. */
async function reportOnTime(): Promise<void> {
  const due = (await cadenceNow()).nextDue!.at;
  app.clock.advance(due - 3_600_000 - app.clock.now());
  const sent = bodyOf<Report>(await (await contractor()).post("/api/reports", reportBody), 201);
  expect(sent.dueAt).toBe(due);
  app.clock.advance(due + 60_000 - app.clock.now());
}

describe("a contractor's cadence over simulated days", () => {
  it("starts daily, due at the end of their working day on their own clock", async () => {
    const start = await cadenceNow();
    expect(start).toMatchObject({
      reporting: true,
      cadence: "daily",
      pinned: false,
      timeZone: "Asia/Kolkata",
      missedReports: 0,
      changes: [],
    });
    expect(start.nextDue?.time).toBe("18:30");
    expect(start.nextDue!.at).toBeGreaterThan(app.clock.now());
    expect(start.explanation).toContain("0 of 2 on-time working days");
    expect(await read<CadenceView>(await contractor(), "/api/portal/cadence")).toEqual(start);
  });

  it("relaxes to weekly after the run of on-time reports, and says why", async () => {
    await reportOnTime();
    expect((await cadenceNow()).run.onTimeDays).toBe(1);
    await reportOnTime();
    const relaxed = await cadenceNow();
    expect(relaxed.cadence).toBe("weekly");
    expect(relaxed.changes).toHaveLength(1);
    expect(relaxed.changes[0]).toMatchObject({ kind: "relaxed", from: "daily", to: "weekly" });
    expect(relaxed.changes[0]?.words).toContain("after 2 on-time days");
    expect(relaxed.nextDue!.at - app.clock.now()).toBeLessThanOrEqual(8 * DAY);
  });

  it("tightens back to daily when the weekly report is missed", async () => {
    const due = (await cadenceNow()).nextDue!.at;
    app.clock.advance(due + 60_000 - app.clock.now());
    const tightened = await cadenceNow();
    expect(tightened).toMatchObject({ cadence: "daily", missedReports: 1 });
    expect(tightened.changes.map((change) => change.kind)).toEqual(["tightened", "relaxed"]);
    expect(tightened.explanation).toContain("was missed");
    const dues = await reportDues(app.ctx, world.workspaceId, app.clock.now());
    expect(dues.find((d) => d.contractorId === raviId)).toMatchObject({
      cadence: "daily",
      lastDueMissedAt: due,
      userId: ravi.id,
      timeZone: "Asia/Kolkata",
    });
  });

  it("holds a pinned cadence, tells both sides so, and lets the pin go", async () => {
    const pinned = bodyOf<CadenceView>(
      await (await manager()).put(pinUrl(), { cadence: "weekly" }),
    );
    expect(pinned).toMatchObject({ cadence: "weekly", pinned: true });
    expect(pinned.explanation).toContain("Pinned to weekly by the owner");
    expect(pinned.changes[0]).toMatchObject({ kind: "pinned", to: "weekly" });
    expect(await read<CadenceView>(await contractor(), "/api/portal/cadence")).toEqual(pinned);

    const dues = await reportDues(app.ctx, world.workspaceId, app.clock.now());
    expect(dues.find((d) => d.contractorId === raviId)).toMatchObject({
      cadence: "weekly",
      dueAt: pinned.nextDue?.at,
    });

    const unpinned = bodyOf<CadenceView>(await (await owner()).put(pinUrl(), { cadence: null }));
    expect(unpinned.pinned).toBe(false);
    expectError(
      await (await owner()).put(pinUrl(), { cadence: "monthly" }),
      400,
      "invalid_input",
      "cadence",
    );
    expectError(await (await contractor()).put(pinUrl(), { cadence: "weekly" }), 403, "forbidden");
  });
});
