import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryMilestone } from "../../src/contracts/delivery-schema.ts";
import type {
  TimeEntry,
  TimesheetWeek,
  WeekEntries,
} from "../../src/contracts/timesheet-schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import {
  activeContract,
  contractorIdOf,
  draftContract,
  sendContract,
} from "../support/contracts.ts";
import { expectError } from "../support/errors.ts";
import { milestoneUrl, milestonesOf, newKey, postMoney, release } from "../support/ledger.ts";
import {
  entry,
  hourlyTerms,
  logTime,
  periodRowsOf,
  setClock,
  submittedWeek,
  submitWeek,
  timesheetsUrl,
  timeUrl,
  weekOfEntries,
} from "../support/timesheets.ts";
import { bodyOf, read } from "../support/worth.ts";
import { buildWorld, invitePerson, type Person, type World } from "../support/world.ts";

let app: TestApp;
let world: World;
let owner: ApiClient;
let contractor: ApiClient;
/** A second contractor of the same workspace, with a contract of their own. */
let zoe: Person;

beforeAll(async () => {
  app = await startTestApp();
  // Thursday 16 April 2026, 3 pm in Kyiv where the contractor lives.
  setClock(app, "2026-04-16T12:00:00Z");
  world = await buildWorld(app);
  owner = world.owner.client;
  contractor = world.contractor.client;
  zoe = await invitePerson(app, owner, "zoe@example.com", "contractor", "Zoe");
});
afterAll(() => app.close());

const rows = () => periodRowsOf(app, world.workspaceId);
const hourly = (overrides = {}) =>
  activeContract(owner, contractor, { ...hourlyTerms, ...overrides });

describe("logging time", () => {
  it("logs time and shows the week's entries, total, cap and amount", async () => {
    const contract = await hourly();
    const logged = bodyOf<TimeEntry>(await logTime(contractor, contract.id), 201);
    expect(logged).toMatchObject({
      contractId: contract.id,
      workDate: "2026-04-14",
      minutes: 150,
      description: "Answered the weekend's support emails",
    });
    bodyOf(await logTime(contractor, contract.id, { workDate: "2026-04-16", minutes: 600 }), 201);
    const week = await weekOfEntries(contractor, contract.id, "2026-04-15");
    expect(week).toMatchObject({
      week: "2026-04-13",
      minutes: 750,
      capMinutes: 1200,
      minutesLeft: 450,
      amount: 31_250, // 12.5 h at $25
      currency: "USD",
      status: "open",
      milestoneId: null,
      today: "2026-04-16",
    });
    expect(week.entries.map((item) => item.workDate)).toEqual(["2026-04-14", "2026-04-16"]);
    const thisWeek = await read<WeekEntries>(contractor, timeUrl(contract.id));
    expect(thisWeek.week).toBe("2026-04-13");
    expect(await read<WeekEntries>(owner, timeUrl(contract.id))).toEqual(thisWeek);
    expect(await read<WeekEntries>(world.manager.client, timeUrl(contract.id))).toEqual(thisWeek);
  });

  it("refuses time over the weekly cap, says how much is left and writes nothing", async () => {
    const contract = await hourly();
    bodyOf(await logTime(contractor, contract.id, { minutes: 750 }), 201);
    const before = await rows();
    const response = await logTime(contractor, contract.id, { minutes: 451 });
    expectError(response, 422, "time.over_cap", "minutes");
    expect(response.json().error.message).toBe("Only 7 h 30 m left of this week's 20 h cap");
    expect(await rows()).toEqual(before);
    bodyOf(await logTime(contractor, contract.id, { minutes: 450 }), 201);
    const full = await logTime(contractor, contract.id, { workDate: "2026-04-15", minutes: 1 });
    expectError(full, 422, "time.over_cap", "minutes");
  });

  it("counts each week against its own cap", async () => {
    const contract = await hourly();
    bodyOf(await logTime(contractor, contract.id, { workDate: "2026-04-10", minutes: 1200 }), 201);
    bodyOf(await logTime(contractor, contract.id, { workDate: "2026-04-13", minutes: 1200 }), 201);
  });

  it("refuses a day outside the contract and a day still to come", async () => {
    const contract = await hourly();
    const before = await rows();
    expectError(
      await logTime(contractor, contract.id, { workDate: "2026-03-31" }),
      422,
      "time.outside_contract",
      "workDate",
    );
    expectError(
      await logTime(contractor, contract.id, { workDate: "2026-04-17" }),
      422,
      "time.future_date",
      "workDate",
    );
    expect(await rows()).toEqual(before);
  });

  it("reckons today in the contractor's time zone", async () => {
    const contract = await hourly();
    // 22:30 in UTC on the 16th is already 01:30 on the 17th in Kyiv.
    setClock(app, "2026-04-16T22:30:00Z");
    try {
      bodyOf(await logTime(contractor, contract.id, { workDate: "2026-04-17" }), 201);
      expectError(
        await logTime(contractor, contract.id, { workDate: "2026-04-18" }),
        422,
        "time.future_date",
      );
    } finally {
      setClock(app, "2026-04-16T12:00:00Z");
    }
  });

  it.each([
    ["minutes", { minutes: 0 }],
    ["minutes", { minutes: 1441 }],
    ["minutes", { minutes: 1.5 }],
    ["workDate", { workDate: "14/04/2026" }],
    ["description", { description: "  " }],
  ])("refuses a bad %s with 400 and writes nothing", async (field, overrides) => {
    const contract = await hourly();
    const before = await rows();
    expectError(await logTime(contractor, contract.id, overrides), 400, "invalid_input", field);
    expect(await rows()).toEqual(before);
  });

  it("takes time only on an active hourly contract", async () => {
    const fixed = await activeContract(owner, contractor);
    expectError(await logTime(contractor, fixed.id), 422, "time.not_hourly");
    const sent = await draftContract(owner, await contractorIdOf(contractor), hourlyTerms);
    await sendContract(owner, sent.id);
    expectError(await logTime(contractor, sent.id), 422, "time.contract_not_active");
    const ended = await hourly();
    bodyOf(await owner.post(`/api/contracts/${ended.id}/end`, { reason: "The shop is closing." }));
    expectError(await logTime(contractor, ended.id), 422, "time.contract_not_active");
  });

  it("lets nobody but the contract's contractor log time", async () => {
    const contract = await hourly();
    const before = await rows();
    expectError(await logTime(owner, contract.id), 403, "forbidden");
    expectError(await logTime(world.manager.client, contract.id), 403, "forbidden");
    expectError(await logTime(zoe.client, contract.id), 404, "not_found");
    // Another workspace's owner may not log time anywhere, so is refused before any lookup.
    expectError(await logTime(world.stranger.client, contract.id), 403, "forbidden");
    expectError(await world.anonymous.post(timeUrl(contract.id), entry()), 401, "auth.required");
    expect(await rows()).toEqual(before);
  });
});

describe("at the same moment", () => {
  it("lets only what fits under the cap in when entries arrive together", async () => {
    const contract = await hourly();
    const answers = await Promise.all(
      [13, 14, 15, 16, 16].map((day) =>
        logTime(contractor, contract.id, { workDate: `2026-04-${day}`, minutes: 300 }),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 422]);
    expect((await weekOfEntries(owner, contract.id, "2026-04-13")).minutes).toBe(1200);
  });

  it("makes one timesheet when a week is submitted twice at once with different keys", async () => {
    const contract = await hourly();
    bodyOf(await logTime(contractor, contract.id, { workDate: "2026-04-07" }), 201);
    const answers = await Promise.all(
      [1, 2, 3].map(() => submitWeek(contractor, contract.id, { week: "2026-04-06" })),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409, 409]);
    const milestones = await app.ctx.db
      .selectFrom("milestones")
      .select("id")
      .where("contract_id", "=", contract.id)
      .where("kind", "=", "timesheet")
      .execute();
    expect(milestones).toHaveLength(1);
  });
});

describe("taking time back", () => {
  it("deletes the contractor's own entry while the week is open", async () => {
    const contract = await hourly();
    const logged = bodyOf<TimeEntry>(await logTime(contractor, contract.id), 201);
    const before = await rows();
    expectError(await owner.delete(`/api/time-entries/${logged.id}`), 403, "forbidden");
    expectError(await zoe.client.delete(`/api/time-entries/${logged.id}`), 404, "not_found");
    expectError(
      await world.stranger.client.delete(`/api/time-entries/${logged.id}`),
      404,
      "not_found",
    );
    expect(await rows()).toEqual(before);
    expect((await contractor.delete(`/api/time-entries/${logged.id}`)).statusCode).toBe(204);
    expect((await weekOfEntries(contractor, contract.id, "2026-04-13")).entries).toEqual([]);
    expectError(await contractor.delete(`/api/time-entries/${logged.id}`), 404, "not_found");
  });
});

describe("submitting a week", () => {
  it("makes the week a timesheet milestone waiting for review, once per key", async () => {
    const contract = await hourly();
    bodyOf(await logTime(contractor, contract.id, { workDate: "2026-04-07", minutes: 500 }), 201);
    bodyOf(await logTime(contractor, contract.id, { workDate: "2026-04-09", minutes: 250 }), 201);
    const key = newKey();
    const response = await submitWeek(
      contractor,
      contract.id,
      { week: "2026-04-06", note: "Inbox at zero" },
      key,
    );
    const week = bodyOf<WeekEntries>(response, 201);
    expect(week).toMatchObject({
      week: "2026-04-06",
      minutes: 750,
      amount: 31_250,
      status: "submitted",
      submittedAt: expect.any(Number),
    });
    const milestone = await app.ctx.db
      .selectFrom("milestones")
      .selectAll()
      .where("id", "=", week.milestoneId!)
      .executeTakeFirstOrThrow();
    expect(milestone).toMatchObject({
      contract_id: contract.id,
      kind: "timesheet",
      period: "2026-04-06",
      minutes: 750,
      amount: 31_250,
      status: "submitted",
      submitted_at: week.submittedAt,
    });
    const submissions = await app.ctx.db
      .selectFrom("submissions")
      .select(["note", "submitted_by"])
      .where("milestone_id", "=", milestone.id)
      .execute();
    expect(submissions).toEqual([{ note: "Inbox at zero", submitted_by: world.contractor.id }]);

    const before = await rows();
    const replay = await submitWeek(
      contractor,
      contract.id,
      { week: "2026-04-06", note: "Inbox at zero" },
      key,
    );
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(response.json());
    expect(await rows()).toEqual(before);
    expectError(
      await submitWeek(contractor, contract.id, { week: "2026-04-06", note: "Other" }, key),
      409,
      "idempotency.key_reused",
    );

    const listed = await read<DeliveryMilestone[]>(
      owner,
      `/api/contracts/${contract.id}/milestones`,
    );
    expect(listed.find((item) => item.id === milestone.id)).toMatchObject({
      kind: "timesheet",
      status: "submitted",
      amount: 31_250,
    });
  });

  it("closes a submitted week to new time, deletions and a second submission", async () => {
    const contract = await hourly();
    const week = await submittedWeek(contractor, contract.id, "2026-04-08", "2026-04-06");
    const before = await rows();
    expectError(
      await logTime(contractor, contract.id, { workDate: "2026-04-09" }),
      409,
      "time.week_closed",
    );
    expectError(
      await contractor.delete(`/api/time-entries/${week.entries[0]!.id}`),
      409,
      "time.week_closed",
    );
    expectError(
      await submitWeek(contractor, contract.id, { week: "2026-04-06" }),
      409,
      "time.week_closed",
      "week",
    );
    expect(await rows()).toEqual(before);
  });

  it("refuses an empty week, a week not begun and a day that is not a Monday", async () => {
    const contract = await hourly();
    const before = await rows();
    expectError(
      await submitWeek(contractor, contract.id, { week: "2026-04-06" }),
      422,
      "timesheet.empty_week",
      "week",
    );
    expectError(
      await submitWeek(contractor, contract.id, { week: "2026-04-20" }),
      422,
      "timesheet.week_not_started",
      "week",
    );
    expectError(
      await submitWeek(contractor, contract.id, { week: "2026-04-08" }),
      400,
      "invalid_input",
      "week",
    );
    expectError(
      await contractor.post(timesheetsUrl(contract.id), { week: "2026-04-06" }),
      400,
      "idempotency.key_required",
      "Idempotency-Key",
    );
    expect(await rows()).toEqual(before);
  });

  it("lets only the contract's contractor submit", async () => {
    const contract = await hourly();
    bodyOf(await logTime(contractor, contract.id, { workDate: "2026-04-07" }), 201);
    const before = await rows();
    expectError(await submitWeek(owner, contract.id, { week: "2026-04-06" }), 403, "forbidden");
    expectError(
      await submitWeek(zoe.client, contract.id, { week: "2026-04-06" }),
      404,
      "not_found",
    );
    expect(await rows()).toEqual(before);
  });

  it("goes through send-back, resubmission, acceptance and release", async () => {
    const contract = await hourly();
    const first = await submittedWeek(contractor, contract.id, "2026-04-07", "2026-04-06", 600);
    const milestoneId = first.milestoneId!;
    bodyOf(
      await postMoney(owner, milestoneUrl(milestoneId, "send-back"), {
        feedback: "Tuesday's hours belong to the other shop.",
      }),
    );
    const sentBack = await weekOfEntries(contractor, contract.id, "2026-04-06");
    expect(sentBack).toMatchObject({
      status: "sent_back",
      feedback: "Tuesday's hours belong to the other shop.",
    });
    // The week is open again: the entry comes out and the right time goes in.
    expect(
      (await contractor.delete(`/api/time-entries/${sentBack.entries[0]!.id}`)).statusCode,
    ).toBe(204);
    bodyOf(await logTime(contractor, contract.id, { workDate: "2026-04-08", minutes: 480 }), 201);
    const again = bodyOf<WeekEntries>(
      await submitWeek(contractor, contract.id, { week: "2026-04-06" }),
      201,
    );
    expect(again).toMatchObject({
      milestoneId,
      status: "submitted",
      minutes: 480,
      amount: 20_000,
      feedback: null,
    });

    bodyOf(await postMoney(owner, milestoneUrl(milestoneId, "accept"), { feedback: "Thanks" }));
    expect((await weekOfEntries(owner, contract.id, "2026-04-06")).status).toBe("accepted");
    const released = await release(owner, milestoneId);
    expect(released.statusCode, released.body).toBe(200);
    const weeks = await read<TimesheetWeek[]>(owner, timesheetsUrl(contract.id));
    expect(weeks.find((item) => item.week === "2026-04-06")).toMatchObject({
      status: "released",
      minutes: 480,
      amount: 20_000,
    });
    const submissions = await app.ctx.db
      .selectFrom("submissions")
      .select(["decision"])
      .where("milestone_id", "=", milestoneId)
      .orderBy("submitted_at")
      .execute();
    expect(submissions.map((row) => row.decision)).toEqual(["sent_back", "accepted"]);
  });

  it("pays the hours beyond the volume threshold at the lower rate, split at the threshold", async () => {
    // 10 % off after 10 hours: 8 h in the first week, then 5 h = 2 h at $25 and 3 h at $22.50.
    const contract = await hourly({ volumeDiscount: { after: 10, basisPoints: 1000 } });
    const first = await submittedWeek(contractor, contract.id, "2026-04-01", "2026-03-30", 480);
    expect(first.amount).toBe(20_000);
    const open = await logTime(contractor, contract.id, { workDate: "2026-04-07", minutes: 300 });
    bodyOf(open, 201);
    expect((await weekOfEntries(contractor, contract.id, "2026-04-06")).amount).toBe(11_750);
    const second = bodyOf<WeekEntries>(
      await submitWeek(contractor, contract.id, { week: "2026-04-06" }),
      201,
    );
    expect(second.amount).toBe(11_750);
  });
});

describe("the weeks of a contract", () => {
  it("lists weeks with time or a timesheet and this week, newest first, for staff and the contractor", async () => {
    const contract = await hourly();
    await submittedWeek(contractor, contract.id, "2026-04-02", "2026-03-30", 90);
    bodyOf(await logTime(contractor, contract.id, { workDate: "2026-04-08", minutes: 60 }), 201);
    const weeks = await read<TimesheetWeek[]>(contractor, timesheetsUrl(contract.id));
    expect(
      weeks.map(({ week, status, minutes, amount }) => ({ week, status, minutes, amount })),
    ).toEqual([
      { week: "2026-04-13", status: "open", minutes: 0, amount: 0 },
      { week: "2026-04-06", status: "open", minutes: 60, amount: 2500 },
      { week: "2026-03-30", status: "submitted", minutes: 90, amount: 3750 },
    ]);
    expect(await read(owner, timesheetsUrl(contract.id))).toEqual(weeks);
    expect(await read(world.manager.client, timesheetsUrl(contract.id))).toEqual(weeks);
  });

  it("shows another contractor and another workspace nothing", async () => {
    const contract = await hourly();
    expectError(await zoe.client.get(timesheetsUrl(contract.id)), 404, "not_found");
    expectError(await zoe.client.get(timeUrl(contract.id)), 404, "not_found");
    expectError(await world.stranger.client.get(timesheetsUrl(contract.id)), 404, "not_found");
    expectError(await world.stranger.client.get(timeUrl(contract.id)), 404, "not_found");
  });

  it("keeps a contractor to their own contracts' milestones", async () => {
    const contract = await hourly();
    const week = await submittedWeek(contractor, contract.id, "2026-04-07", "2026-04-06");
    const zoesContract = await activeContract(owner, zoe.client, hourlyTerms);
    expect((await milestonesOf(zoe.client, zoesContract.id)).map((m) => m.id)).not.toContain(
      week.milestoneId,
    );
    expectError(await zoe.client.get(milestoneUrl(week.milestoneId!)), 404, "not_found");
  });

  it("has no weeks on a fixed-price contract", async () => {
    const fixed = await activeContract(owner, contractor);
    expectError(await contractor.get(timesheetsUrl(fixed.id)), 422, "time.not_hourly");
    expectError(await owner.get(timeUrl(fixed.id)), 422, "time.not_hourly");
  });
});
