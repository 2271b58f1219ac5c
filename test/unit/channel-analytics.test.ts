import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  channelAnalytics,
  laterNotes,
  NO_CHANNEL,
  type CandidacyFacts,
  type ChannelFacts,
  type PersonSpend,
} from "../../src/people/analytics-rules.ts";
import type { CriterionScore } from "../../src/people/hiring-rules.ts";

const referral: ChannelFacts = {
  id: "ch-referral",
  name: "Referral",
  feeBasisPoints: 0,
  archived: false,
};
const upwork: ChannelFacts = {
  id: "ch-upwork",
  name: "Upwork",
  feeBasisPoints: 1000,
  archived: false,
};
const fiverr: ChannelFacts = {
  id: "ch-fiverr",
  name: "Fiverr",
  feeBasisPoints: 2000,
  archived: false,
};
const guru: ChannelFacts = { id: "ch-guru", name: "Guru", feeBasisPoints: 900, archived: true };
const channels = [referral, upwork, fiverr, guru];

/** Every criterion at the same score rolls up to that score. */
const allAt = (score: number): CriterionScore[] =>
  (
    [
      "communication",
      "professionalism",
      "samples",
      "references",
      "reviews",
      "test_project",
    ] as const
  ).map((criterion) => ({ criterion, score }));

function candidacy(
  contractorId: string,
  channelId: string | null,
  more: Partial<CandidacyFacts> = {},
): CandidacyFacts {
  return { contractorId, channelId, hired: false, scores: [], ...more };
}

/**
 * Upwork: Ana (hired, all 4s) who also tried for a second opening, Ben (rejected, all 2s),
 * Cy (not scored). Referral: Dee (hired, communication 5 and samples 3). Ed with no channel.
 */
const scenario: CandidacyFacts[] = [
  candidacy("ana", upwork.id, { hired: true, scores: allAt(4) }),
  candidacy("ana", upwork.id, { scores: allAt(3) }),
  candidacy("ben", upwork.id, { scores: allAt(2) }),
  candidacy("cy", upwork.id),
  candidacy("dee", referral.id, {
    hired: true,
    scores: [
      { criterion: "communication", score: 5 },
      { criterion: "samples", score: 3 },
    ],
  }),
  candidacy("ed", null),
];

describe("channelAnalytics", () => {
  it("counts distinct candidates, hires, the hire rate and the average scorecard score", () => {
    const { channels: rows } = channelAnalytics({ channels, candidacies: scenario });
    const byName = new Map(rows.map((row) => [row.name, row]));
    expect(byName.get("Upwork")).toEqual({
      channelId: upwork.id,
      name: "Upwork",
      feeBasisPoints: 1000,
      candidates: 3,
      hires: 1,
      hireRate: 1 / 3,
      // Ana's two candidacies (4 and 3) and Ben's 2; Cy has no score yet.
      averageScore: 3,
      averageRating: null,
      costPerHire: null,
    });
    // (5 × 20 + 3 × 20) ÷ 40 = 4: only the scored criteria count, at their weights.
    expect(byName.get("Referral")).toMatchObject({
      candidates: 1,
      hires: 1,
      hireRate: 1,
      averageScore: 4,
    });
    expect(byName.get("Fiverr")).toMatchObject({
      candidates: 0,
      hires: 0,
      hireRate: null,
      averageScore: null,
    });
  });

  it("lists channels in the owner's order, archived ones only when used, then nobody's channel", () => {
    const names = channelAnalytics({ channels, candidacies: scenario }).channels.map((r) => r.name);
    expect(names).toEqual(["Referral", "Upwork", "Fiverr", NO_CHANNEL]);
    const withGuru = channelAnalytics({
      channels,
      candidacies: [...scenario, candidacy("flo", guru.id)],
    }).channels.map((row) => row.name);
    expect(withGuru).toEqual(["Referral", "Upwork", "Fiverr", "Guru", NO_CHANNEL]);
  });

  it("puts people with no channel under 'No channel recorded', and leaves it out when there are none", () => {
    const rows = channelAnalytics({ channels, candidacies: scenario }).channels;
    expect(rows.at(-1)).toMatchObject({
      channelId: null,
      name: "No channel recorded",
      candidates: 1,
    });
    const none = channelAnalytics({ channels, candidacies: scenario.slice(0, 5) }).channels;
    expect(none.some((row) => row.channelId === null)).toBe(false);
  });

  it("says what will fill the later figures while they are missing", () => {
    const { notes } = channelAnalytics({ channels, candidacies: scenario });
    expect(notes).toContain("Cost per hire appears once payments are recorded in Payments.");
    expect(notes).toContain(laterNotes.ratings);
  });

  it("averages the later ratings of each channel's hires once work reviews exist", () => {
    const ratings = new Map([
      ["ana", 4.5],
      ["ben", 1],
      ["dee", 3.25],
    ]);
    const result = channelAnalytics({ channels, candidacies: scenario, ratings });
    const upworkRow = result.channels.find((row) => row.name === "Upwork");
    // Ben was never hired, so his rating does not count for the channel.
    expect(upworkRow?.averageRating).toBe(4.5);
    expect(result.channels.find((row) => row.name === "Referral")?.averageRating).toBe(3.25);
    expect(result.notes).not.toContain(laterNotes.ratings);
    expect(result.notes).toContain(laterNotes.spend);
  });

  it("adds the channel's fee on its hires' pay to the test projects, per hire", () => {
    const spend = new Map<string, PersonSpend>([
      // 10 % of $1,200.00 = $120.00 fee, plus her $50.00 test project.
      ["ana", { work: 120_000, testProjects: 5_000 }],
      // Never hired: his paid test project still counts against Upwork.
      ["ben", { work: 0, testProjects: 3_333 }],
      ["dee", { work: 80_000, testProjects: 0 }],
    ]);
    const result = channelAnalytics({ channels, candidacies: scenario, spend });
    const byName = new Map(result.channels.map((row) => [row.name, row]));
    expect(byName.get("Upwork")?.costPerHire).toBe(12_000 + 5_000 + 3_333);
    // A referral charges no fee.
    expect(byName.get("Referral")?.costPerHire).toBe(0);
    expect(byName.get("Fiverr")?.costPerHire).toBeNull();
    expect(result.notes).not.toContain(laterNotes.spend);
  });

  it("rounds cost per hire once, to the minor unit", () => {
    const spend = new Map<string, PersonSpend>([
      ["p1", { work: 1_005, testProjects: 0 }],
      ["p2", { work: 0, testProjects: 1 }],
    ]);
    const result = channelAnalytics({
      channels: [upwork],
      candidacies: [
        candidacy("p1", upwork.id, { hired: true }),
        candidacy("p2", upwork.id, { hired: true }),
      ],
      spend,
    });
    // (100.5 + 1) ÷ 2 = 50.75 → 51.
    expect(result.channels[0]?.costPerHire).toBe(51);
  });
});

const arbitraryCandidacies = fc.array(
  fc.record({
    contractorId: fc.constantFrom("p1", "p2", "p3", "p4", "p5"),
    channelId: fc.constantFrom<string | null>(referral.id, upwork.id, guru.id, null, "gone"),
    hired: fc.boolean(),
    scores: fc.constant(allAt(3)),
  }),
  { maxLength: 25 },
);

describe("channelAnalytics invariants", () => {
  it("counts every person once per channel, with hires never above candidates", () => {
    fc.assert(
      fc.property(arbitraryCandidacies, (candidacies) => {
        const rows = channelAnalytics({ channels, candidacies }).channels;
        for (const row of rows) {
          expect(row.hires).toBeLessThanOrEqual(row.candidates);
          if (row.hireRate !== null) {
            expect(row.hireRate).toBeGreaterThanOrEqual(0);
            expect(row.hireRate).toBeLessThanOrEqual(1);
          }
        }
        const pairs = new Set(
          candidacies.map((row) => {
            const known = channels.some((channel) => channel.id === row.channelId);
            return `${known ? row.channelId : "none"}|${row.contractorId}`;
          }),
        );
        expect(rows.reduce((sum, row) => sum + row.candidates, 0)).toBe(pairs.size);
      }),
    );
  });
});
