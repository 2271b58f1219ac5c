import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Contract } from "../../src/contracts/schema.ts";
import type { Dashboard, PortalToday } from "../../src/dashboard/schema.ts";
import { dateOf } from "../../src/time/calendar.ts";
import { addDays, dateInWords, localDateOf } from "../../src/time/working-day.ts";
import { newDevice } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import {
  acceptContract,
  activeContract,
  contractorIdOf,
  draftContract,
  sendContract,
} from "../support/contracts.ts";
import { expectError } from "../support/errors.ts";
import { fund, handIn, milestonesOf, milestoneUrl, postMoney, release } from "../support/ledger.ts";
import { planBudget } from "../support/metrics.ts";
import { checkAll, runFor } from "../support/sops.ts";
import { assign, reportBody } from "../support/work.ts";
import { addTask, areaIdOf, bodyOf, dollars, ownerOfNewWorkspace, read } from "../support/worth.ts";
import { buildWorld, type Person, type World } from "../support/world.ts";

/**
 * "What needs you today" over simulated days: each item appears when its cause exists and
 * leaves when it is dealt with. Every request opens a fresh session, since moving the clock
 * by days ends idle ones.
 */

let app: TestApp;
let world: World;
let marcoId: string;

const device = (person: Person) => newDevice(app, person);
const dashboardOf = async (person: Person) =>
  read<Dashboard>(await device(person), "/api/dashboard");
const todayOf = async () => read<PortalToday>(await device(world.contractor), "/api/portal/today");
/** A date in Marco's zone (Europe/Kyiv), counted from today. */
const marcoDate = (days: number) => addDays(dateOf(app.clock.now(), "Europe/Kyiv"), days);
const keysOf = (items: readonly { key: string }[]) => items.map((item) => item.key);

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
});
afterAll(() => app.close());

/** A $1,200 contract: $400 overdue three days, $400 due tomorrow, $400 in ten days. */
function datedContract() {
  return {
    title: "Spring catalogue",
    startDate: marcoDate(-10),
    endDate: marcoDate(30),
    payment: {
      kind: "fixed" as const,
      total: dollars(1200),
      milestones: [
        {
          title: "Photos",
          deliverable: "Product photos",
          dueDate: marcoDate(-3),
          amount: dollars(400),
        },
        { title: "Captions", deliverable: "Captions", dueDate: marcoDate(1), amount: dollars(400) },
        { title: "Layout", deliverable: "Layout", dueDate: marcoDate(10), amount: dollars(400) },
      ],
    },
  };
}

describe("the owner's dashboard", () => {
  let contract: Contract;

  it("is all clear and getting started before there is anyone to hand work to", async () => {
    const dashboard = await dashboardOf(world.owner);
    expect(dashboard).toEqual({
      reportsMissing: [],
      milestonesDue: [],
      awaitingReview: [],
      awaitingAcceptance: [],
      budget: null,
      guardrails: expect.any(Array),
      gettingStarted: true,
    });
    marcoId = await contractorIdOf(world.contractor.client);
    expect((await dashboardOf(world.owner)).gettingStarted).toBe(false);
  });

  it("lists a contract sent and not accepted, for the owner and the manager, until it is", async () => {
    const draft = await draftContract(world.owner.client, marcoId, datedContract());
    await sendContract(world.owner.client, draft.id);
    for (const person of [world.owner, world.manager]) {
      const { awaitingAcceptance } = await dashboardOf(person);
      expect(awaitingAcceptance).toEqual([
        {
          key: `contract-sent:${draft.id}`,
          title: "Marco has not accepted “Spring catalogue”",
          reason: expect.stringContaining("waiting"),
          href: `/contracts/${draft.id}`,
        },
      ]);
    }
    expect((await dashboardOf(world.stranger)).awaitingAcceptance).toEqual([]);
    expect((await todayOf()).report).toBeNull();

    contract = await acceptContract(world.contractor.client, draft);
    expect((await dashboardOf(world.owner)).awaitingAcceptance).toEqual([]);
  });

  it("lists milestones overdue or due within two days on the contractor's clock, overdue first", async () => {
    const [photos, captions] = await milestonesOf(world.owner.client, contract.id);
    const { milestonesDue } = await dashboardOf(world.manager);
    expect(
      milestonesDue.map(({ key, overdue, dueDate, href }) => ({ key, overdue, dueDate, href })),
    ).toEqual([
      {
        key: `milestone:${photos!.id}:${marcoDate(-3)}`,
        overdue: true,
        dueDate: marcoDate(-3),
        href: `/contracts/${contract.id}`,
      },
      {
        key: `milestone:${captions!.id}:${marcoDate(1)}`,
        overdue: false,
        dueDate: marcoDate(1),
        href: `/contracts/${contract.id}`,
      },
    ]);
    expect(milestonesDue[0]!.reason).toContain("It was due");
    expect(milestonesDue[1]!.reason).toContain("their time");
    expect((await dashboardOf(world.stranger)).milestonesDue).toEqual([]);
  });

  it("moves handed-in work to review, back to due when sent back, and off the list once accepted", async () => {
    const [photos] = await milestonesOf(world.owner.client, contract.id);
    const id = photos!.id;
    bodyOf(await postMoney(world.contractor.client, milestoneUrl(id, "submit"), handIn));
    let dashboard = await dashboardOf(world.owner);
    expect(keysOf(dashboard.milestonesDue)).not.toContain(`milestone:${id}:${marcoDate(-3)}`);
    expect(dashboard.awaitingReview).toEqual([
      expect.objectContaining({
        title: "Review “Photos” from Marco",
        href: `/contracts/${contract.id}`,
      }),
    ]);

    bodyOf(
      await postMoney(world.owner.client, milestoneUrl(id, "send-back"), {
        feedback: "What worked: the light. What to change: crop tighter. By when: Friday.",
      }),
    );
    dashboard = await dashboardOf(world.owner);
    expect(dashboard.awaitingReview).toEqual([]);
    expect(dashboard.milestonesDue[0]).toMatchObject({ overdue: true });
    expect(dashboard.milestonesDue[0]!.reason).toContain("sent back");
    expect((await todayOf()).sentBack).toEqual([
      expect.objectContaining({ key: `sent-back:${id}`, href: `/portal/contracts/${contract.id}` }),
    ]);

    bodyOf(await postMoney(world.contractor.client, milestoneUrl(id, "submit"), handIn));
    bodyOf(await postMoney(world.owner.client, milestoneUrl(id, "accept"), { feedback: "Sharp." }));
    dashboard = await dashboardOf(world.owner);
    expect(dashboard.awaitingReview).toEqual([]);
    expect(keysOf(dashboard.milestonesDue)).not.toContain(`milestone:${id}:${marcoDate(-3)}`);
    expect((await todayOf()).sentBack).toEqual([]);
  });

  it("lists a checklist run handed in for review until it is accepted; a send-back reopens it", async () => {
    const run = await runFor(world.owner.client, world.contractor.id);
    expect((await todayOf()).runs).toEqual([
      expect.objectContaining({ key: `run:${run.id}`, href: `/portal/runs/${run.id}` }),
    ]);
    await checkAll(world.contractor.client, run);
    bodyOf(await world.contractor.client.post(`/api/runs/${run.id}/submit`, {}));
    const { awaitingReview } = await dashboardOf(world.owner);
    expect(awaitingReview).toEqual([
      expect.objectContaining({
        key: expect.stringContaining(`run-submitted:${run.id}:`),
        href: `/blueprints/${run.sopId}?tab=runs`,
      }),
    ]);
    expect((await todayOf()).runs).toEqual([]);

    const feedback =
      "What worked: every step. What to change: add the photo links. By when: today.";
    bodyOf(await world.owner.client.post(`/api/runs/${run.id}/send-back`, { feedback }));
    expect((await dashboardOf(world.owner)).awaitingReview).toEqual([]);
    let today = await todayOf();
    expect(today.runs).toEqual([]);
    expect(today.sentBack).toEqual([
      {
        key: `sent-back-run:${run.id}`,
        title: `Fix “${run.title}”`,
        reason:
          `Checklist sent back with feedback on ${dateInWords(localDateOf(app.clock.now(), run.timeZone))}; ` +
          `due ${dateInWords(run.dueDate)}. Read what to change and hand it in again.`,
        href: `/portal/runs/${run.id}`,
      },
    ]);

    bodyOf(await world.contractor.client.post(`/api/runs/${run.id}/submit`, {}));
    expect((await dashboardOf(world.owner)).awaitingReview).toHaveLength(1);
    today = await todayOf();
    expect(today.sentBack).toEqual([]);
    expect(today.runs).toEqual([]);
    bodyOf(await world.owner.client.post(`/api/runs/${run.id}/accept`, { feedback: "Tidy." }));
    expect((await dashboardOf(world.owner)).awaitingReview).toEqual([]);
    expect((await todayOf()).runs).toEqual([]);
  });

  it("shows the budget left this month, from the plan until the ledger records payments", async () => {
    await planBudget(world.owner.client, { monthlyBudget: dollars(1000) });
    let { budget } = await dashboardOf(world.owner);
    expect(budget).toMatchObject({
      currency: "USD",
      monthlyBudget: dollars(1000),
      spendSource: "plan",
      href: "/metrics?tab=budget",
    });

    const [photos] = await milestonesOf(world.owner.client, contract.id);
    await fund(world.owner.client, contract.id, dollars(400));
    bodyOf(await release(world.owner.client, photos!.id));
    ({ budget } = await dashboardOf(world.owner));
    expect(budget).toMatchObject({
      spent: dollars(400),
      spendSource: "actual",
      left: dollars(600),
    });
    expect(budget!.reason).toContain("$600 of $1,000 left: $400 paid so far");
    expect((await todayOf()).payments).toEqual([{ currency: "USD", owed: dollars(400), paid: 0 }]);
  });

  it("flags the contractor whose latest report slot passed with none, until a report comes in", async () => {
    const before = await todayOf();
    expect(before.report).toMatchObject({ cadence: "daily", timeZone: "Europe/Kyiv" });
    expect((await dashboardOf(world.owner)).reportsMissing).toEqual([]);

    app.clock.advance(before.report!.dueAt + 60_000 - app.clock.now());
    const { reportsMissing } = await dashboardOf(world.owner);
    expect(reportsMissing).toEqual([
      {
        key: `report-missed:${marcoId}:${before.report!.dueAt}`,
        title: "Marco missed a progress report",
        reason: expect.stringContaining("17:00 their time, did not come in"),
        href: `/people/${marcoId}`,
      },
    ]);
    expect((await todayOf()).report).toMatchObject({ missedLast: true });
    expect((await dashboardOf(world.stranger)).reportsMissing).toEqual([]);

    bodyOf(await (await device(world.contractor)).post("/api/reports", reportBody), 201);
    expect((await dashboardOf(world.owner)).reportsMissing).toEqual([]);
    expect((await todayOf()).report).toMatchObject({ missedLast: false });
  });
});

describe("guardrail warnings on the dashboard", () => {
  it("lists each tripped guardrail with its reason and one action, in the asker's workspace only", async () => {
    const owner = await ownerOfNewWorkspace(app, "USD");
    expect((await read<Dashboard>(owner.client, "/api/dashboard")).guardrails).toEqual([]);
    await addTask(owner.client, { area: "design" });
    const designId = await areaIdOf(owner.client, "design");
    const { guardrails } = await read<Dashboard>(owner.client, "/api/dashboard");
    expect(guardrails).toEqual([
      {
        kind: "bench",
        key: `bench:${designId}`,
        title: "Nobody can do design",
        reason: expect.stringContaining("Nobody can do design"),
        action: { label: expect.any(String), href: expect.stringMatching(/^\/hiring\//) },
      },
    ]);
    const first = await dashboardOf(world.owner);
    expect(keysOf(first.guardrails)).not.toContain(`bench:${designId}`);
  });
});

describe("the contractor's day", () => {
  it("lists their own milestones and assigned work due within a week, soonest first", async () => {
    const contract = await activeContract(
      await device(world.owner),
      await device(world.contractor),
      {
        ...datedContract(),
        title: "Summer catalogue",
      },
    );
    const work = await assign(app, await device(world.owner), contract, {
      title: "Pack the sample box",
      dueDate: marcoDate(2),
    });
    await assign(app, await device(world.owner), contract, {
      title: "Far-off work",
      dueDate: marcoDate(20),
    });
    const today = await todayOf();
    expect(today.assignments).toEqual([
      expect.objectContaining({
        key: `assignment:${work.id}`,
        title: "Pack the sample box",
        overdue: false,
        href: `/portal/contracts/${contract.id}`,
      }),
    ]);
    const titles = today.milestones.map((item) => item.title);
    expect(titles).toContain("“Captions”");
    expect(titles).not.toContain("“Layout”");
    expect(today.milestones[0]!.overdue).toBe(true);
    expect(today.milestones.every((item) => item.href.startsWith("/portal/contracts/"))).toBe(true);
  });

  it("is refused to staff, and the dashboard is refused to contractors", async () => {
    expectError(await (await device(world.owner)).get("/api/portal/today"), 403, "forbidden");
    expectError(await (await device(world.contractor)).get("/api/dashboard"), 403, "forbidden");
  });
});
