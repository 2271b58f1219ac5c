import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { openContractWeights } from "../contracts/service.ts";
import { benchFacts, type BenchFacts } from "../people/analytics-service.ts";
import type { Bench, Contractor } from "../people/schema.ts";
import { listContractors } from "../people/service.ts";
import { listSops } from "../sops/service.ts";
import { judgeAll, type Judged } from "../work/cadence-service.ts";
import {
  performanceOf,
  slipsInWindow,
  type ReplacementCandidate,
  type Slips,
} from "../work/performance-rules.ts";
import { reliabilityOf } from "../work/performance-service.ts";
import * as workStore from "../work/store.ts";
import { getWorkSettings } from "../work/settings-service.ts";
import { getAudit, listAreas } from "../worth/service.ts";
import { concentration, concentrationWarnings } from "./concentration-rules.ts";
import { reliablePeople } from "./loyalty-rules.ts";
import { areaNeeds, benchStrength, benchWarnings, REQUIRED_PEOPLE } from "./rules.ts";
import type { GuardrailWarning, Guardrails, Loyalty, Slipping } from "./schema.ts";
import { slipping, slipWarnings, workAreas } from "./slip-rules.ts";

/** The bench with what it was worked out from, which the other guardrails read too. */
async function benchWithFacts(ctx: AppContext, actor: Actor) {
  authorize(actor, "contractors.read");
  const [areas, audit, sops, facts] = await Promise.all([
    listAreas(ctx, actor),
    getAudit(ctx, actor),
    listSops(ctx, actor),
    benchFacts(ctx, actor),
  ]);
  const benches = benchStrength({
    areas,
    skills: facts.skills,
    needs: areaNeeds(areas, audit.tasks, sops),
    minLevel: facts.minLevel,
  });
  const bench: Bench = {
    minLevel: facts.minLevel,
    required: REQUIRED_PEOPLE,
    areas: benches.map((area) => ({
      ...area,
      openingId: facts.openOpenings.find((opening) => opening.areaId === area.areaId)?.id ?? null,
    })),
  };
  return { bench, areas, facts };
}

/** How many people can do each skill area's work, with a warning where there are fewer than two. */
export async function getBench(ctx: AppContext, actor: Actor): Promise<Bench> {
  return (await benchWithFacts(ctx, actor)).bench;
}

/** The reliable people over the loyalty window, from contractors already judged. */
function loyaltyOf(judged: readonly Judged[], now: number, windowDays: number): Loyalty {
  return { windowDays, reliable: reliablePeople(reliabilityOf(judged, now, windowDays)) };
}

/**
 * Every guardrail from the contractors judged (passed in, or still being judged, since
 * walking every history is the costly part and a caller may need it too).
 */
async function guardrailsOf(
  ctx: AppContext,
  actor: Actor,
  judging: readonly Judged[] | Promise<readonly Judged[]>,
): Promise<Guardrails> {
  authorize(actor, "work.read");
  const now = ctx.now();
  const [{ bench, areas, facts }, settings, weights, judged] = await Promise.all([
    benchWithFacts(ctx, actor),
    getWorkSettings(ctx, actor),
    openContractWeights(ctx, actor),
    judging,
  ]);
  const areaNames = new Map(areas.map((area) => [area.id, area.name]));
  const held = concentration({
    ...weights,
    contractorNames: await workStore.contractorNames(ctx.db, actor.workspaceId, [
      ...new Set(weights.open.map((item) => item.contractorId)),
    ]),
    areaNames,
  });

  const slipSettings = { slipsToFlag: settings.slipLimit, windowDays: settings.slipWindowDays };
  const slipped = judged.flatMap(({ contractor, record }) => {
    const slips = record ? slipsInWindow(record, now, slipSettings) : null;
    return slips?.flagged ? [{ contractor, slips }] : [];
  });
  const flagged =
    slipped.length === 0
      ? []
      : await withReplacements(ctx, actor, {
          slipped,
          judged,
          minLevel: bench.minLevel,
          areaNames,
          facts,
          open: weights.open,
        });

  return {
    warnings: [
      ...slipWarnings(flagged),
      ...concentrationWarnings(held.holdings),
      ...benchWarnings(bench.areas),
    ],
    concentration: {
      maxShareBasisPoints: weights.settings.maxShareBasisPoints,
      currency: weights.workspaceCurrency,
      ...held,
    },
    slips: { limit: settings.slipLimit, windowDays: settings.slipWindowDays, flagged },
    loyalty: loyaltyOf(judged, now, settings.loyaltyWindowDays),
  };
}

/**
 * Every guardrail at once: the bench, concentration of open contract value, contractors
 * who slip (with who could take over) and the reliable people to reward with more work.
 */
export async function getGuardrails(ctx: AppContext, actor: Actor): Promise<Guardrails> {
  authorize(actor, "work.read");
  return guardrailsOf(ctx, actor, judgeAll(ctx, actor.workspaceId));
}

/**
 * Only the reliable people, for the forms that pick someone for new work: the records and
 * the work settings, none of the bench, contracts or directory the other guardrails read.
 */
export async function getLoyalty(ctx: AppContext, actor: Actor): Promise<Loyalty> {
  authorize(actor, "work.read");
  const [settings, judged] = await Promise.all([
    getWorkSettings(ctx, actor),
    judgeAll(ctx, actor.workspaceId),
  ]);
  return loyaltyOf(judged, ctx.now(), settings.loyaltyWindowDays);
}

/**
 * Who could take over from each person flagged: the directory is read only when someone
 * is, since most days nobody is.
 */
async function withReplacements(
  ctx: AppContext,
  actor: Actor,
  input: {
    slipped: { contractor: { id: string; name: string }; slips: Slips }[];
    judged: readonly Judged[];
    minLevel: number;
    areaNames: ReadonlyMap<string, string>;
    facts: BenchFacts;
    open: readonly { contractorId: string; areaId: string | null }[];
  },
): Promise<Slipping[]> {
  const [people, openAssignments] = await Promise.all([
    listContractors(ctx, actor, { status: "active" }),
    workStore.openAssignmentCounts(ctx.db, actor.workspaceId),
  ]);
  const records = new Map(
    input.judged.flatMap(({ contractor, record }) =>
      record ? [[contractor.id, record] as const] : [],
    ),
  );
  const candidate = (person: Contractor): ReplacementCandidate => {
    const record = records.get(person.id);
    return {
      contractorId: person.id,
      name: person.name,
      rating: record ? performanceOf(record).ratings.overall : null,
      openAssignments: openAssignments.get(person.id) ?? 0,
      overlapMinutes: Math.round(person.overlapHours * 60),
    };
  };
  // Many people slipping in the same area share one bench: weigh its candidates once.
  const benches = new Map<string, ReturnType<typeof benchOf>>();
  const benchOf = (areaId: string) => ({
    areaId,
    areaName: input.areaNames.get(areaId) ?? "this area",
    candidates: people
      .filter((person) =>
        person.skills.some((skill) => skill.areaId === areaId && skill.level >= input.minLevel),
      )
      .map(candidate),
    openingId: input.facts.openOpenings.find((opening) => opening.areaId === areaId)?.id ?? null,
  });
  const benchFor = (areaId: string) => {
    const known = benches.get(areaId);
    if (known) return known;
    const bench = benchOf(areaId);
    benches.set(areaId, bench);
    return bench;
  };
  return input.slipped.map(({ contractor, slips }) =>
    slipping({
      contractorId: contractor.id,
      contractorName: contractor.name,
      slips,
      areas: workAreas(contractor.id, input.open, input.facts.skills).map(benchFor),
    }),
  );
}

/**
 * Every guardrail that has tripped, each with its reason and one action: what the dashboard
 * shows under "What needs you today", from the contractors it judged already.
 */
export async function guardrailWarnings(
  ctx: AppContext,
  actor: Actor,
  judged: readonly Judged[],
): Promise<GuardrailWarning[]> {
  return (await guardrailsOf(ctx, actor, judged)).warnings;
}
