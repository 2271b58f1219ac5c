import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryMilestone } from "../../src/contracts/delivery-schema.ts";
import type { RunReviews } from "../../src/sops/run-review-schema.ts";
import type { Run } from "../../src/sops/schema.ts";
import type {
  OwnFeedback,
  PerformanceView,
  TopPerformers,
} from "../../src/work/performance-schema.ts";
import type { CadenceView } from "../../src/work/schema.ts";
import { newDevice, uniqueEmail } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { contractorIdOf } from "../support/contracts.ts";
import { expectError } from "../support/errors.ts";
import { handIn, milestoneUrl, milestonesOf, postMoney } from "../support/ledger.ts";
import {
  datedContract,
  goodRatings,
  handedInMilestone,
  handedInRun,
  reviewRowsOf,
  sendBackFeedback,
} from "../support/reviews.ts";
import { check, runUrl } from "../support/sops.ts";
import { reportBody } from "../support/work.ts";
import { bodyOf, read } from "../support/worth.ts";
import { buildWorld, invitePerson, type Person, type World } from "../support/world.ts";

/**
 * Reviews, ratings and performance over simulated days: the app's clock moves, nobody
 * sleeps. Requests after the clock moves open a fresh session, since moving it by days
 * ends idle sessions.
 */

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
});
afterAll(() => app.close());

const rows = () => reviewRowsOf(app, world.workspaceId);
const device = (person: Person) => newDevice(app, person);

function accept(reviewer: ApiClient, milestoneId: string, body: object) {
  return postMoney(reviewer, milestoneUrl(milestoneId, "accept"), body);
}

describe("accepting a milestone with ratings", () => {
  it("writes one rating for the submission, in the same step as the accept", async () => {
    const id = await handedInMilestone(world.owner.client, world.contractor.client);
    const accepted = bodyOf<DeliveryMilestone>(
      await accept(world.manager.client, id, {
        feedback: "Clear and on time.",
        ratings: goodRatings,
      }),
    );
    expect(accepted.status).toBe("accepted");
    const ratings = await app.ctx.db
      .selectFrom("ratings")
      .selectAll()
      .where("submission_id", "=", accepted.latestSubmission!.id)
      .execute();
    expect(ratings).toEqual([
      expect.objectContaining({
        workspace_id: world.workspaceId,
        contractor_id: await contractorIdOf(world.contractor.client),
        quality: 5,
        timeliness: 4,
        communication: 5,
        rated_by: world.manager.id,
      }),
    ]);
  });

  it("accepts without ratings for automation, writing none", async () => {
    const id = await handedInMilestone(world.owner.client, world.contractor.client);
    const before = await app.ctx.db.selectFrom("ratings").select("id").execute();
    bodyOf(await accept(world.owner.client, id, {}));
    expect(await app.ctx.db.selectFrom("ratings").select("id").execute()).toEqual(before);
  });

  it.each([
    ["quality", 0],
    ["timeliness", 6],
    ["communication", 2.5],
    ["quality", "5"],
  ] as const)("refuses %s rated %s, naming the field and writing nothing", async (side, value) => {
    const id = await handedInMilestone(world.owner.client, world.contractor.client);
    const before = await rows();
    const response = await accept(world.owner.client, id, {
      ratings: { ...goodRatings, [side]: value },
    });
    expectError(response, 400, "invalid_input", `ratings.${side}`);
    expect(await rows()).toEqual(before);
  });

  it("refuses ratings with a side missing, and sending back with ratings", async () => {
    const id = await handedInMilestone(world.owner.client, world.contractor.client);
    const before = await rows();
    expectError(
      await accept(world.owner.client, id, { ratings: { quality: 4, timeliness: 4 } }),
      400,
      "invalid_input",
      "ratings.communication",
    );
    expectError(
      await postMoney(world.owner.client, milestoneUrl(id, "send-back"), {
        feedback: sendBackFeedback,
        ratings: goodRatings,
      }),
      400,
      "invalid_input",
      "ratings",
    );
    expect(await rows()).toEqual(before);
  });
});

describe("deciding on a milestone with nothing handed in waiting", () => {
  // Every hand-in writes its submission, so only data from outside the API can lack one.
  async function withoutSubmission(): Promise<string> {
    const id = await handedInMilestone(world.owner.client, world.contractor.client);
    await app.ctx.db.deleteFrom("submissions").where("milestone_id", "=", id).execute();
    return id;
  }

  it("refuses an accept with ratings, keeping the milestone waiting and writing no rating", async () => {
    const id = await withoutSubmission();
    const before = await rows();
    expectError(
      await accept(world.owner.client, id, { feedback: "Good.", ratings: goodRatings }),
      409,
      "delivery.no_submission",
    );
    expect(await rows()).toEqual(before);
  });

  it("refuses a send-back too, since its feedback would have nowhere to go", async () => {
    const id = await withoutSubmission();
    const before = await rows();
    expectError(
      await postMoney(world.owner.client, milestoneUrl(id, "send-back"), {
        feedback: sendBackFeedback,
      }),
      409,
      "delivery.no_submission",
    );
    expect(await rows()).toEqual(before);
  });
});

describe("reviewing a checklist run", () => {
  let run: Run;
  const reviewsUrl = () => `${runUrl(run.id)}/reviews`;

  beforeAll(async () => {
    run = await handedInRun(world.owner.client, world.contractor);
  });

  it("waits for review once handed in; staff and its contractor see that", async () => {
    const expected = { runId: run.id, status: "submitted", awaitingReview: true, reviews: [] };
    expect(await read<RunReviews>(world.manager.client, reviewsUrl())).toEqual(expected);
    expect(await read<RunReviews>(world.contractor.client, reviewsUrl())).toEqual(expected);
  });

  it("refuses a send-back without real feedback, writing nothing", async () => {
    const before = await rows();
    expectError(
      await world.owner.client.post(`${runUrl(run.id)}/send-back`, { feedback: "no" }),
      400,
      "invalid_input",
      "feedback",
    );
    expect(await rows()).toEqual(before);
  });

  it("sends it back with feedback, which reopens it for the contractor to fix", async () => {
    const sentBack = bodyOf<RunReviews>(
      await world.manager.client.post(`${runUrl(run.id)}/send-back`, {
        feedback: sendBackFeedback,
      }),
    );
    expect(sentBack).toMatchObject({ status: "open", awaitingReview: false });
    expect(sentBack.reviews).toEqual([
      expect.objectContaining({
        decision: "sent_back",
        feedback: sendBackFeedback,
        ratings: null,
        submittedAt: run.submittedAt,
        decidedByName: "Priya",
      }),
    ]);
    // The contractor reads the same feedback and can work the checklist again.
    expect(await read<RunReviews>(world.contractor.client, reviewsUrl())).toEqual(sentBack);
    expect(
      (await check(world.contractor.client, run.id, 0, { note: "Sources added" })).status,
    ).toBe("open");
    expectError(
      await world.owner.client.post(`${runUrl(run.id)}/accept`, { ratings: goodRatings }),
      422,
      "run.not_submitted",
    );
  });

  it("accepts the hand-in that follows, with ratings, and closes the run", async () => {
    app.clock.advance(60_000);
    const again = bodyOf<Run>(await world.contractor.client.post(`${runUrl(run.id)}/submit`, {}));
    expect(again.status).toBe("submitted");
    const accepted = bodyOf<RunReviews>(
      await world.owner.client.post(`${runUrl(run.id)}/accept`, {
        feedback: "Much better.",
        ratings: { quality: 4, timeliness: 3, communication: 5 },
      }),
    );
    expect(accepted).toMatchObject({ status: "accepted", awaitingReview: false });
    expect(accepted.reviews.map((review) => [review.decision, review.submittedAt])).toEqual([
      ["accepted", again.submittedAt],
      ["sent_back", run.submittedAt],
    ]);
    expect(accepted.reviews[0]?.ratings).toEqual({ quality: 4, timeliness: 3, communication: 5 });
    expect((await read<Run>(world.contractor.client, runUrl(run.id))).status).toBe("accepted");
  });

  it("refuses a second decision and any more work on an accepted run", async () => {
    const before = await rows();
    expectError(
      await world.manager.client.post(`${runUrl(run.id)}/accept`, { ratings: goodRatings }),
      409,
      "run.already_accepted",
    );
    expectError(
      await world.owner.client.post(`${runUrl(run.id)}/send-back`, { feedback: sendBackFeedback }),
      409,
      "run.already_accepted",
    );
    expectError(
      await world.contractor.client.post(`${runUrl(run.id)}/steps/0/check`, {}),
      422,
      "run.submitted",
    );
    expect(await rows()).toEqual(before);
  });

  it("decides once when two reviewers accept at the same moment", async () => {
    const raced = await handedInRun(world.owner.client, world.contractor);
    const url = `${runUrl(raced.id)}/accept`;
    const answers = await Promise.all([
      world.owner.client.post(url, { ratings: goodRatings }),
      world.manager.client.post(url, { ratings: goodRatings }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const stored = await app.ctx.db
      .selectFrom("run_reviews")
      .select("id")
      .where("run_id", "=", raced.id)
      .execute();
    expect(stored).toHaveLength(1);
  });

  it("shows the run's feedback to its contractor in their portal feedback", async () => {
    const feedback = await read<OwnFeedback>(world.contractor.client, "/api/portal/feedback");
    const ofRun = feedback.items.filter((item) => item.deliveryId === run.id);
    expect(ofRun.map((item) => [item.kind, item.decision, item.feedback])).toEqual([
      ["run", "accepted", "Much better."],
      ["run", "sent_back", sendBackFeedback],
    ]);
    expect(ofRun[0]?.title).toBe(run.title);
  });

  it("counts run decisions in the contractor's performance, matched by their email", async () => {
    const marcoId = await contractorIdOf(world.contractor.client);
    const own = await read<OwnFeedback>(world.contractor.client, "/api/portal/feedback");
    const performance = await read<PerformanceView>(
      world.owner.client,
      `/api/contractors/${marcoId}/performance`,
    );
    expect(own.items.filter((item) => item.kind === "run").length).toBeGreaterThanOrEqual(3);
    expect(performance.numbers.sentBack.of).toBe(own.items.length);
    expect(performance.numbers.ratings).toEqual(own.averages);
  });
});

describe("performance, top performers and a contractor's own feedback", () => {
  let ravi: Person;
  let lena: Person;
  let raviId: string;
  let lenaId: string;

  /** Both report an hour before their next due time, then the clock moves past it. */
  async function bothReportOnTime(): Promise<void> {
    const cadence = await read<CadenceView>(
      await device(world.owner),
      `/api/contractors/${raviId}/cadence`,
    );
    const due = cadence.nextDue!.at;
    app.clock.advance(due - 3_600_000 - app.clock.now());
    for (const person of [ravi, lena]) {
      bodyOf(await (await device(person)).post("/api/reports", reportBody), 201);
    }
    app.clock.advance(due + 60_000 - app.clock.now());
  }

  async function handInWork(person: Person, milestoneId: string): Promise<void> {
    bodyOf(await postMoney(await device(person), milestoneUrl(milestoneId, "submit"), handIn));
  }

  async function acceptRated(milestoneId: string, ratings: object): Promise<void> {
    bodyOf(await accept(await device(world.owner), milestoneId, { feedback: "Thanks!", ratings }));
  }

  beforeAll(async () => {
    ravi = await invitePerson(app, world.owner.client, uniqueEmail("ravi"), "contractor", "Ravi");
    lena = await invitePerson(app, world.owner.client, uniqueEmail("lena"), "contractor", "Lena");
    raviId = await contractorIdOf(ravi.client);
    lenaId = await contractorIdOf(lena.client);
    const raviWork = await datedContract(app, world.owner.client, ravi.client, "Shop pages");
    const lenaWork = await datedContract(app, world.owner.client, lena.client, "Newsletter");
    const [r1, r2] = await milestonesOf(world.owner.client, raviWork.id);
    const [l1, l2] = await milestonesOf(world.owner.client, lenaWork.id);

    await bothReportOnTime();
    await handInWork(ravi, r1!.id);
    bodyOf(
      await postMoney(await device(world.manager), milestoneUrl(r1!.id, "send-back"), {
        feedback: sendBackFeedback,
      }),
    );
    await handInWork(lena, l1!.id);
    await acceptRated(l1!.id, { quality: 5, timeliness: 5, communication: 5 });
    await bothReportOnTime();
    await handInWork(ravi, r1!.id);
    await acceptRated(r1!.id, { quality: 5, timeliness: 4, communication: 5 });
    await handInWork(ravi, r2!.id);
    await acceptRated(r2!.id, { quality: 4, timeliness: 4, communication: 3 });
    await handInWork(lena, l2!.id);
    await acceptRated(l2!.id, { quality: 5, timeliness: 5, communication: 4 });
    await bothReportOnTime();
  });

  it("gives a contractor's on-time rate, send-back rate, average ratings and trend", async () => {
    const performance = await read<PerformanceView>(
      await device(world.manager),
      `/api/contractors/${raviId}/performance`,
    );
    expect(performance).toMatchObject({
      contractorId: raviId,
      contractorName: "Ravi",
      reporting: true,
      numbers: {
        reportsOnTime: { count: 3, of: 3, percent: 100 },
        milestonesOnTime: { count: 2, of: 2, percent: 100 },
        onTime: { count: 5, of: 5, percent: 100 },
        sentBack: { count: 1, of: 3, percent: 33 },
        accepted: 2,
        ratings: { quality: 4.5, timeliness: 4, communication: 4, overall: 4.2, rated: 2 },
      },
    });
    expect(performance.trend).toHaveLength(12);
    const latest = performance.trend.at(-1)!;
    expect(latest).toMatchObject({ onTimePercent: 100, averageRating: 4.2, reviewed: 3 });
    expect(latest.weekEnding).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(performance.trend.slice(0, -1).every((point) => point.reviewed === 0)).toBe(true);
  });

  it("ranks the reliable people with a suggested reward, leaving out anyone sent back", async () => {
    const top = await read<TopPerformers>(await device(world.owner), "/api/performance/top");
    expect(top.windowDays).toBe(60);
    expect(top.performers.map((performer) => performer.contractorName)).toEqual(["Lena"]);
    expect(top.performers[0]).toMatchObject({
      rank: 1,
      contractorId: lenaId,
      numbers: { accepted: 2, sentBack: { count: 0 }, ratings: { overall: 4.8, rated: 2 } },
      suggestion: { kind: "bonus" },
    });
    expect(top.performers[0]?.why).toContain("Reliable over the last 60 days");
  });

  it("shows a contractor their own feedback and averages, never anyone else's", async () => {
    const own = await read<OwnFeedback>(await device(ravi), "/api/portal/feedback");
    expect(own.averages).toEqual({
      quality: 4.5,
      timeliness: 4,
      communication: 4,
      overall: 4.2,
      rated: 2,
    });
    expect(own.sentBack).toEqual({ count: 1, of: 3, percent: 33 });
    expect(own.items.map((item) => [item.title, item.decision, item.feedback])).toEqual([
      ["Shop pages, part 2", "accepted", "Thanks!"],
      ["Shop pages, part 1", "accepted", "Thanks!"],
      ["Shop pages, part 1", "sent_back", sendBackFeedback],
    ]);
    const lenas = await read<OwnFeedback>(await device(lena), "/api/portal/feedback");
    expect(lenas.items.every((item) => item.title.startsWith("Newsletter"))).toBe(true);
    expect(lenas.averages.overall).toBe(4.8);
  });

  it("keeps performance from contractors and other workspaces", async () => {
    expectError(
      await (await device(ravi)).get(`/api/contractors/${lenaId}/performance`),
      403,
      "forbidden",
    );
    expectError(
      await (await device(world.stranger)).get(`/api/contractors/${raviId}/performance`),
      404,
      "not_found",
    );
  });
});
