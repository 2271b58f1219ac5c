import {
  suggestReplacements,
  type ReplacementCandidate,
  type Slips,
} from "../work/performance-rules.ts";
import { openingAction } from "./rules.ts";
import type { GuardrailWarning, Slipping } from "./schema.ts";

/**
 * Slips (seed 001: never accept excuses or delays): a flagged contractor with the evidence
 * and who on the bench could take over their work. Pure.
 */

/**
 * The skill areas whose work a contractor would hand over: those of their open contracts,
 * or, when none of those names an area, the areas of their skills.
 */
export function workAreas(
  contractorId: string,
  open: readonly { contractorId: string; areaId: string | null }[],
  skills: readonly { contractorId: string; areaId: string }[],
): string[] {
  const fromContracts = open.flatMap((item) =>
    item.contractorId === contractorId && item.areaId ? [item.areaId] : [],
  );
  const areas =
    fromContracts.length > 0
      ? fromContracts
      : skills.filter((skill) => skill.contractorId === contractorId).map((skill) => skill.areaId);
  return [...new Set(areas)];
}

export interface AreaBenchForSlip {
  areaId: string;
  areaName: string;
  /** Active people at the owner's minimum level in the area; the slipping one may be among them. */
  candidates: readonly ReplacementCandidate[];
  openingId: string | null;
}

/**
 * The flag with its evidence, replacements per area, and one action: the best replacement
 * for their first area, a hiring opening when nobody can take over, or their record when
 * their work names no area.
 */
export function slipping(input: {
  contractorId: string;
  contractorName: string;
  slips: Slips;
  areas: readonly AreaBenchForSlip[];
}): Slipping {
  const replacements = input.areas.map((area) => ({
    area,
    ...suggestReplacements(input.contractorId, area.candidates),
  }));
  const first = replacements[0];
  const best = first?.suggestions[0];
  const action: Slipping["action"] = !first
    ? { label: `See ${input.contractorName}'s record`, href: `/people/${input.contractorId}` }
    : best
      ? { label: `Line up ${best.name} to take over`, href: `/people/${best.contractorId}` }
      : openingAction(first.area);
  return {
    contractorId: input.contractorId,
    contractorName: input.contractorName,
    evidence: input.slips.slips.map((slip) => slip.words),
    reason: input.slips.words,
    replacements: replacements.map(({ area, suggestions, benchThin, words }) => ({
      areaId: area.areaId,
      areaName: area.areaName,
      suggestions,
      benchThin,
      words,
      openingId: area.openingId,
    })),
    action,
  };
}

export function slipWarnings(flagged: readonly Slipping[]): GuardrailWarning[] {
  return flagged.map((person) => ({
    kind: "slips",
    key: `slips:${person.contractorId}`,
    title: `${person.contractorName} keeps slipping`,
    reason: `${person.reason} ${person.evidence.join(" ")}`,
    action: person.action,
  }));
}
