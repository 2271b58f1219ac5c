import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  DeliveryMilestone,
  MilestoneDetail,
  ReleaseResult,
} from "../../src/contracts/delivery-schema.ts";
import { accounts } from "../../src/ledger/rules.ts";
import { postTransaction } from "../../src/ledger/store.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { contractorIdOf, draftContract, sendContract } from "../support/contracts.ts";
import { expectError } from "../support/errors.ts";
import {
  acceptedWork,
  handIn,
  milestoneUrl,
  milestonesOf,
  moneyRowsOf,
  newKey,
  postMoney,
  release,
  runningContract,
  transactionCount,
} from "../support/ledger.ts";
import { bodyOf, read } from "../support/worth.ts";
import { buildWorld, invitePerson, type Person, type World } from "../support/world.ts";

let app: TestApp;
let world: World;
let owner: ApiClient;
let manager: ApiClient;
let contractor: ApiClient;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
  owner = world.owner.client;
  manager = world.manager.client;
  contractor = world.contractor.client;
});
afterAll(() => app.close());

const rows = () => moneyRowsOf(app, world.workspaceId);

/** The milestone as the contractor's list shows it. */
async function seen(client: ApiClient, contractId: string, milestoneId: string) {
  const found = (await milestonesOf(client, contractId)).find((m) => m.id === milestoneId);
  if (!found) throw new Error(`milestone ${milestoneId} not listed`);
  return found;
}

describe("handing in, sending back and accepting a milestone", () => {
  it("walks a milestone from open to released, keeping every hand-in and its feedback", async () => {
    const { contract, milestones } = await runningContract(owner, contractor);
    expect(milestones.map((m) => [m.kind, m.status, m.amount])).toEqual([
      ["milestone", "open", 40_000],
      ["milestone", "open", 40_000],
      ["milestone", "open", 40_000],
    ]);
    const id = milestones[0]!.id;

    const submitted = bodyOf<DeliveryMilestone>(
      await postMoney(contractor, milestoneUrl(id, "submit"), handIn),
    );
    expect(submitted).toMatchObject({
      status: "submitted",
      submittedAt: expect.any(Number),
      latestSubmission: {
        note: handIn.note,
        links: handIn.links,
        decision: null,
        submittedByName: "Marco",
      },
    });

    const feedback = "What worked: the tone. What to change: add sources. By when: Friday.";
    const sentBack = bodyOf<DeliveryMilestone>(
      await postMoney(manager, milestoneUrl(id, "send-back"), { feedback }),
    );
    expect(sentBack).toMatchObject({
      status: "sent_back",
      latestSubmission: { decision: "sent_back", feedback, decidedByName: "Priya" },
    });
    // The contractor sees the feedback on their side.
    expect((await seen(contractor, contract.id, id)).latestSubmission?.feedback).toBe(feedback);

    const again = { note: "Sources added to every post.", links: [] };
    bodyOf(await postMoney(contractor, milestoneUrl(id, "submit"), again));
    const accepted = bodyOf<DeliveryMilestone>(
      await postMoney(owner, milestoneUrl(id, "accept"), { feedback: "Thank you!" }),
    );
    expect(accepted).toMatchObject({
      status: "accepted",
      acceptedAt: expect.any(Number),
      latestSubmission: { note: again.note, decision: "accepted", feedback: "Thank you!" },
    });

    const detail = await read<MilestoneDetail>(contractor, milestoneUrl(id));
    expect(detail.contractTitle).toBe("Blog relaunch");
    expect(detail.submissions.map((s) => [s.note, s.decision, s.feedback])).toEqual([
      [again.note, "accepted", "Thank you!"],
      [handIn.note, "sent_back", feedback],
    ]);

    const released = bodyOf<ReleaseResult>(await release(owner, id));
    expect(released.milestone).toMatchObject({
      status: "released",
      releasedAt: expect.any(Number),
      money: { released: 40_000 },
    });
    expect((await seen(contractor, contract.id, id)).status).toBe("released");
  });

  it("accepts with no note at all", async () => {
    const { milestones } = await runningContract(owner, contractor);
    const id = milestones[0]!.id;
    bodyOf(await postMoney(contractor, milestoneUrl(id, "submit"), { note: "Done" }));
    const accepted = bodyOf<DeliveryMilestone>(
      await postMoney(manager, milestoneUrl(id, "accept"), {}),
    );
    expect(accepted.latestSubmission).toMatchObject({
      decision: "accepted",
      feedback: null,
      links: [],
    });
  });
});

describe("refusals", () => {
  it("refuses to hand in work that is waiting, accepted or paid, and to review work not handed in", async () => {
    const { milestones } = await runningContract(owner, contractor);
    const [open, waiting, done] = milestones.map((m) => m.id) as [string, string, string];
    bodyOf(await postMoney(contractor, milestoneUrl(waiting, "submit"), handIn));
    await acceptedWork(manager, contractor, done);
    const before = await rows();

    expectError(
      await postMoney(contractor, milestoneUrl(waiting, "submit"), handIn),
      409,
      "milestone.not_open",
    );
    expectError(
      await postMoney(contractor, milestoneUrl(done, "submit"), handIn),
      409,
      "milestone.not_open",
    );
    for (const action of ["accept", "send-back"]) {
      const body = { feedback: "What to change: everything, by Friday." };
      expectError(
        await postMoney(manager, milestoneUrl(open, action), body),
        409,
        "milestone.not_submitted",
      );
      expectError(
        await postMoney(manager, milestoneUrl(done, action), body),
        409,
        "milestone.not_submitted",
      );
    }
    expect(await rows()).toEqual(before);
  });

  it("needs feedback of at least ten characters to send work back, and writes nothing otherwise", async () => {
    const { milestones } = await runningContract(owner, contractor);
    const id = milestones[0]!.id;
    bodyOf(await postMoney(contractor, milestoneUrl(id, "submit"), handIn));
    const before = await rows();
    expectError(
      await postMoney(owner, milestoneUrl(id, "send-back"), { feedback: "Redo it" }),
      400,
      "invalid_input",
      "feedback",
    );
    expectError(
      await postMoney(owner, milestoneUrl(id, "send-back"), {}),
      400,
      "invalid_input",
      "feedback",
    );
    expect(await rows()).toEqual(before);
  });

  it("refuses bad hand-ins: no note, a link that is not a web address", async () => {
    const { milestones } = await runningContract(owner, contractor);
    const id = milestones[0]!.id;
    const before = await rows();
    expectError(
      await postMoney(contractor, milestoneUrl(id, "submit"), { note: " ", links: [] }),
      400,
      "invalid_input",
      "note",
    );
    expectError(
      await postMoney(contractor, milestoneUrl(id, "submit"), {
        note: "Done",
        links: ["javascript:alert(1)"],
      }),
      400,
      "invalid_input",
      "links.0",
    );
    expect(await rows()).toEqual(before);
  });

  it("takes work only on an active contract", async () => {
    const draft = await draftContract(owner, await contractorIdOf(contractor));
    await sendContract(owner, draft.id);
    const [first] = await milestonesOf(contractor, draft.id);
    const before = await rows();
    expectError(
      await postMoney(contractor, milestoneUrl(first!.id, "submit"), handIn),
      422,
      "milestone.contract_not_active",
    );
    expect(await rows()).toEqual(before);
  });

  it("sends timesheet weeks and retainer months to their own hand-in", async () => {
    const { contract } = await runningContract(owner, contractor);
    const now = app.clock.now();
    const id = uuidv7();
    await app.ctx.db
      .insertInto("milestones")
      .values({
        id,
        workspace_id: world.workspaceId,
        contract_id: contract.id,
        kind: "timesheet",
        position: 9,
        title: "Week of 2026-04-06",
        deliverable: "Time logged",
        due_date: null,
        period: "2026-04-06",
        minutes: 120,
        amount: 5000,
        status: "open",
        submitted_at: null,
        accepted_at: null,
        released_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    expectError(
      await postMoney(contractor, milestoneUrl(id, "submit"), handIn),
      422,
      "milestone.submit_elsewhere",
    );
  });

  it("pays only accepted work, and only once", async () => {
    const { milestones } = await runningContract(owner, contractor);
    const [open, waiting, done] = milestones.map((m) => m.id) as [string, string, string];
    bodyOf(await postMoney(contractor, milestoneUrl(waiting, "submit"), handIn));
    await acceptedWork(manager, contractor, done);
    const before = await rows();
    expectError(await release(owner, open), 422, "payment.not_accepted");
    expectError(await release(owner, waiting), 422, "payment.not_accepted");
    expect(await rows()).toEqual(before);

    bodyOf(await release(owner, done));
    const paid = await rows();
    expectError(await release(owner, done), 409, "payment.already_released");
    expect(await rows()).toEqual(paid);
  });

  it("keeps a second release out at the database too, whatever the app does", async () => {
    const { contract, contractorId, milestones } = await runningContract(owner, contractor);
    const id = milestones[0]!.id;
    await acceptedWork(manager, contractor, id);
    bodyOf(await release(owner, id));
    const second = app.ctx.db.transaction().execute((trx) =>
      postTransaction(trx, {
        workspaceId: world.workspaceId,
        kind: "release",
        currency: "USD",
        amount: 40_000,
        contractId: contract.id,
        milestoneId: id,
        contractorId,
        memo: "A second release",
        createdBy: world.owner.id,
        createdAt: app.clock.now(),
        entries: [
          { account: accounts.funds, amount: -40_000 },
          { account: accounts.payable(contractorId), amount: 40_000 },
        ],
      }),
    );
    await expect(second).rejects.toMatchObject({
      code: expect.stringMatching(/SQLITE_CONSTRAINT_UNIQUE|23505/),
    });
  });
});

describe("the Idempotency-Key", () => {
  it("is required on every delivery step, named in the answer, and nothing is written without it", async () => {
    const { milestones } = await runningContract(owner, contractor);
    const id = milestones[0]!.id;
    const before = await rows();
    for (const [client, action, body] of [
      [contractor, "submit", handIn],
      [owner, "accept", {}],
      [owner, "send-back", { feedback: "What to change: the intro." }],
      [owner, "release", undefined],
    ] as const) {
      expectError(
        await client.post(milestoneUrl(id, action), body),
        400,
        "idempotency.key_required",
        "Idempotency-Key",
      );
      expectError(
        await client.post(milestoneUrl(id, action), body, { "idempotency-key": "  " }),
        400,
        "idempotency.key_required",
      );
      expectError(
        await client.post(milestoneUrl(id, action), body, { "idempotency-key": "k".repeat(201) }),
        400,
        "idempotency.key_required",
      );
    }
    expect(await rows()).toEqual(before);
  });

  it("answers a replay with the first answer and hands in once; another body under the key is refused", async () => {
    const { milestones } = await runningContract(owner, contractor);
    const id = milestones[0]!.id;
    const key = newKey();
    const first = await postMoney(contractor, milestoneUrl(id, "submit"), handIn, key);
    expect(first.statusCode).toBe(200);
    const afterFirst = await rows();
    const replay = await postMoney(contractor, milestoneUrl(id, "submit"), handIn, key);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    expect(await rows()).toEqual(afterFirst);

    expectError(
      await postMoney(contractor, milestoneUrl(id, "submit"), { ...handIn, note: "Other" }, key),
      409,
      "idempotency.key_reused",
      "Idempotency-Key",
    );
    // The same key on another route is another request.
    expectError(
      await postMoney(owner, milestoneUrl(id, "accept"), {}, key),
      409,
      "idempotency.key_reused",
    );
    expect(await rows()).toEqual(afterFirst);
  });

  it("lets a refused request be retried with its key once the reason is gone", async () => {
    const { milestones } = await runningContract(owner, contractor);
    const id = milestones[0]!.id;
    const key = newKey();
    expectError(
      await postMoney(owner, milestoneUrl(id, "release"), undefined, key),
      422,
      "payment.not_accepted",
    );
    await acceptedWork(manager, contractor, id);
    const paid = bodyOf<ReleaseResult>(
      await postMoney(owner, milestoneUrl(id, "release"), undefined, key),
    );
    expect(paid.milestone.status).toBe("released");
  });
});

describe("at the same moment", () => {
  it("two owners releasing at once pay once", async () => {
    const { contract, contractorId, milestones } = await runningContract(owner, contractor);
    const id = milestones[0]!.id;
    await acceptedWork(manager, contractor, id);
    const before = await transactionCount(app, world.workspaceId);
    const answers = await Promise.all(Array.from({ length: 6 }, () => release(owner, id)));
    const codes = answers.map((answer) => answer.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409, 409]);
    for (const answer of answers.filter((a) => a.statusCode === 409)) {
      expect(answer.json().error.code).toBe("payment.already_released");
    }
    expect(await transactionCount(app, world.workspaceId)).toBe(before + 1);
    const releases = await app.ctx.db
      .selectFrom("ledger_transactions")
      .select("amount")
      .where("workspace_id", "=", world.workspaceId)
      .where("milestone_id", "=", id)
      .execute();
    expect(releases.map((row) => Number(row.amount))).toEqual([40_000]);
    expect((await seen(owner, contract.id, id)).money.released).toBe(40_000);
    expect(contractorId).toBeTruthy();
  });

  it("the same request sent many times at once runs once and every answer is the first", async () => {
    const { milestones } = await runningContract(owner, contractor);
    const id = milestones[0]!.id;
    await acceptedWork(manager, contractor, id);
    const before = await transactionCount(app, world.workspaceId);
    const key = newKey();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        postMoney(owner, milestoneUrl(id, "release"), undefined, key),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const ids = new Set(answers.map((answer) => answer.json().transactionId));
    expect(ids.size).toBe(1);
    expect(await transactionCount(app, world.workspaceId)).toBe(before + 1);
  });

  it("two reviewers deciding at once: one decision stands", async () => {
    const { milestones } = await runningContract(owner, contractor);
    const id = milestones[0]!.id;
    bodyOf(await postMoney(contractor, milestoneUrl(id, "submit"), handIn));
    const answers = await Promise.all([
      postMoney(owner, milestoneUrl(id, "accept"), {}),
      postMoney(manager, milestoneUrl(id, "send-back"), { feedback: "What to change: the intro." }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const detail = await read<MilestoneDetail>(owner, milestoneUrl(id));
    expect(detail.submissions).toHaveLength(1);
    expect(detail.submissions[0]!.decision).toBe(
      detail.status === "accepted" ? "accepted" : "sent_back",
    );
  });
});

describe("who may do what", () => {
  let other: Person;
  beforeAll(async () => {
    other = await invitePerson(app, owner, "lena@example.com", "contractor", "Lena");
  });

  it("a contractor hands in but never accepts, sends back or releases; a manager reviews but never pays", async () => {
    const { milestones } = await runningContract(owner, contractor);
    const id = milestones[0]!.id;
    bodyOf(await postMoney(contractor, milestoneUrl(id, "submit"), handIn));
    const before = await rows();
    expectError(await postMoney(contractor, milestoneUrl(id, "accept"), {}), 403, "forbidden");
    expectError(
      await postMoney(contractor, milestoneUrl(id, "send-back"), {
        feedback: "What to change: nothing.",
      }),
      403,
      "forbidden",
    );
    expectError(await release(contractor, id), 403, "forbidden");
    expect(await rows()).toEqual(before);

    bodyOf(await postMoney(manager, milestoneUrl(id, "accept"), {}));
    const accepted = await rows();
    expectError(await release(manager, id), 403, "forbidden");
    // Staff do not hand in work for the contractor.
    expectError(
      await postMoney(owner, milestoneUrl(milestones[1]!.id, "submit"), handIn),
      403,
      "forbidden",
    );
    expect(await rows()).toEqual(accepted);
  });

  it("another contractor and another workspace find nothing", async () => {
    const { contract, milestones } = await runningContract(owner, contractor);
    const id = milestones[0]!.id;
    for (const client of [other.client, world.stranger.client]) {
      expectError(await client.get(`/api/contracts/${contract.id}/milestones`), 404, "not_found");
      expectError(await client.get(`/api/contracts/${contract.id}/money`), 404, "not_found");
      expectError(await client.get(milestoneUrl(id)), 404, "not_found");
    }
    expectError(
      await postMoney(other.client, milestoneUrl(id, "submit"), handIn),
      404,
      "not_found",
    );
    expectError(
      await postMoney(world.stranger.client, milestoneUrl(id, "accept"), {}),
      404,
      "not_found",
    );
    expectError(await release(world.stranger.client, id), 404, "not_found");
  });

  it("a draft's milestones are not the contractor's to see", async () => {
    const draft = await draftContract(owner, await contractorIdOf(contractor));
    expect(await milestonesOf(owner, draft.id)).toHaveLength(3);
    expectError(await contractor.get(`/api/contracts/${draft.id}/milestones`), 404, "not_found");
  });
});
