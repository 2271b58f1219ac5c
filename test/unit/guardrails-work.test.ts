import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WeighedContract } from "../../src/contracts/rules.ts";
import {
  concentration,
  concentrationWarnings,
  type ConcentrationQuestion,
} from "../../src/guardrails/concentration-rules.ts";
import { reliablePeople } from "../../src/guardrails/loyalty-rules.ts";
import { benchWarnings } from "../../src/guardrails/rules.ts";
import { slipping, slipWarnings, workAreas } from "../../src/guardrails/slip-rules.ts";
import type { Reliability, Slips } from "../../src/work/performance-rules.ts";

const names = new Map([
  ["ana", "Ana"],
  ["ben", "Ben"],
  ["cy", "Cy"],
]);
const areaNames = new Map([
  ["design", "design"],
  ["content", "content"],
]);

function contract(
  id: string,
  contractorId: string,
  value: number,
  overrides: Partial<WeighedContract> = {},
): WeighedContract {
  return { id, contractorId, areaId: null, value, currency: "USD", ...overrides };
}

function question(open: WeighedContract[], maxShareBasisPoints = 5000): ConcentrationQuestion {
  return {
    open,
    settings: { hugeContractAmount: 500_000, maxShareBasisPoints },
    workspaceCurrency: "USD",
    rates: { EUR: 1_100_000 },
    contractorNames: names,
    areaNames,
  };
}

describe("concentration", () => {
  it("flags the person over the allowed share of all open contract value", () => {
    const { holdings, unconverted } = concentration(
      question([contract("1", "ana", 60_000), contract("2", "ben", 40_000)]),
    );
    expect(unconverted).toEqual([]);
    expect(holdings).toEqual([
      {
        key: "concentration:ana",
        contractorId: "ana",
        contractorName: "Ana",
        areaId: null,
        areaName: null,
        held: 60_000,
        total: 100_000,
        shareBasisPoints: 6000,
        reason:
          "Ana holds $600 of your $1,000 open contract value (60 %), more than the 50 % you allow one person. " +
          "Give the next piece of work to someone else, so it does not all depend on one person.",
        action: { label: "Write the next contract for someone else", href: "/contracts/new" },
      },
    ]);
  });

  it("does not flag exactly the allowed share", () => {
    const { holdings } = concentration(
      question([contract("1", "ana", 50_000), contract("2", "ben", 50_000)]),
    );
    expect(holdings).toEqual([]);
  });

  it("flags a share within one area even when the overall share is fine", () => {
    const { holdings } = concentration(
      question([
        contract("1", "ana", 30_000, { areaId: "design" }),
        contract("2", "ben", 10_000, { areaId: "design" }),
        contract("3", "cy", 60_000, { areaId: "content" }),
        contract("4", "ben", 50_000),
      ]),
    );
    expect(holdings.map((holding) => holding.key)).toEqual([
      "concentration:cy:content",
      "concentration:ana:design",
    ]);
    expect(holdings[1]).toMatchObject({
      held: 30_000,
      total: 40_000,
      shareBasisPoints: 7500,
      reason: expect.stringMatching(
        /^In design, Ana holds \$300 of \$400 open contract value \(75 %\)/,
      ),
      action: {
        label: "Write the next design contract for someone else",
        href: "/contracts/new?areaId=design",
      },
    });
  });

  it("says once that someone holds too much, overall and in an area", () => {
    const { holdings } = concentration(
      question([
        contract("1", "ana", 80_000, { areaId: "design" }),
        contract("2", "ben", 10_000, { areaId: "content" }),
        contract("3", "cy", 10_000, { areaId: "content" }),
      ]),
    );
    expect(holdings.map((holding) => holding.key)).toEqual(["concentration:ana"]);
  });

  it("converts at the recorded rate and names a currency it cannot convert", () => {
    const { holdings, unconverted } = concentration(
      question([
        contract("1", "ana", 50_000, { currency: "EUR" }),
        contract("2", "ben", 50_000),
        contract("3", "cy", 900_000, { currency: "GBP" }),
      ]),
    );
    expect(unconverted).toEqual(["GBP"]);
    expect(holdings).toMatchObject([{ contractorId: "ana", held: 55_000, total: 105_000 }]);
  });

  it("never flags anyone when the limit is the whole", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            contractorId: fc.constantFrom("ana", "ben", "cy"),
            value: fc.integer({ min: 0, max: 10_000_000 }),
          }),
        ),
        (items) => {
          const open = items.map((item, index) =>
            contract(String(index), item.contractorId, item.value),
          );
          expect(concentration(question(open, 10_000)).holdings).toEqual([]);
        },
      ),
    );
  });

  it("flags at most one person per scope when the limit is half or more", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            contractorId: fc.constantFrom("ana", "ben", "cy"),
            value: fc.integer({ min: 1, max: 10_000_000 }),
          }),
          { minLength: 1 },
        ),
        fc.integer({ min: 5000, max: 9999 }),
        (items, max) => {
          const open = items.map((item, index) =>
            contract(String(index), item.contractorId, item.value),
          );
          const { holdings } = concentration(question(open, max));
          expect(holdings.length).toBeLessThanOrEqual(1);
          for (const holding of holdings) {
            expect(holding.held * 10_000).toBeGreaterThan(max * holding.total);
          }
        },
      ),
    );
  });

  it("makes one warning per holding with its reason and action", () => {
    const { holdings } = concentration(
      question([contract("1", "ana", 90_000, { areaId: "design" }), contract("2", "ben", 10_000)]),
    );
    expect(concentrationWarnings(holdings)).toEqual([
      {
        kind: "concentration",
        key: "concentration:ana",
        title: "Too much work with Ana",
        reason: holdings[0]!.reason,
        action: holdings[0]!.action,
      },
    ]);
  });
});

describe("slips", () => {
  const flaggedSlips: Slips = {
    slips: [
      { kind: "missed_report", at: 1, words: "The report due Mon 2 Mar was missed." },
      { kind: "late_report", at: 2, words: "The report due Tue 3 Mar came late." },
      { kind: "late_milestone", at: 3, words: "“Logo drafts”, due Wed 4 Mar, is overdue." },
    ],
    flagged: true,
    words:
      "3 slips in the last 30 days: no excuses or delays. Line up a replacement from the bench.",
  };
  const candidate = (contractorId: string, name: string, rating: number | null) => ({
    contractorId,
    name,
    rating,
    openAssignments: 0,
    overlapMinutes: 240,
  });

  it("takes the areas of open contracts, else the areas of skills", () => {
    const open = [
      { contractorId: "ana", areaId: "design" },
      { contractorId: "ana", areaId: null },
      { contractorId: "ana", areaId: "design" },
      { contractorId: "ben", areaId: "content" },
    ];
    const skills = [
      { contractorId: "ana", areaId: "content" },
      { contractorId: "cy", areaId: "content" },
      { contractorId: "cy", areaId: "design" },
    ];
    expect(workAreas("ana", open, skills)).toEqual(["design"]);
    expect(workAreas("cy", open, skills)).toEqual(["content", "design"]);
    expect(workAreas("nobody", open, skills)).toEqual([]);
  });

  it("lists the evidence and offers the best rated replacement, never the person slipping", () => {
    const flag = slipping({
      contractorId: "ana",
      contractorName: "Ana",
      slips: flaggedSlips,
      areas: [
        {
          areaId: "design",
          areaName: "design",
          candidates: [
            candidate("ana", "Ana", 5),
            candidate("ben", "Ben", 4.1),
            candidate("cy", "Cy", 4.8),
          ],
          openingId: null,
        },
      ],
    });
    expect(flag.evidence).toEqual(flaggedSlips.slips.map((slip) => slip.words));
    expect(flag.replacements[0]?.suggestions.map((person) => person.contractorId)).toEqual([
      "cy",
      "ben",
    ]);
    expect(flag.replacements[0]?.benchThin).toBe(false);
    expect(flag.action).toEqual({ label: "Line up Cy to take over", href: "/people/cy" });
    expect(slipWarnings([flag])).toEqual([
      {
        kind: "slips",
        key: "slips:ana",
        title: "Ana keeps slipping",
        reason:
          `${flaggedSlips.words} The report due Mon 2 Mar was missed. ` +
          "The report due Tue 3 Mar came late. “Logo drafts”, due Wed 4 Mar, is overdue.",
        action: flag.action,
      },
    ]);
  });

  it("asks for a hiring opening when nobody else can take over", () => {
    const lone = (openingId: string | null) =>
      slipping({
        contractorId: "ana",
        contractorName: "Ana",
        slips: flaggedSlips,
        areas: [
          {
            areaId: "design",
            areaName: "design",
            candidates: [candidate("ana", "Ana", 5)],
            openingId,
          },
        ],
      });
    expect(lone(null).replacements[0]?.benchThin).toBe(true);
    expect(lone(null).action).toEqual({
      label: "Start a hiring opening for design",
      href: "/hiring/new?areaId=design",
    });
    expect(lone("opening-1").action).toEqual({
      label: "View the design opening",
      href: "/hiring/opening-1",
    });
  });

  it("leads to the person's record when their work names no area", () => {
    const flag = slipping({
      contractorId: "ana",
      contractorName: "Ana",
      slips: flaggedSlips,
      areas: [],
    });
    expect(flag.replacements).toEqual([]);
    expect(flag.action).toEqual({ label: "See Ana's record", href: "/people/ana" });
  });
});

describe("loyalty", () => {
  function reliable(
    reports: number,
    of: number,
    overall: number | null,
    accepted = 2,
  ): Reliability {
    return {
      reliable: true,
      words: "Reliable over the last 60 days.",
      performance: {
        reportsOnTime: { count: reports, of },
        milestonesOnTime: { count: 0, of: 0 },
        sentBack: { count: 0, of: accepted },
        accepted,
        ratings: {
          quality: overall,
          timeliness: overall,
          communication: overall,
          overall,
          rated: overall === null ? 0 : accepted,
        },
      },
    };
  }

  it("keeps only the reliable, in the top performers' order: best rated, then most on time", () => {
    const people = reliablePeople([
      { contractorId: "ana", name: "Ana", reliability: reliable(9, 10, 5) },
      {
        contractorId: "ben",
        name: "Ben",
        reliability: { ...reliable(10, 10, 5), reliable: false },
      },
      { contractorId: "cy", name: "Cy", reliability: reliable(10, 10, null) },
      { contractorId: "dee", name: "Dee", reliability: reliable(20, 20, 4.5) },
    ]);
    expect(people.map((person) => person.contractorId)).toEqual(["ana", "dee", "cy"]);
    expect(people[1]).toMatchObject({
      rating: 4.5,
      reason:
        "Reliable over the last 60 days. Offer them new work first, and a volume rate for steady work.",
      action: { label: "Offer Dee new work", href: "/contracts/new?contractorId=dee" },
    });
  });
});

describe("bench warnings", () => {
  it("warns for short areas only, leading to the opening or to a new one", () => {
    const area = (areaId: string, qualified: number, openingId: string | null) => ({
      areaId,
      areaName: areaId,
      qualified,
      warning: qualified >= 2 ? null : `${areaId} is short.`,
      openingId,
    });
    expect(
      benchWarnings([area("design", 2, null), area("content", 0, null), area("support", 1, "o-1")]),
    ).toEqual([
      {
        kind: "bench",
        key: "bench:content",
        title: "Nobody can do content",
        reason: "content is short.",
        action: {
          label: "Start a hiring opening for content",
          href: "/hiring/new?areaId=content",
        },
      },
      {
        kind: "bench",
        key: "bench:support",
        title: "Only one person can do support",
        reason: "support is short.",
        action: { label: "View the support opening", href: "/hiring/o-1" },
      },
    ]);
  });
});
