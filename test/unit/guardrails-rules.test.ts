import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  areaNeeds,
  benchStrength,
  benchWarning,
  REQUIRED_PEOPLE,
  type AreaNeed,
  type BenchSkill,
  type PersonStatus,
} from "../../src/guardrails/rules.ts";

const design = { id: "area-design", name: "Design" };
const writing = { id: "area-writing", name: "Writing" };
const support = { id: "area-support", name: "Customer support" };
const unused = { id: "area-unused", name: "Bookkeeping" };
const areas = [design, writing, support, unused];

function skill(overrides: Partial<BenchSkill> & { contractorId: string }): BenchSkill {
  return {
    name: overrides.contractorId,
    status: "active",
    areaId: design.id,
    level: 3,
    verified: false,
    ...overrides,
  };
}

const noNeeds: AreaNeed[] = [];

describe("benchWarning", () => {
  it("needs two people, as seed 001 says", () => {
    expect(REQUIRED_PEOPLE).toBe(2);
  });

  it("warns in words when one person can do the work", () => {
    expect(benchWarning("Design", 1, 3)).toBe(
      "Only one person can do Design at level 3 or above — if they are away, the work stops. " +
        "Always have at least two people who can do the same quality work.",
    );
  });

  it("warns that nobody can do it when there are none", () => {
    expect(benchWarning("Writing", 0, 4)).toBe(
      "Nobody can do Writing at level 4 or above — the work has no one to go to. " +
        "Always have at least two people who can do the same quality work.",
    );
  });

  it("names the top level without 'or above'", () => {
    expect(benchWarning("Design", 1, 5)).toContain("Only one person can do Design at level 5 —");
  });

  it("says nothing with two or more", () => {
    expect(benchWarning("Design", 2, 3)).toBeNull();
    expect(benchWarning("Design", 7, 3)).toBeNull();
  });
});

describe("benchStrength", () => {
  it("counts only active people at or above the minimum level", () => {
    const bench = benchStrength({
      areas,
      skills: [
        skill({ contractorId: "Ana", level: 4, verified: true }),
        skill({ contractorId: "Ben", level: 2 }),
        skill({ contractorId: "Cy", level: 5, status: "paused" }),
        skill({ contractorId: "Dee", level: 5, status: "ended" }),
        skill({ contractorId: "Eve", level: 5, status: "candidate" }),
        skill({ contractorId: "Fay", level: 3 }),
      ],
      needs: noNeeds,
      minLevel: 3,
    });
    expect(bench).toEqual([
      {
        areaId: design.id,
        areaName: "Design",
        qualified: 2,
        people: [
          { id: "Ana", name: "Ana", level: 4, verified: true },
          { id: "Fay", name: "Fay", level: 3, verified: false },
        ],
        usedBy: { tasks: 0, procedures: 0, people: 6 },
        warning: null,
      },
    ]);
  });

  it("lists an area in use by tasks or procedures even when nobody has the skill", () => {
    const bench = benchStrength({
      areas,
      skills: [],
      needs: [
        { areaId: writing.id, tasks: 2, procedures: 0 },
        { areaId: support.id, tasks: 0, procedures: 1 },
        { areaId: unused.id, tasks: 0, procedures: 0 },
      ],
      minLevel: 3,
    });
    expect(bench.map((area) => [area.areaName, area.qualified, area.usedBy])).toEqual([
      ["Writing", 0, { tasks: 2, procedures: 0, people: 0 }],
      ["Customer support", 0, { tasks: 0, procedures: 1, people: 0 }],
    ]);
    expect(bench[0]?.warning).toMatch(/^Nobody can do Writing at level 3 or above/);
  });

  it("raises the bar with the owner's minimum level", () => {
    const skills = [
      skill({ contractorId: "Ana", level: 4 }),
      skill({ contractorId: "Fay", level: 3 }),
    ];
    expect(benchStrength({ areas, skills, needs: noNeeds, minLevel: 3 })[0]?.qualified).toBe(2);
    const strict = benchStrength({ areas, skills, needs: noNeeds, minLevel: 4 })[0];
    expect(strict?.qualified).toBe(1);
    expect(strict?.warning).toMatch(/^Only one person can do Design at level 4 or above/);
  });

  it("puts the areas with nobody first, then those with one, then the rest in their order", () => {
    const bench = benchStrength({
      areas,
      skills: [
        skill({ contractorId: "Ana", areaId: design.id }),
        skill({ contractorId: "Ben", areaId: design.id }),
        skill({ contractorId: "Ana", areaId: support.id }),
        skill({ contractorId: "Ana", areaId: unused.id }),
        skill({ contractorId: "Ben", areaId: unused.id }),
        skill({ contractorId: "Cy", areaId: unused.id }),
      ],
      needs: [{ areaId: writing.id, tasks: 1, procedures: 0 }],
      minLevel: 3,
    });
    expect(bench.map((area) => [area.areaName, area.qualified])).toEqual([
      ["Writing", 0],
      ["Customer support", 1],
      ["Design", 2],
      ["Bookkeeping", 3],
    ]);
  });
});

const statuses: PersonStatus[] = ["candidate", "active", "paused", "ended"];
const arbitrarySkills = fc.array(
  fc.record({
    contractorId: fc.constantFrom("p1", "p2", "p3", "p4", "p5", "p6"),
    areaId: fc.constantFrom(design.id, writing.id, support.id),
    level: fc.integer({ min: 1, max: 5 }),
    status: fc.constantFrom(...statuses),
    verified: fc.boolean(),
  }),
  { maxLength: 20 },
);
/** One skill per person and area, as the directory stores them. */
const uniqueSkills = arbitrarySkills.map((rows) => {
  const seen = new Map(rows.map((row) => [`${row.contractorId}|${row.areaId}`, row]));
  return [...seen.values()].map((row) => ({ ...row, name: row.contractorId }));
});
const arbitraryNeeds = fc.array(
  fc.record({
    areaId: fc.constantFrom(design.id, writing.id, support.id, unused.id),
    tasks: fc.integer({ min: 0, max: 3 }),
    procedures: fc.integer({ min: 0, max: 3 }),
  }),
  { maxLength: 4 },
);
const level = fc.integer({ min: 1, max: 5 });

describe("benchStrength invariants", () => {
  it("warns exactly when fewer than two are qualified, and qualified counts the people listed", () => {
    fc.assert(
      fc.property(uniqueSkills, arbitraryNeeds, level, (skills, needs, minLevel) => {
        for (const area of benchStrength({ areas, skills, needs, minLevel })) {
          expect(area.qualified).toBe(area.people.length);
          expect(area.warning !== null).toBe(area.qualified < REQUIRED_PEOPLE);
          for (const person of area.people) {
            const row = skills.find(
              (s) => s.contractorId === person.id && s.areaId === area.areaId,
            );
            expect(row?.status).toBe("active");
            expect(row?.level).toBeGreaterThanOrEqual(minLevel);
          }
        }
      }),
    );
  });

  it("never adds a warning to an area in use when an active, qualified person joins", () => {
    fc.assert(
      fc.property(
        uniqueSkills,
        arbitraryNeeds,
        level,
        fc.constantFrom(design.id, writing.id, support.id),
        fc.integer({ min: 0, max: 4 }),
        (skills, needs, minLevel, areaId, extra) => {
          const warned = (rows: BenchSkill[]) =>
            new Set(
              benchStrength({ areas, skills: rows, needs, minLevel })
                .filter((area) => area.warning)
                .map((area) => area.areaId),
            );
          const newcomer = skill({
            contractorId: "newcomer",
            areaId,
            level: Math.min(5, minLevel + extra),
          });
          const inUse = benchStrength({ areas, skills, needs, minLevel }).map((a) => a.areaId);
          const before = warned(skills);
          for (const id of warned([...skills, newcomer])) {
            if (inUse.includes(id)) expect(before.has(id)).toBe(true);
          }
        },
      ),
    );
  });

  it("is unmoved by people who are not active", () => {
    fc.assert(
      fc.property(
        uniqueSkills,
        arbitraryNeeds,
        level,
        fc.constantFrom<PersonStatus>("candidate", "paused", "ended"),
        (skills, needs, minLevel, status) => {
          const qualified = (rows: BenchSkill[]) =>
            benchStrength({ areas, skills: rows, needs, minLevel }).map((area) => [
              area.areaId,
              area.qualified,
            ]);
          const idle = skill({ contractorId: "idle", areaId: design.id, level: 5, status });
          const withIdle = qualified([...skills, idle]);
          const designInUse = withIdle.find(([id]) => id === design.id);
          expect(designInUse?.[1]).toBe(
            skills.filter(
              (s) => s.areaId === design.id && s.status === "active" && s.level >= minLevel,
            ).length,
          );
          expect(withIdle.filter(([id]) => id !== design.id)).toEqual(
            qualified(skills).filter(([id]) => id !== design.id),
          );
        },
      ),
    );
  });
});

describe("areaNeeds", () => {
  it("counts work someone else could do: not strategic tasks, not tasks to drop, and procedures", () => {
    const tasks = [
      { areaId: design.id, strategic: false, needed: true },
      { areaId: design.id, strategic: true, needed: true },
      { areaId: design.id, strategic: false, needed: false },
      { areaId: writing.id, strategic: false, needed: true },
    ];
    const sops = [{ areaId: design.id }, { areaId: null }, { areaId: support.id }];
    expect(areaNeeds([design, writing, support, unused], tasks, sops)).toEqual([
      { areaId: design.id, tasks: 1, procedures: 1 },
      { areaId: writing.id, tasks: 1, procedures: 0 },
      { areaId: support.id, tasks: 0, procedures: 1 },
      { areaId: unused.id, tasks: 0, procedures: 0 },
    ]);
  });
});
