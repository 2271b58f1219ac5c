import type { Contract } from "../../src/contracts/schema.ts";
import type { Run } from "../../src/sops/schema.ts";
import type { RatingsInput } from "../../src/work/performance-schema.ts";
import { dateOf } from "../../src/time/calendar.ts";
import { addDays } from "../../src/time/working-day.ts";
import type { TestApp } from "./app.ts";
import type { ApiClient } from "./client.ts";
import { activeContract } from "./contracts.ts";
import { handIn, milestoneUrl, postMoney, runningContract } from "./ledger.ts";
import { checkAll, runFor, runUrl } from "./sops.ts";
import { bodyOf, dollars } from "./worth.ts";

/**
 * Reviews for tests: deliveries handed in and waiting for a decision (a milestone, a
 * checklist run), ratings, and the review rows as stored so a refusal can be shown to have
 * written nothing.
 */

export const goodRatings: RatingsInput = { quality: 5, timeliness: 4, communication: 5 };

export const sendBackFeedback =
  "What worked: the structure. What to change: cite the sources. By when: Friday.";

/** A milestone of a fresh contract, handed in by the contractor; its id. */
export async function handedInMilestone(owner: ApiClient, contractor: ApiClient): Promise<string> {
  const { milestones } = await runningContract(owner, contractor);
  const id = milestones[0]!.id;
  bodyOf(await postMoney(contractor, milestoneUrl(id, "submit"), handIn));
  return id;
}

/** A checklist run of a fresh procedure, every step ticked and handed in. */
export async function handedInRun(
  owner: ApiClient,
  contractor: { id: string; client: ApiClient },
): Promise<Run> {
  const run = await runFor(owner, contractor.id);
  await checkAll(contractor.client, run);
  return bodyOf<Run>(await contractor.client.post(`${runUrl(run.id)}/submit`, {}));
}

/**
 * An active $900 contract in three $300 milestones due one, two and three weeks from the
 * app's today (in Kyiv, where invited people work), so the milestones are not late yet.
 */
export async function datedContract(
  app: TestApp,
  owner: ApiClient,
  contractor: ApiClient,
  title: string,
): Promise<Contract> {
  const today = dateOf(app.clock.now(), "Europe/Kyiv");
  const milestone = (n: number) => ({
    title: `${title}, part ${n}`,
    deliverable: `Part ${n}`,
    dueDate: addDays(today, 7 * n),
    amount: dollars(300),
  });
  return activeContract(owner, contractor, {
    title,
    startDate: today,
    endDate: addDays(today, 30),
    payment: {
      kind: "fixed",
      total: dollars(900),
      milestones: [milestone(1), milestone(2), milestone(3)],
    },
  });
}

/** Every review row of a workspace, as stored: decisions, ratings and where runs stand. */
export async function reviewRowsOf(app: TestApp, workspaceId: string): Promise<unknown> {
  const db = app.ctx.db;
  const [ratings, runReviews, submissions, runs, milestones] = await Promise.all([
    db
      .selectFrom("ratings")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("run_reviews")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("submissions")
      .select(["id", "decision", "feedback", "decided_at"])
      .where("workspace_id", "=", workspaceId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("checklist_runs")
      .select(["id", "status", "submitted_at"])
      .where("workspace_id", "=", workspaceId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("milestones")
      .select(["id", "status"])
      .where("workspace_id", "=", workspaceId)
      .orderBy("id")
      .execute(),
  ]);
  return { ratings, runReviews, submissions, runs, milestones };
}
