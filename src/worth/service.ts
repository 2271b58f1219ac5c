import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import { getWorkspace } from "../auth/team-service.ts";
import type { AppContext } from "../context.ts";
import { Conflict, NotFound } from "../errors.ts";
import { fromHundredths, toHundredths } from "../time/hours.ts";
import { tasksFromCsv, tasksToCsv } from "./csv.ts";
import { defaultAreas, estimatedRate } from "./rate-card.ts";
import {
  auditTotals,
  hourlyValue,
  recommendDelegation,
  type AuditedTask,
  type EarningsBasis,
} from "./rules.ts";
import type {
  Area,
  Audit,
  AuditTask,
  BarterSkill,
  EarningsInput,
  TaskInput,
  Worth,
} from "./schema.ts";
import * as store from "./store.ts";
import { areaView, auditTaskView, barterSkillView } from "./views.ts";
import { countOf } from "../words.ts";
import { isForeignKeyViolation } from "../db/errors.ts";

type Db = AppContext["db"];

async function currencyOf(ctx: AppContext, actor: Actor): Promise<string> {
  return (await getWorkspace(ctx, actor)).currency;
}

function basisOf(profile: store.WorthProfileRow): EarningsBasis {
  return profile.basis === "hours"
    ? { basis: "hours", hoursPerYear: profile.hours_per_year }
    : {
        basis: "days",
        daysPerYear: profile.days_per_year,
        hoursPerDayHundredths: profile.hours_per_day_hundredths,
      };
}

export async function getWorth(ctx: AppContext, actor: Actor): Promise<Worth> {
  authorize(actor, "worth.read");
  const currency = await currencyOf(ctx, actor);
  const profile = await store.findProfile(ctx.db, actor.workspaceId);
  if (!profile) return { currency, earnings: null, hourlyValue: null, targetHourlyValue: null };
  const basis = basisOf(profile);
  return {
    currency,
    earnings: {
      basis: profile.basis,
      profitPerYear: profile.profit_per_year,
      targetProfitPerYear: profile.target_profit_per_year,
      hoursPerYear: profile.hours_per_year,
      daysPerYear: profile.days_per_year,
      hoursPerDay: fromHundredths(profile.hours_per_day_hundredths),
    },
    hourlyValue: hourlyValue(profile.profit_per_year, basis, currency),
    targetHourlyValue:
      profile.target_profit_per_year === null
        ? null
        : hourlyValue(profile.target_profit_per_year, basis, currency),
  };
}

export async function saveEarnings(
  ctx: AppContext,
  actor: Actor,
  input: EarningsInput,
): Promise<Worth> {
  authorize(actor, "worth.manage");
  await store.saveProfile(ctx.db, {
    workspace_id: actor.workspaceId,
    profit_per_year: input.profitPerYear,
    target_profit_per_year: input.targetProfitPerYear,
    basis: input.basis,
    hours_per_year: input.basis === "hours" ? input.hoursPerYear : 2080,
    days_per_year: input.basis === "days" ? input.daysPerYear : 260,
    hours_per_day_hundredths: input.basis === "days" ? toHundredths(input.hoursPerDay) : 800,
    updated_at: ctx.now(),
  });
  return getWorth(ctx, actor);
}

/** A workspace's task areas, made from the default list and rate card the first time. */
async function ensureAreas(ctx: AppContext, db: Db, actor: Actor, currency: string) {
  const existing = await store.listAreas(db, actor.workspaceId);
  if (existing.length > 0) return existing;
  const now = ctx.now();
  await store.insertMissingAreas(
    db,
    defaultAreas.map((name, position) => ({
      id: uuidv7(),
      workspace_id: actor.workspaceId,
      name,
      default_rate: estimatedRate(currency, name),
      position,
      created_at: now,
    })),
  );
  return store.listAreas(db, actor.workspaceId);
}

export async function listAreas(ctx: AppContext, actor: Actor): Promise<Area[]> {
  authorize(actor, "worth.read");
  const currency = await currencyOf(ctx, actor);
  const rows = await ctx.db.transaction().execute((trx) => ensureAreas(ctx, trx, actor, currency));
  return rows.map(areaView);
}

/**
 * Area id → name, for areas that show a task area beside its id (people's skills). Owners and
 * managers get the default areas on first use, as from listAreas; a contractor only reads the
 * names, because the portal shows them their own skills. It opens no transaction of its own,
 * so it also runs inside the caller's.
 */
export async function areaNames(ctx: AppContext, actor: Actor): Promise<Map<string, string>> {
  let rows: { id: string; name: string }[];
  if (actor.role === "contractor") {
    authorize(actor, "portal.use");
    rows = await store.listAreas(ctx.db, actor.workspaceId);
  } else {
    authorize(actor, "worth.read");
    rows = await ensureAreas(ctx, ctx.db, actor, await currencyOf(ctx, actor));
  }
  return new Map(rows.map((row) => [row.id, row.name]));
}

const areaTaken = () =>
  new Conflict("worth.area_exists", "An area with this name already exists", {
    name: "An area with this name already exists",
  });

export async function createArea(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; defaultRate: number | null },
): Promise<Area> {
  authorize(actor, "worth.manage");
  const currency = await currencyOf(ctx, actor);
  const id = uuidv7();
  await ctx.db.transaction().execute(async (trx) => {
    await ensureAreas(ctx, trx, actor, currency);
    if (await store.findAreaByName(trx, actor.workspaceId, input.name)) throw areaTaken();
    await store.insertAreas(trx, [
      {
        id,
        workspace_id: actor.workspaceId,
        name: input.name,
        default_rate: input.defaultRate,
        position: await store.nextAreaPosition(trx, actor.workspaceId),
        created_at: ctx.now(),
      },
    ]);
  });
  return findAreaView(ctx, actor, id);
}

async function findAreaView(ctx: AppContext, actor: Actor, areaId: string): Promise<Area> {
  const area = (await store.listAreas(ctx.db, actor.workspaceId)).find((row) => row.id === areaId);
  if (!area) throw new NotFound("not_found", "Area not found");
  return areaView(area);
}

export async function updateArea(
  ctx: AppContext,
  actor: Actor,
  areaId: string,
  input: { name: string; defaultRate: number | null },
): Promise<Area> {
  authorize(actor, "worth.manage");
  await ctx.db.transaction().execute(async (trx) => {
    const area = await store.findArea(trx, actor.workspaceId, areaId);
    if (!area) throw new NotFound("not_found", "Area not found");
    const sameName = await store.findAreaByName(trx, actor.workspaceId, input.name);
    if (sameName && sameName.id !== areaId) throw areaTaken();
    await store.updateArea(trx, actor.workspaceId, areaId, {
      name: input.name,
      default_rate: input.defaultRate,
    });
  });
  return findAreaView(ctx, actor, areaId);
}

export async function deleteArea(ctx: AppContext, actor: Actor, areaId: string): Promise<void> {
  authorize(actor, "worth.manage");
  const area = await findAreaView(ctx, actor, areaId);
  if (area.taskCount > 0) {
    throw new Conflict(
      "worth.area_in_use",
      `${countOf(area.taskCount, "task uses", "tasks use")} this area; move them to another area first`,
    );
  }
  try {
    await store.deleteArea(ctx.db, actor.workspaceId, areaId);
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
    throw new Conflict(
      "worth.area_in_use",
      "People's skills, openings or procedures still use this area; change them first",
    );
  }
}

export async function listBarterSkills(ctx: AppContext, actor: Actor): Promise<BarterSkill[]> {
  authorize(actor, "worth.read");
  return (await store.listBarterSkills(ctx.db, actor.workspaceId)).map(barterSkillView);
}

export async function addBarterSkill(
  ctx: AppContext,
  actor: Actor,
  name: string,
): Promise<BarterSkill> {
  authorize(actor, "worth.manage");
  const existing = await store.listBarterSkills(ctx.db, actor.workspaceId);
  if (existing.some((skill) => skill.name.toLowerCase() === name.toLowerCase())) {
    throw new Conflict("worth.skill_exists", "You already listed this skill", {
      name: "You already listed this skill",
    });
  }
  const row = { id: uuidv7(), workspace_id: actor.workspaceId, name, created_at: ctx.now() };
  await store.insertBarterSkill(ctx.db, row);
  return barterSkillView(row);
}

export async function removeBarterSkill(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  authorize(actor, "worth.manage");
  if ((await store.deleteBarterSkill(ctx.db, actor.workspaceId, id)) === 0) {
    throw new NotFound("not_found", "Skill not found");
  }
}

function auditedTask(row: store.AuditTaskRow & { area_rate: number | null }): AuditedTask {
  return {
    hoursPerWeekHundredths: row.hours_per_week_hundredths,
    skill: row.skill,
    enjoyment: row.enjoyment,
    strategic: row.strategic === 1,
    needed: row.needed === 1,
    marketRate: row.market_rate ?? row.area_rate,
  };
}

/** Every task with its recommendation and reason, and the totals the owner acts on. */
export async function getAudit(ctx: AppContext, actor: Actor): Promise<Audit> {
  authorize(actor, "worth.read");
  const [worth, rows, skills] = await Promise.all([
    getWorth(ctx, actor),
    store.listTasks(ctx.db, actor.workspaceId),
    store.listBarterSkills(ctx.db, actor.workspaceId),
  ]);
  const rate = worth.hourlyValue?.perHour ?? null;
  const barterSkill = skills.length > 0 ? skills.map((skill) => skill.name).join(" or ") : null;
  const judged = rows.map((row) => {
    const task = auditedTask(row);
    const judgement = recommendDelegation(task, rate, { currency: worth.currency, barterSkill });
    return { row, task, judgement };
  });
  const totals = auditTotals(judged);
  return {
    currency: worth.currency,
    hourlyValue: rate,
    tasks: judged.map(({ row, judgement }) => auditTaskView(row, judgement)),
    totals: {
      freeableHoursPerWeek: fromHundredths(totals.freeableHoursPerWeekHundredths),
      monthlyDelegationCost: totals.monthlyDelegationCost,
      weeklyCostOfLowValueWork: totals.weeklyCostOfLowValueWork,
    },
  };
}

async function requireArea(db: Db, actor: Actor, areaId: string): Promise<void> {
  if (!(await store.findArea(db, actor.workspaceId, areaId))) {
    throw new NotFound("worth.area_unknown", "That area does not exist", {
      areaId: "Choose one of your areas",
    });
  }
}

function taskRow(actor: Actor, input: TaskInput, now: number): store.AuditTaskRow {
  return {
    id: uuidv7(),
    workspace_id: actor.workspaceId,
    name: input.name,
    area_id: input.areaId,
    hours_per_week_hundredths: toHundredths(input.hoursPerWeek),
    skill: input.skill,
    enjoyment: input.enjoyment,
    strategic: input.strategic ? 1 : 0,
    needed: input.needed ? 1 : 0,
    market_rate: input.marketRate,
    created_at: now,
    updated_at: now,
  };
}

async function findTaskView(ctx: AppContext, actor: Actor, taskId: string): Promise<AuditTask> {
  const task = (await getAudit(ctx, actor)).tasks.find((row) => row.id === taskId);
  if (!task) throw new NotFound("not_found", "Task not found");
  return task;
}

export async function createTask(
  ctx: AppContext,
  actor: Actor,
  input: TaskInput,
): Promise<AuditTask> {
  authorize(actor, "worth.manage");
  const row = taskRow(actor, input, ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    await requireArea(trx, actor, input.areaId);
    await store.insertTasks(trx, [row]);
  });
  return findTaskView(ctx, actor, row.id);
}

export async function updateTask(
  ctx: AppContext,
  actor: Actor,
  taskId: string,
  input: Partial<TaskInput>,
): Promise<AuditTask> {
  authorize(actor, "worth.manage");
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await store.findTask(trx, actor.workspaceId, taskId))) {
      throw new NotFound("not_found", "Task not found");
    }
    if (input.areaId !== undefined) await requireArea(trx, actor, input.areaId);
    await store.updateTask(trx, actor.workspaceId, taskId, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.areaId !== undefined && { area_id: input.areaId }),
      ...(input.hoursPerWeek !== undefined && {
        hours_per_week_hundredths: toHundredths(input.hoursPerWeek),
      }),
      ...(input.skill !== undefined && { skill: input.skill }),
      ...(input.enjoyment !== undefined && { enjoyment: input.enjoyment }),
      ...(input.strategic !== undefined && { strategic: input.strategic ? 1 : 0 }),
      ...(input.needed !== undefined && { needed: input.needed ? 1 : 0 }),
      ...(input.marketRate !== undefined && { market_rate: input.marketRate }),
      updated_at: ctx.now(),
    });
  });
  return findTaskView(ctx, actor, taskId);
}

export async function deleteTask(ctx: AppContext, actor: Actor, taskId: string): Promise<void> {
  authorize(actor, "worth.manage");
  if ((await store.deleteTask(ctx.db, actor.workspaceId, taskId)) === 0) {
    throw new NotFound("not_found", "Task not found");
  }
}

export async function exportTasksCsv(ctx: AppContext, actor: Actor): Promise<string> {
  const audit = await getAudit(ctx, actor);
  return tasksToCsv(audit.tasks, audit.currency);
}

/** Imports a task list, all or nothing; areas named that don't exist yet are created. */
export async function importTasksCsv(ctx: AppContext, actor: Actor, text: string): Promise<number> {
  authorize(actor, "worth.manage");
  const currency = await currencyOf(ctx, actor);
  const tasks = tasksFromCsv(text, currency);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const areas = await ensureAreas(ctx, trx, actor, currency);
    const byName = new Map(areas.map((area) => [area.name.toLowerCase(), area.id]));
    let position = await store.nextAreaPosition(trx, actor.workspaceId);
    const rows: store.AuditTaskRow[] = [];
    for (const task of tasks) {
      let areaId = byName.get(task.areaName.toLowerCase());
      if (!areaId) {
        areaId = uuidv7();
        await store.insertAreas(trx, [
          {
            id: areaId,
            workspace_id: actor.workspaceId,
            name: task.areaName,
            default_rate: null,
            position: position++,
            created_at: now,
          },
        ]);
        byName.set(task.areaName.toLowerCase(), areaId);
      }
      rows.push(taskRow(actor, { ...task, areaId }, now));
    }
    await store.insertTasks(trx, rows);
  });
  return tasks.length;
}
