import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  Assignment,
  CadenceView,
  Report,
  ReportPage,
  WorkSettings,
} from "../../src/work/schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { contractorIdOf, draftContract } from "../support/contracts.ts";
import { expectError } from "../support/errors.ts";
import { createSop, publish } from "../support/sops.ts";
import { addTask, bodyOf, read } from "../support/worth.ts";
import {
  assign,
  assignmentBody,
  blockedReport,
  hourlyContract,
  reportBody,
  sendReport,
  workRowsOf,
} from "../support/work.ts";
import { buildWorld, invitePerson, type Person, type World } from "../support/world.ts";
import type { Contract } from "../../src/contracts/schema.ts";

let app: TestApp;
let world: World;
let owner: ApiClient;
let manager: ApiClient;
let contractor: ApiClient;
let second: Person;
let contract: Contract;
let secondContract: Contract;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
  owner = world.owner.client;
  manager = world.manager.client;
  contractor = world.contractor.client;
  second = await invitePerson(app, owner, "lena@example.com", "contractor", "Lena");
  contract = await hourlyContract(owner, contractor);
  secondContract = await hourlyContract(owner, second.client, { title: "Newsletter" });
});
afterAll(() => app.close());

const rows = () => workRowsOf(app, world.workspaceId);

describe("work settings", () => {
  it("makes the row on first read with the defaults, and lets only the owner change it", async () => {
    expect(await read<WorkSettings>(manager, "/api/work-settings")).toMatchObject({
      relaxAfterDays: 10,
      relaxAfterAccepted: 2,
      slipLimit: 3,
      slipWindowDays: 30,
      loyaltyWindowDays: 60,
    });
    const changed = bodyOf<WorkSettings>(await owner.put("/api/work-settings", { slipLimit: 4 }));
    expect(changed).toMatchObject({ slipLimit: 4, relaxAfterDays: 10 });
    const before = await rows();
    expectError(await manager.put("/api/work-settings", { slipLimit: 5 }), 403, "forbidden");
    expectError(
      await owner.put("/api/work-settings", { relaxAfterDays: 0 }),
      400,
      "invalid_input",
      "relaxAfterDays",
    );
    expect(await rows()).toEqual(before);
    await owner.put("/api/work-settings", { slipLimit: 3 });
  });
});

describe("assignments", () => {
  it("assigns a task and a procedure under an active contract, in the contractor's dates", async () => {
    const task = await addTask(owner, { name: "Product photos" });
    const sop = await createSop(owner);
    const version = await publish(owner, sop.id);
    const made = await assign(app, manager, contract, { taskId: task.id, sopId: sop.id });
    expect(made).toMatchObject({
      contractId: contract.id,
      contractTitle: "Shop upkeep",
      contractorName: "Marco",
      taskId: task.id,
      taskName: "Product photos",
      sopVersionId: expect.any(String),
      sopTitle: version.title,
      status: "open",
      expectedMinutes: 210,
      finishedAt: null,
    });
    const listed = await read<Assignment[]>(
      owner,
      `/api/assignments?contractorId=${contract.contractorId}`,
    );
    expect(listed.map((a) => a.id)).toContain(made.id);
    const others = await read<Assignment[]>(
      owner,
      `/api/assignments?contractorId=${secondContract.contractorId}`,
    );
    expect(others.map((a) => a.id)).not.toContain(made.id);
  });

  it("shows a contractor only their own work, and lets them mark only their own done", async () => {
    const mine = await assign(app, owner, contract, { title: "Mine" });
    const theirs = await assign(app, owner, secondContract, { title: "Theirs" });
    const seen = await read<Assignment[]>(contractor, "/api/assignments");
    expect(seen.map((a) => a.contractorId)).toEqual(seen.map(() => contract.contractorId));
    expect(seen.map((a) => a.id)).toContain(mine.id);
    const filtered = await read<Assignment[]>(
      contractor,
      `/api/assignments?contractorId=${secondContract.contractorId}`,
    );
    expect(filtered.map((a) => a.id)).not.toContain(theirs.id);

    const before = await rows();
    expectError(await contractor.post(`/api/assignments/${theirs.id}/done`), 404, "not_found");
    expectError(await contractor.post(`/api/assignments/${mine.id}/cancel`), 403, "forbidden");
    expect(await rows()).toEqual(before);

    const done = bodyOf<Assignment>(await contractor.post(`/api/assignments/${mine.id}/done`));
    expect(done).toMatchObject({ status: "done", finishedAt: expect.any(Number) });
    expectError(await owner.post(`/api/assignments/${mine.id}/cancel`), 409, "assignment.finished");
    const done2 = await read<Assignment[]>(contractor, "/api/assignments?status=done");
    expect(done2.map((a) => a.id)).toEqual([mine.id]);
  });

  it("changes and cancels open work", async () => {
    const work = await assign(app, owner, contract);
    const changed = bodyOf<Assignment>(
      await manager.put(`/api/assignments/${work.id}`, {
        title: "Photograph the summer range",
        expectedHours: 2,
      }),
    );
    expect(changed).toMatchObject({
      title: "Photograph the summer range",
      expectedMinutes: 120,
      notes: work.notes,
    });
    const cancelled = bodyOf<Assignment>(await manager.post(`/api/assignments/${work.id}/cancel`));
    expect(cancelled.status).toBe("cancelled");
    expectError(
      await manager.put(`/api/assignments/${work.id}`, { title: "Again" }),
      409,
      "assignment.finished",
    );
  });

  it("refuses work under someone else's contract, a draft, a past date or an unknown task, writing nothing", async () => {
    const draft = await draftContract(owner, contract.contractorId, { title: "Not yet" });
    const before = await rows();
    expectError(
      await owner.post("/api/assignments", {
        ...assignmentBody(app, secondContract),
        contractorId: contract.contractorId,
      }),
      400,
      "invalid_input",
      "contractId",
    );
    expectError(
      await owner.post("/api/assignments", assignmentBody(app, draft)),
      422,
      "assignment.contract_not_active",
    );
    expectError(
      await owner.post(
        "/api/assignments",
        assignmentBody(app, contract, { dueDate: "2020-01-01" }),
      ),
      400,
      "invalid_input",
      "dueDate",
    );
    expectError(
      await owner.post("/api/assignments", assignmentBody(app, contract, { taskId: contract.id })),
      400,
      "invalid_input",
      "taskId",
    );
    const unpublished = await createSop(owner);
    expectError(
      await owner.post(
        "/api/assignments",
        assignmentBody(app, contract, { sopId: unpublished.id }),
      ),
      400,
      "invalid_input",
      "sopId",
    );
    expectError(
      await owner.post("/api/assignments", assignmentBody(app, contract, { title: " " })),
      400,
      "invalid_input",
      "title",
    );
    expectError(
      await contractor.post("/api/assignments", assignmentBody(app, contract)),
      403,
      "forbidden",
    );
    expectError(
      await world.stranger.client.post("/api/assignments", assignmentBody(app, contract)),
      404,
      "not_found",
    );
    expect(await rows()).toEqual(before);
  });

  it("finds nothing of another workspace's", async () => {
    const work = await assign(app, owner, contract);
    expectError(
      await world.stranger.client.post(`/api/assignments/${work.id}/done`),
      404,
      "not_found",
    );
    expect(await read<Assignment[]>(world.stranger.client, "/api/assignments")).toEqual([]);
  });
});

describe("progress reports", () => {
  it("takes a report that answers the report due now, and shows it first in the owner's feed", async () => {
    const cadence = await read<CadenceView>(contractor, "/api/portal/cadence");
    const sent = await sendReport(contractor, blockedReport);
    expect(sent).toMatchObject({
      contractorName: "Marco",
      done: blockedReport.done,
      blockers: blockedReport.blockers,
      minutes: 150,
      links: blockedReport.links,
      dueAt: cadence.nextDue?.at,
      blockerResolvedAt: null,
      replies: [],
    });
    const feed = await read<ReportPage>(owner, "/api/reports");
    expect(feed.reports[0]?.id).toBe(sent.id);
  });

  it("pages the feed newest first and filters by contractor and open blockers", async () => {
    app.clock.advance(60_000);
    const lena1 = await sendReport(second.client);
    app.clock.advance(60_000);
    const lena2 = await sendReport(second.client, blockedReport);
    app.clock.advance(60_000);
    const first = await read<ReportPage>(
      owner,
      `/api/reports?contractorId=${secondContract.contractorId}&limit=1`,
    );
    expect(first.reports.map((r) => r.id)).toEqual([lena2.id]);
    expect(first.nextCursor).not.toBeNull();
    const next = await read<ReportPage>(
      owner,
      `/api/reports?contractorId=${secondContract.contractorId}&limit=1&cursor=${first.nextCursor}`,
    );
    expect(next.reports.map((r) => r.id)).toEqual([lena1.id]);
    expect(next.nextCursor).toBeNull();

    const blocked = await read<ReportPage>(owner, "/api/reports?openBlockers=true");
    expect(blocked.reports.every((r) => r.blockers !== "" && r.blockerResolvedAt === null)).toBe(
      true,
    );
    expect(blocked.reports.map((r) => r.id)).toContain(lena2.id);

    const resolved = bodyOf<Report>(await manager.post(`/api/reports/${lena2.id}/resolve-blocker`));
    expect(resolved.blockerResolvedAt).toBeGreaterThanOrEqual(lena2.submittedAt);
    const after = await read<ReportPage>(owner, "/api/reports?openBlockers=true");
    expect(after.reports.map((r) => r.id)).not.toContain(lena2.id);
    expectError(
      await manager.post(`/api/reports/${lena1.id}/resolve-blocker`),
      422,
      "report.no_blocker",
    );
  });

  it("threads replies under the report, and the contractor reads only their own", async () => {
    const mine = await sendReport(contractor);
    const lenas = await sendReport(second.client);
    const reply = await owner.post(`/api/reports/${mine.id}/replies`, {
      body: "Good progress, thanks.",
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({
      authorName: "Dana Whitfield",
      body: "Good progress, thanks.",
    });
    bodyOf(await contractor.post(`/api/reports/${mine.id}/replies`, { body: "Thank you!" }), 201);

    const read1 = await read<Report>(contractor, `/api/reports/${mine.id}`);
    expect(read1.replies.map((r) => [r.authorName, r.body])).toEqual([
      ["Dana Whitfield", "Good progress, thanks."],
      ["Marco", "Thank you!"],
    ]);
    const own = await read<ReportPage>(
      contractor,
      `/api/reports?contractorId=${secondContract.contractorId}`,
    );
    expect(own.reports.every((r) => r.contractorId === contract.contractorId)).toBe(true);

    const before = await rows();
    expectError(await contractor.get(`/api/reports/${lenas.id}`), 404, "not_found");
    expectError(
      await contractor.post(`/api/reports/${lenas.id}/replies`, { body: "Hi" }),
      404,
      "not_found",
    );
    expectError(await contractor.post(`/api/reports/${mine.id}/resolve-blocker`), 403, "forbidden");
    expectError(await world.stranger.client.get(`/api/reports/${mine.id}`), 404, "not_found");
    expectError(
      await owner.post(`/api/reports/${mine.id}/replies`, { body: "" }),
      400,
      "invalid_input",
      "body",
    );
    expect(await rows()).toEqual(before);
  });

  it("refuses a blank report naming the field, and staff reports, writing nothing", async () => {
    const before = await rows();
    expectError(
      await contractor.post("/api/reports", { ...reportBody, done: "   " }),
      400,
      "invalid_input",
      "done",
    );
    expectError(
      await contractor.post("/api/reports", { ...reportBody, links: ["ftp://x"] }),
      400,
      "invalid_input",
      "links.0",
    );
    expectError(
      await contractor.post("/api/reports", { ...reportBody, minutes: -5 }),
      400,
      "invalid_input",
      "minutes",
    );
    expectError(await owner.post("/api/reports", reportBody), 403, "forbidden");
    expect(await rows()).toEqual(before);
  });

  it("refuses a report from a contractor with no active contract", async () => {
    const newcomer = await invitePerson(app, owner, "newcomer@example.com", "contractor", "Nia");
    await contractorIdOf(newcomer.client);
    const before = await rows();
    expectError(
      await newcomer.client.post("/api/reports", reportBody),
      422,
      "report.no_active_contract",
    );
    expect(await rows()).toEqual(before);
    const cadence = await read<CadenceView>(newcomer.client, "/api/portal/cadence");
    expect(cadence).toMatchObject({ reporting: false, nextDue: null, changes: [] });
  });
});

describe("cadence", () => {
  it("finds no cadence of another workspace's contractor, and refuses contractors", async () => {
    expectError(
      await world.stranger.client.get(`/api/contractors/${contract.contractorId}/cadence`),
      404,
      "not_found",
    );
    expectError(
      await world.stranger.client.put(`/api/contractors/${contract.contractorId}/cadence-pin`, {
        cadence: "daily",
      }),
      404,
      "not_found",
    );
    expectError(
      await contractor.get(`/api/contractors/${contract.contractorId}/cadence`),
      403,
      "forbidden",
    );
  });

  it("lists every active contractor's cadence for the Work page", async () => {
    const all = await read<CadenceView[]>(manager, "/api/cadences");
    expect(all.map((c) => c.contractorName)).toEqual(expect.arrayContaining(["Marco", "Lena"]));
    expect(all.every((c) => c.reporting && c.cadence === "daily")).toBe(true);
  });
});
