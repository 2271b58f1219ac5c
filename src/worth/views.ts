import { fromHundredths } from "../time/hours.ts";
import type { Judgement } from "./rules.ts";
import type { Area, AuditTask, BarterSkill } from "./schema.ts";
import type { AuditTaskRow, BarterSkillRow, TaskAreaRow } from "./store.ts";

export function areaView(row: TaskAreaRow & { task_count?: number | string }): Area {
  return {
    id: row.id,
    name: row.name,
    defaultRate: row.default_rate,
    taskCount: Number(row.task_count ?? 0),
  };
}

export function barterSkillView(row: BarterSkillRow): BarterSkill {
  return { id: row.id, name: row.name };
}

export function auditTaskView(
  row: AuditTaskRow & { area_name: string; area_rate: number | null },
  judgement: Judgement,
): AuditTask {
  const effectiveRate = row.market_rate ?? row.area_rate;
  return {
    id: row.id,
    name: row.name,
    areaId: row.area_id,
    areaName: row.area_name,
    hoursPerWeek: fromHundredths(row.hours_per_week_hundredths),
    skill: row.skill,
    enjoyment: row.enjoyment,
    strategic: row.strategic === 1,
    needed: row.needed === 1,
    marketRate: row.market_rate,
    effectiveRate,
    rateIsEstimate: row.market_rate === null && row.area_rate !== null,
    recommendation: judgement.recommendation,
    reason: judgement.reason,
    weeklyCost: judgement.weeklyCost,
  };
}
