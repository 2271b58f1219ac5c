import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import type { BenchSkill } from "../guardrails/rules.ts";
import { channelAnalytics, personSpend, type PersonPayment } from "./analytics-rules.ts";
import * as store from "./analytics-store.ts";
import { listScores } from "./hiring-store.ts";
import type { ChannelAnalytics } from "./schema.ts";
import { getSettings } from "./service.ts";

/** What the bench-strength guardrail needs from the people area. */
export interface BenchFacts {
  minLevel: number;
  skills: BenchSkill[];
  /** Open openings for a skill area, oldest first. */
  openOpenings: { id: string; areaId: string }[];
}

export async function benchFacts(ctx: AppContext, actor: Actor): Promise<BenchFacts> {
  authorize(actor, "contractors.read");
  const [settings, skills, openings] = await Promise.all([
    getSettings(ctx, actor),
    store.listSkills(ctx.db, actor.workspaceId),
    store.listOpenOpenings(ctx.db, actor.workspaceId),
  ]);
  return {
    minLevel: settings.minSkillLevel,
    skills: skills.map((row) => ({
      contractorId: row.contractor_id,
      name: row.name,
      status: row.status,
      areaId: row.area_id,
      level: row.level,
      verified: row.verified === 1,
    })),
    openOpenings: openings.flatMap((row) =>
      row.area_id ? [{ id: row.id, areaId: row.area_id }] : [],
    ),
  };
}

/**
 * Every payment made to people in the workspace currency, or null while none was made. The
 * payments ledger provides it where the routes are composed, so people does not reach up.
 */
export type PaymentsToPeople = (ctx: AppContext, actor: Actor) => Promise<PersonPayment[] | null>;

/** The first time each person was hired, for telling test projects from paid work. */
function firstHires(rows: readonly { contractor_id: string; hired_at: number | null }[]) {
  const hiredAt = new Map<string, number>();
  for (const row of rows) {
    if (row.hired_at === null) continue;
    const at = Number(row.hired_at);
    hiredAt.set(row.contractor_id, Math.min(at, hiredAt.get(row.contractor_id) ?? at));
  }
  return hiredAt;
}

/** Per channel: candidates, hires, hire rate, scores, and the figures later areas fill in. */
export async function getChannelAnalytics(
  ctx: AppContext,
  actor: Actor,
  paymentsToPeople?: PaymentsToPeople,
): Promise<ChannelAnalytics> {
  authorize(actor, "hiring.read");
  // The settings come first: reading them the first time makes the default channels.
  const settings = await getSettings(ctx, actor);
  const [channels, candidacies, scores, payments] = await Promise.all([
    store.listChannels(ctx.db, actor.workspaceId),
    store.listCandidacies(ctx.db, actor.workspaceId),
    listScores(ctx.db, actor.workspaceId),
    paymentsToPeople ? paymentsToPeople(ctx, actor) : null,
  ]);
  const analytics = channelAnalytics({
    channels: channels.map((row) => ({
      id: row.id,
      name: row.name,
      feeBasisPoints: row.fee_basis_points,
      archived: row.archived_at !== null,
    })),
    candidacies: candidacies.map((row) => ({
      contractorId: row.contractor_id,
      channelId: row.channel_id,
      hired: row.stage === "hired",
      scores: scores.filter((score) => score.candidacy_id === row.id),
    })),
    ...(payments && { spend: personSpend(payments, firstHires(candidacies)) }),
  });
  return { currency: settings.workspaceCurrency, ...analytics };
}
