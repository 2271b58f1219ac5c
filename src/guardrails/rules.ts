/**
 * Guardrails: warnings before a mistake costs the owner time or money. Pure — values in,
 * decisions out.
 */

import type { GuardrailWarning } from "./schema.ts";

/** Seed 001: "always have at least two people who can do the same quality work". */
export const REQUIRED_PEOPLE = 2;

export type PersonStatus = "candidate" | "active" | "paused" | "ended";

export interface BenchSkill {
  contractorId: string;
  name: string;
  status: PersonStatus;
  areaId: string;
  level: number;
  verified: boolean;
}

/** How much work in an area someone else could do: audit tasks and procedures filed under it. */
export interface AreaNeed {
  areaId: string;
  tasks: number;
  procedures: number;
}

export interface BenchPerson {
  id: string;
  name: string;
  level: number;
  verified: boolean;
}

export interface AreaBench {
  areaId: string;
  areaName: string;
  qualified: number;
  people: BenchPerson[];
  usedBy: { tasks: number; procedures: number; people: number };
  warning: string | null;
}

function levelPhrase(minLevel: number): string {
  return minLevel >= 5 ? "at level 5" : `at level ${minLevel} or above`;
}

/** Why an area with fewer than the required people is a risk, in the owner's words. */
export function benchWarning(areaName: string, qualified: number, minLevel: number): string | null {
  if (qualified >= REQUIRED_PEOPLE) return null;
  const level = levelPhrase(minLevel);
  const risk =
    qualified === 0
      ? `Nobody can do ${areaName} ${level} — the work has no one to go to.`
      : `Only one person can do ${areaName} ${level} — if they are away, the work stops.`;
  return `${risk} Always have at least two people who can do the same quality work.`;
}

/**
 * For every skill area in use — someone has the skill, an audit task sits in it or a
 * procedure is filed under it — the active people at or above the owner's minimum level.
 * Candidates, paused and ended people cannot be handed work today, so they do not count.
 * Areas with nobody come first, then those with one person; otherwise the areas keep the
 * order they were given in.
 */
export function benchStrength(input: {
  areas: readonly { id: string; name: string }[];
  skills: readonly BenchSkill[];
  needs: readonly AreaNeed[];
  minLevel: number;
}): AreaBench[] {
  const { areas, skills, needs, minLevel } = input;
  const benches = areas.flatMap((area) => {
    const withSkill = skills.filter((skill) => skill.areaId === area.id);
    const need = needs.find((row) => row.areaId === area.id);
    const usedBy = {
      tasks: need?.tasks ?? 0,
      procedures: need?.procedures ?? 0,
      people: new Set(withSkill.map((skill) => skill.contractorId)).size,
    };
    if (usedBy.tasks + usedBy.procedures + usedBy.people === 0) return [];
    const people = withSkill
      .filter((skill) => skill.status === "active" && skill.level >= minLevel)
      .map((skill) => ({
        id: skill.contractorId,
        name: skill.name,
        level: skill.level,
        verified: skill.verified,
      }))
      .sort((a, b) => b.level - a.level || a.name.localeCompare(b.name));
    return [
      {
        areaId: area.id,
        areaName: area.name,
        qualified: people.length,
        people,
        usedBy,
        warning: benchWarning(area.name, people.length, minLevel),
      },
    ];
  });
  const shortfall = (bench: AreaBench) => Math.min(bench.qualified, REQUIRED_PEOPLE);
  return benches
    .map((bench, index) => ({ bench, index }))
    .sort((a, b) => shortfall(a.bench) - shortfall(b.bench) || a.index - b.index)
    .map(({ bench }) => bench);
}

/**
 * The work each area holds that someone else could do: audit tasks the owner may hand off
 * and procedures filed under it. Strategic tasks stay with the owner and unneeded ones are
 * to be dropped, so neither needs a bench.
 */
export function areaNeeds(
  areas: readonly { id: string }[],
  tasks: readonly { areaId: string; strategic: boolean; needed: boolean }[],
  sops: readonly { areaId: string | null }[],
): AreaNeed[] {
  return areas.map((area) => ({
    areaId: area.id,
    tasks: tasks.filter((task) => task.areaId === area.id && !task.strategic && task.needed).length,
    procedures: sops.filter((sop) => sop.areaId === area.id).length,
  }));
}

/**
 * What to do about an area short of people, wherever it shows (bench, slips): go to the
 * opening already hiring for it, or start one with the area filled in.
 */
export function openingAction(area: {
  areaId: string;
  areaName: string;
  openingId: string | null;
}): GuardrailWarning["action"] {
  return area.openingId
    ? { label: `View the ${area.areaName} opening`, href: `/hiring/${area.openingId}` }
    : {
        label: `Start a hiring opening for ${area.areaName}`,
        href: `/hiring/new?areaId=${encodeURIComponent(area.areaId)}`,
      };
}

/** Each short area as one warning, with its opening action. */
export function benchWarnings(
  areas: readonly (Pick<AreaBench, "areaId" | "areaName" | "qualified" | "warning"> & {
    openingId: string | null;
  })[],
): GuardrailWarning[] {
  return areas.flatMap((area) =>
    area.warning === null
      ? []
      : [
          {
            kind: "bench" as const,
            key: `bench:${area.areaId}`,
            title:
              area.qualified === 0
                ? `Nobody can do ${area.areaName}`
                : `Only one person can do ${area.areaName}`,
            reason: area.warning,
            action: openingAction(area),
          },
        ],
  );
}
