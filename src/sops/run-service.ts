import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import { listPeople } from "../auth/team-service.ts";
import type { AppContext } from "../context.ts";
import { Invalid, NotFound, RuleViolation } from "../errors.ts";
import { mayHandOver, median, minutesPerStep, stuckReason, type ProcedureScore } from "./rules.ts";
import type { Run, RunSummary, Stuck } from "./schema.ts";
import { versionView } from "./service.ts";
import * as store from "./store.ts";
import { countOf } from "../words.ts";

/** Checklist runs: a contractor works one frozen version of a procedure, step by step. */

type RunWithName = store.RunRow & { contractor_name: string };

function stepCountOf(version: store.VersionRow): number {
  return (JSON.parse(version.steps) as unknown[]).length;
}

function summaryOf(
  run: RunWithName,
  version: store.VersionRow,
  steps: store.RunStepRow[],
  questions: store.QuestionRow[],
): RunSummary {
  return {
    id: run.id,
    sopId: run.sop_id,
    title: version.title,
    versionNumber: version.number ?? 0,
    contractorId: run.contractor_id,
    contractorName: run.contractor_name,
    dueDate: run.due_date,
    timeZone: run.time_zone,
    status: run.status,
    stepsDone: steps.length,
    stepCount: stepCountOf(version),
    openQuestions: questions.filter((question) => question.answer === null).length,
    startedAt: run.started_at,
    submittedAt: run.submitted_at,
  };
}

/** A contractor sees only their own runs; anyone else in the workspace needs sops.read. */
function mayRead(actor: Actor, run: store.RunRow): boolean {
  return actor.role === "contractor" ? run.contractor_id === actor.userId : true;
}

/** A run the actor may read: their own for a contractor; another workspace's is not found. */
export async function loadRun(ctx: AppContext, actor: Actor, runId: string): Promise<RunWithName> {
  authorize(actor, actor.role === "contractor" ? "runs.work" : "sops.read");
  const run = await store.findRun(ctx.db, actor.workspaceId, runId);
  if (!run || !mayRead(actor, run)) throw new NotFound("not_found", "Checklist not found");
  return run;
}

async function runView(ctx: AppContext, actor: Actor, run: RunWithName): Promise<Run> {
  const [version, steps, questions] = await Promise.all([
    store.findVersionById(ctx.db, actor.workspaceId, run.version_id),
    store.listRunSteps(ctx.db, actor.workspaceId, [run.id]),
    store.listQuestions(ctx.db, actor.workspaceId, [run.id]),
  ]);
  const minutes = minutesPerStep(
    run.started_at,
    steps.map((step) => ({ stepIndex: step.step_index, checkedAt: step.checked_at })),
  );
  const ticked = new Map(steps.map((step) => [step.step_index, step]));
  return {
    ...summaryOf(run, version, steps, questions),
    version: versionView(version),
    steps: Array.from({ length: stepCountOf(version) }, (_, index) => {
      const step = ticked.get(index);
      return {
        index,
        checkedAt: step?.checked_at ?? null,
        note: step?.note ?? "",
        link: step?.link ?? "",
        minutes: minutes.get(index) ?? null,
      };
    }),
    questions: questions.map((question) => ({
      id: question.id,
      stepIndex: question.step_index,
      question: question.question,
      askedAt: question.asked_at,
      answer: question.answer,
      answeredAt: question.answered_at,
    })),
  };
}

export async function getRun(ctx: AppContext, actor: Actor, runId: string): Promise<Run> {
  return runView(ctx, actor, await loadRun(ctx, actor, runId));
}

export async function listRuns(
  ctx: AppContext,
  actor: Actor,
  filter: { sopId?: string },
): Promise<RunSummary[]> {
  const contractor = actor.role === "contractor";
  authorize(actor, contractor ? "runs.work" : "sops.read");
  const runs = await store.listRuns(ctx.db, actor.workspaceId, {
    ...filter,
    ...(contractor && { contractorId: actor.userId }),
  });
  const ids = runs.map((run) => run.id);
  const [steps, questions, versions] = await Promise.all([
    store.listRunSteps(ctx.db, actor.workspaceId, ids),
    store.listQuestions(ctx.db, actor.workspaceId, ids),
    store.listVersions(ctx.db, actor.workspaceId, [...new Set(runs.map((run) => run.sop_id))]),
  ]);
  const versionById = new Map(versions.map((version) => [version.id, version]));
  return runs.flatMap((run) => {
    const version = versionById.get(run.version_id);
    if (!version) return [];
    return [
      summaryOf(
        run,
        version,
        steps.filter((step) => step.run_id === run.id),
        questions.filter((question) => question.run_id === run.id),
      ),
    ];
  });
}

/** Starts a run of a shared, hand-over-able version for one contractor, due in their time zone. */
export async function startRun(
  ctx: AppContext,
  actor: Actor,
  input: { sopId: string; versionNumber: number; contractorId: string; dueDate: string },
): Promise<Run> {
  authorize(actor, "sops.manage");
  const version = await store.findVersion(
    ctx.db,
    actor.workspaceId,
    input.sopId,
    input.versionNumber,
  );
  if (!version || version.published_at === null) {
    throw new NotFound("not_found", "Version not found");
  }
  if (!mayHandOver(JSON.parse(version.score) as ProcedureScore, version.override_reason)) {
    throw new RuleViolation(
      "sop.hard_to_follow",
      "This version is hard to follow; fix it or override the gate first",
    );
  }
  const contractor = (await listPeople(ctx, actor)).find(
    (person) => person.id === input.contractorId && person.role === "contractor" && person.active,
  );
  if (!contractor) {
    throw new Invalid("invalid_input", "Choose an active contractor", {
      contractorId: "Choose an active contractor",
    });
  }
  const shared = await store.sharesWith(ctx.db, actor.workspaceId, contractor.id);
  if (!shared.some((row) => row.id === version.id)) {
    throw new RuleViolation(
      "sop.not_shared",
      `Share version ${input.versionNumber} with ${contractor.name} before starting a checklist`,
    );
  }
  const id = uuidv7();
  await store.insertRun(ctx.db, {
    id,
    workspace_id: actor.workspaceId,
    sop_id: input.sopId,
    version_id: version.id,
    contractor_id: contractor.id,
    due_date: input.dueDate,
    time_zone: contractor.timeZone,
    status: "open",
    started_at: ctx.now(),
    submitted_at: null,
    created_by: actor.userId,
  });
  return getRun(ctx, actor, id);
}

/** The contractor's own open run, and a step that exists in its version. */
async function workableRun(ctx: AppContext, actor: Actor, runId: string, stepIndex?: number) {
  authorize(actor, "runs.work");
  const run = await loadRun(ctx, actor, runId);
  if (run.status !== "open")
    throw new RuleViolation("run.submitted", "This checklist was already handed in");
  if (stepIndex !== undefined) {
    const version = await store.findVersionById(ctx.db, actor.workspaceId, run.version_id);
    if (stepIndex >= stepCountOf(version)) throw new NotFound("not_found", "No such step");
  }
  return run;
}

export async function checkStep(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  stepIndex: number,
  input: { note: string; link: string },
): Promise<Run> {
  const run = await workableRun(ctx, actor, runId, stepIndex);
  await store.checkStep(ctx.db, {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    run_id: run.id,
    step_index: stepIndex,
    checked_at: ctx.now(),
    note: input.note,
    link: input.link,
  });
  return runView(ctx, actor, run);
}

export async function uncheckStep(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  stepIndex: number,
): Promise<Run> {
  const run = await workableRun(ctx, actor, runId, stepIndex);
  await store.uncheckStep(ctx.db, actor.workspaceId, run.id, stepIndex);
  return runView(ctx, actor, run);
}

export async function askQuestion(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  stepIndex: number,
  question: string,
): Promise<Run> {
  const run = await workableRun(ctx, actor, runId, stepIndex);
  await store.insertQuestion(ctx.db, {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    run_id: run.id,
    step_index: stepIndex,
    question,
    asked_at: ctx.now(),
    answer: null,
    answered_at: null,
    answered_by: null,
  });
  return runView(ctx, actor, run);
}

export async function answerQuestion(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  questionId: string,
  answer: string,
): Promise<Run> {
  authorize(actor, "sops.manage");
  const run = await loadRun(ctx, actor, runId);
  const questions = await store.listQuestions(ctx.db, actor.workspaceId, [run.id]);
  if (!questions.some((question) => question.id === questionId)) {
    throw new NotFound("not_found", "Question not found");
  }
  await store.answerQuestion(ctx.db, actor.workspaceId, questionId, {
    answer,
    answered_at: ctx.now(),
    answered_by: actor.userId,
  });
  return runView(ctx, actor, run);
}

export async function submitRun(ctx: AppContext, actor: Actor, runId: string): Promise<Run> {
  const run = await workableRun(ctx, actor, runId);
  const [version, steps] = await Promise.all([
    store.findVersionById(ctx.db, actor.workspaceId, run.version_id),
    store.listRunSteps(ctx.db, actor.workspaceId, [run.id]),
  ]);
  const missing = stepCountOf(version) - steps.length;
  if (missing > 0) {
    throw new RuleViolation(
      "run.incomplete",
      `Tick every step first: ${countOf(missing, "step is", "steps are")} not done`,
    );
  }
  const now = ctx.now();
  await store.updateRun(ctx.db, actor.workspaceId, run.id, {
    status: "submitted",
    submitted_at: now,
  });
  return runView(ctx, actor, { ...run, status: "submitted", submitted_at: now });
}

/** Where people get stuck, per version and step, across every run of the procedure. */
export async function stuckSteps(ctx: AppContext, actor: Actor, sopId: string): Promise<Stuck> {
  authorize(actor, "sops.read");
  if (!(await store.findSop(ctx.db, actor.workspaceId, sopId)))
    throw new NotFound("not_found", "Procedure not found");
  const runs = await store.listRuns(ctx.db, actor.workspaceId, { sopId });
  const ids = runs.map((run) => run.id);
  const [versions, steps, questions] = await Promise.all([
    store.listVersions(ctx.db, actor.workspaceId, [sopId]),
    store.listRunSteps(ctx.db, actor.workspaceId, ids),
    store.listQuestions(ctx.db, actor.workspaceId, ids),
  ]);
  const result: Stuck = [];
  for (const version of versions) {
    const versionRuns = runs.filter((run) => run.version_id === version.id);
    if (versionRuns.length === 0) continue;
    const minutesByStep = new Map<number, number[]>();
    for (const run of versionRuns) {
      const perStep = minutesPerStep(
        run.started_at,
        steps
          .filter((step) => step.run_id === run.id)
          .map((step) => ({ stepIndex: step.step_index, checkedAt: step.checked_at })),
      );
      for (const [index, minutes] of perStep) {
        minutesByStep.set(index, [...(minutesByStep.get(index) ?? []), minutes]);
      }
    }
    const typical = median([...minutesByStep.values()].flat());
    const instructions = (JSON.parse(version.steps) as { instruction: string }[]).map(
      (s) => s.instruction,
    );
    for (const [index, instruction] of instructions.entries()) {
      const asked = questions.filter(
        (question) =>
          question.step_index === index && versionRuns.some((run) => run.id === question.run_id),
      ).length;
      const medianMinutes = median(minutesByStep.get(index) ?? []);
      const why = stuckReason({
        runs: versionRuns.length,
        questions: asked,
        medianMinutes,
        typicalMinutes: typical,
      });
      result.push({
        versionNumber: version.number ?? 0,
        stepIndex: index,
        instruction,
        runs: versionRuns.length,
        questions: asked,
        medianMinutes,
        stuck: why !== null,
        why,
      });
    }
  }
  return result;
}
