import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentBlocks } from "../../src/contracts/blocks.ts";
import {
  contractDocument,
  documentHash,
  longDate,
  type DocumentFacts,
} from "../../src/contracts/document.ts";
import { drawable } from "../../src/contracts/pdf.ts";
import {
  afterEdit,
  contractValue,
  discountedAmount,
  discountedToNothing,
  guardFlags,
  monthsOf,
  nextStep,
  plannedAmounts,
  reasonRequired,
  refusal,
  sameFlags,
  sameName,
  samePlan,
  weeksOf,
  workOutstanding,
  type GuardQuestion,
  type ValuedTerms,
} from "../../src/contracts/rules.ts";
import { contractInput, contractStatuses } from "../../src/contracts/schema.ts";
import { rateToMillionths } from "../../src/people/rules.ts";

const dollars = (amount: number) => amount * 100;

describe("the lifecycle", () => {
  it("lets a draft be edited, sent or deleted, and nothing else", () => {
    expect(refusal("edit", "draft")).toBeNull();
    expect(refusal("send", "draft")).toBeNull();
    expect(refusal("delete", "draft")).toBeNull();
    expect(refusal("accept", "draft")?.code).toBe("contract.not_sent");
    expect(refusal("complete", "draft")?.code).toBe("contract.not_active");
    expect(refusal("end", "draft")?.code).toBe("contract.finished");
  });

  it("lets a sent contract be edited, accepted or ended, but not sent twice or deleted", () => {
    expect(refusal("edit", "sent")).toBeNull();
    expect(refusal("accept", "sent")).toBeNull();
    expect(refusal("end", "sent")).toBeNull();
    expect(refusal("send", "sent")?.code).toBe("contract.not_draft");
    expect(refusal("delete", "sent")?.code).toBe("contract.not_draft");
  });

  it("fixes an accepted contract: only completing or ending it remains", () => {
    expect(refusal("edit", "active")?.code).toBe("contract.not_editable");
    expect(refusal("complete", "active")).toBeNull();
    expect(refusal("end", "active")).toBeNull();
    for (const finished of ["completed", "ended"] as const) {
      for (const step of ["edit", "send", "accept", "complete", "end", "delete"] as const) {
        expect(refusal(step, finished), `${step} from ${finished}`).not.toBeNull();
      }
    }
  });

  it("bumps the version when a sent contract changes, so it must be accepted again", () => {
    expect(afterEdit("draft", 1)).toBe(1);
    expect(afterEdit("sent", 1)).toBe(2);
    expect(afterEdit("sent", 4)).toBe(5);
  });

  it("names the next step for every status", () => {
    for (const status of contractStatuses) expect(nextStep(status)).not.toBe("");
  });

  it("matches the typed name ignoring case and extra spaces, not other names", () => {
    expect(sameName("  marco   ROSSI ", "Marco Rossi")).toBe(true);
    expect(sameName("Marco", "Marco Rossi")).toBe(false);
    expect(sameName("Zoë Brand", "zoë brand")).toBe(true);
  });

  it("counts work not yet released as outstanding", () => {
    expect(
      workOutstanding([{ status: "released" }, { status: "accepted" }, { status: "open" }]),
    ).toBe(2);
    expect(workOutstanding([{ status: "released" }])).toBe(0);
    expect(workOutstanding([])).toBe(0);
  });
});

describe("volume discounts", () => {
  it("takes 10 % off $400 as $360, and rounds a half cent away from zero", () => {
    expect(discountedAmount(dollars(400), 1000)).toBe(dollars(360));
    expect(discountedAmount(1005, 1000)).toBe(904);
  });

  it("pays milestones after the Nth less and keeps the list amounts", () => {
    const planned = plannedAmounts(
      [{ amount: dollars(400) }, { amount: dollars(400) }, { amount: dollars(400) }],
      { after: 1, basisPoints: 1000 },
    );
    expect(planned).toEqual([
      { listAmount: dollars(400), amount: dollars(400) },
      { listAmount: dollars(400), amount: dollars(360) },
      { listAmount: dollars(400), amount: dollars(360) },
    ]);
    expect(plannedAmounts([{ amount: 500 }], null)).toEqual([{ listAmount: 500, amount: 500 }]);
  });

  it("never raises an amount or makes it negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        fc.integer({ min: 1, max: 9999 }),
        (amount, basisPoints) => {
          const lower = discountedAmount(amount, basisPoints);
          expect(lower).toBeLessThanOrEqual(amount);
          expect(lower).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe("a discount that leaves nothing to pay", () => {
  const discount = { after: 1, basisPoints: 9999 };

  it("names the milestone a 99.99 % discount brings to 0, and lets a larger one through", () => {
    const milestones = [{ amount: dollars(400) }, { amount: dollars(100) }, { amount: 1 }];
    expect(discountedToNothing({ kind: "fixed", milestones }, discount)).toBe(
      "payment.milestones.2.amount",
    );
    expect(
      discountedToNothing({ kind: "fixed", milestones: milestones.slice(0, 2) }, discount),
    ).toBeNull();
    expect(discountedToNothing({ kind: "fixed", milestones }, null)).toBeNull();
  });

  it("names the discount when an hourly rate or monthly amount would pay nothing", () => {
    const hourly = { kind: "hourly", hourlyRate: 1, weeklyCapMinutes: 600 } as const;
    expect(discountedToNothing(hourly, discount)).toBe("volumeDiscount.basisPoints");
    expect(discountedToNothing({ ...hourly, hourlyRate: dollars(100) }, discount)).toBeNull();
    expect(discountedToNothing({ kind: "retainer", monthlyAmount: 1 }, discount)).toBe(
      "volumeDiscount.basisPoints",
    );
    expect(discountedToNothing({ kind: "retainer", monthlyAmount: 1 }, null)).toBeNull();
  });
});

describe("keeping a plan and a guard reason across an edit", () => {
  const plan = [
    {
      title: "Half",
      deliverable: "Posts 1-5",
      due_date: "2026-04-15",
      amount: 600,
      list_amount: 600,
    },
  ];

  it("keeps a plan only when every milestone reads and pays the same", () => {
    expect(
      samePlan(
        plan,
        plan.map((m) => ({ ...m })),
      ),
    ).toBe(true);
    expect(samePlan(plan, [{ ...plan[0]!, amount: 500 }])).toBe(false);
    expect(samePlan(plan, [...plan, plan[0]!])).toBe(false);
  });

  it("keeps a reason only for flags of the same kinds and numbers", () => {
    const flag = {
      kind: "huge_value",
      message: "This contract is worth $6,000.",
      amount: dollars(6000),
      limit: dollars(5000),
      shareBasisPoints: null,
      maxShareBasisPoints: null,
      currency: "USD",
    } as const;
    expect(sameFlags([flag], [{ ...flag, message: "Reworded" }])).toBe(true);
    expect(sameFlags([flag], [{ ...flag, amount: dollars(9000) }])).toBe(false);
    expect(sameFlags([flag], [{ ...flag, kind: "contractor_share" }])).toBe(false);
    expect(sameFlags([], [flag])).toBe(false);
  });
});

describe("contract value", () => {
  const april = { startDate: "2026-04-01", endDate: "2026-04-30", currency: "USD" };

  it("is the sum of what the milestones pay for a fixed price", () => {
    const terms: ValuedTerms = {
      ...april,
      volumeDiscount: null,
      payment: { kind: "fixed", milestones: [{ amount: dollars(400) }, { amount: dollars(360) }] },
    };
    expect(contractValue(terms)).toEqual({ amount: dollars(760), note: null });
  });

  it("is the rate for the weekly cap over the contract's weeks when hourly", () => {
    // April 2026 has 30 days: five weeks, the last one partly. $25 × 20 h × 5 = $2,500.
    const terms: ValuedTerms = {
      ...april,
      volumeDiscount: null,
      payment: { kind: "hourly", hourlyRate: dollars(25), weeklyCapMinutes: 20 * 60 },
    };
    expect(contractValue(terms).amount).toBe(dollars(2500));
    expect(contractValue(terms).note).toBe("at most 20 hours a week for 5 weeks at $25 an hour");
  });

  it("counts an open-ended hourly contract as 13 weeks, and says so", () => {
    const value = contractValue({
      ...april,
      endDate: null,
      volumeDiscount: null,
      payment: { kind: "hourly", hourlyRate: dollars(25), weeklyCapMinutes: 20 * 60 },
    });
    expect(value.amount).toBe(dollars(6500));
    expect(value.note).toContain("counting 13 weeks as it has no end date");
  });

  it("prices hours after the discount's threshold at the lower rate", () => {
    // 100 h at $25, then 160 h at $22.50: $2,500 + $3,600.
    const value = contractValue({
      ...april,
      endDate: null,
      volumeDiscount: { after: 100, basisPoints: 1000 },
      payment: { kind: "hourly", hourlyRate: dollars(25), weeklyCapMinutes: 20 * 60 },
    });
    expect(value.amount).toBe(dollars(2500) + dollars(3600));
  });

  it("keeps a part-hour cap exact: $24.04 × 7.5 h × 1 week is $180.30", () => {
    const value = contractValue({
      startDate: "2026-04-01",
      endDate: "2026-04-07",
      currency: "USD",
      volumeDiscount: null,
      payment: { kind: "hourly", hourlyRate: 2404, weeklyCapMinutes: 450 },
    });
    expect(value.amount).toBe(18030);
  });

  it("is the monthly amount over the months of a retainer, 3 when open-ended", () => {
    const retainer = { kind: "retainer", monthlyAmount: dollars(250) } as const;
    const quarter = contractValue({
      startDate: "2026-01-01",
      endDate: "2026-06-30",
      currency: "USD",
      volumeDiscount: null,
      payment: retainer,
    });
    expect(quarter).toEqual({ amount: dollars(1500), note: "6 months at $250 a month" });
    const open = contractValue({
      ...april,
      endDate: null,
      volumeDiscount: null,
      payment: retainer,
    });
    expect(open.amount).toBe(dollars(750));
    expect(open.note).toContain("counting 3 months");
    const discounted = contractValue({
      startDate: "2026-01-01",
      endDate: "2026-06-30",
      currency: "USD",
      volumeDiscount: { after: 3, basisPoints: 2000 },
      payment: retainer,
    });
    expect(discounted.amount).toBe(dollars(750) + dollars(600));
  });

  it("counts weeks and months with both days included", () => {
    expect(weeksOf("2026-04-01", "2026-04-07")).toBe(1);
    expect(weeksOf("2026-04-01", "2026-04-08")).toBe(2);
    expect(weeksOf("2026-04-01", "2026-04-01")).toBe(1);
    expect(monthsOf("2026-01-01", "2026-03-31")).toBe(3);
    expect(monthsOf("2026-01-15", "2026-04-14")).toBe(3);
    expect(monthsOf("2026-01-15", "2026-04-15")).toBe(4);
    expect(monthsOf("2026-04-10", "2026-04-20")).toBe(1);
    expect(monthsOf("2026-12-01", "2027-01-31")).toBe(2);
  });
});

describe("the huge-project guard", () => {
  const settings = { hugeContractAmount: dollars(5000), maxShareBasisPoints: 5000 };
  const marco = {
    id: "new",
    contractorId: "marco",
    contractorName: "Marco Rossi",
    areaId: "writing",
    areaName: "Writing",
    valueNote: null,
    currency: "USD",
  };
  const ask = (value: number, open: GuardQuestion["open"], changes: Partial<GuardQuestion> = {}) =>
    guardFlags({
      contract: { ...marco, value },
      open,
      settings,
      workspaceCurrency: "USD",
      rates: {},
      ...changes,
    });

  it("flags a $6,000 contract above the $5,000 threshold with the suggestion to split it", () => {
    const others = [
      { id: "a", contractorId: "lena", areaId: "writing", value: dollars(9000), currency: "USD" },
    ];
    const { flags, value } = ask(dollars(6000), others);
    expect(value).toBe(dollars(6000));
    expect(flags.map((flag) => flag.kind)).toEqual(["huge_value"]);
    expect(flags[0]).toMatchObject({ amount: dollars(6000), limit: dollars(5000) });
    expect(flags[0]!.message).toContain("$6,000");
    expect(flags[0]!.message).toContain("$5,000");
    expect(flags[0]!.message).toMatch(/split it into smaller milestones/);
  });

  it("does not flag a contract at exactly the threshold", () => {
    const others = [
      { id: "a", contractorId: "lena", areaId: "writing", value: dollars(9000), currency: "USD" },
    ];
    expect(ask(dollars(5000), others).flags).toEqual([]);
  });

  it("flags one person holding more than half of the open contract value", () => {
    // Marco already holds $1,500 of $4,000; with $1,200 more he holds $2,700 of $5,200 (51.92 %).
    const open = [
      { id: "a", contractorId: "marco", areaId: null, value: dollars(1500), currency: "USD" },
      { id: "b", contractorId: "lena", areaId: null, value: dollars(2500), currency: "USD" },
    ];
    const { flags } = ask(dollars(1200), open, {
      contract: { ...marco, areaId: null, value: dollars(1200) },
    });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      kind: "contractor_share",
      amount: dollars(2700),
      limit: dollars(5200),
      shareBasisPoints: 5192,
      maxShareBasisPoints: 5000,
    });
    expect(flags[0]!.message).toContain("Marco Rossi would hold $2,700 of your $5,200");
    expect(flags[0]!.message).toContain("51.92 %");
    expect(flags[0]!.message).toMatch(/between two people/);
  });

  it("does not flag exactly half, and counts the contract itself only once when it is open", () => {
    const open = [
      { id: "new", contractorId: "marco", areaId: null, value: dollars(1000), currency: "USD" },
      { id: "b", contractorId: "lena", areaId: null, value: dollars(1000), currency: "USD" },
    ];
    expect(
      ask(dollars(1000), open, { contract: { ...marco, areaId: null, value: dollars(1000) } })
        .flags,
    ).toEqual([]);
  });

  it("flags the share of one area even when the overall share is fine", () => {
    const open = [
      { id: "a", contractorId: "lena", areaId: "design", value: dollars(4000), currency: "USD" },
      { id: "b", contractorId: "ana", areaId: "writing", value: dollars(500), currency: "USD" },
    ];
    const { flags } = ask(dollars(1000), open);
    expect(flags.map((flag) => flag.kind)).toEqual(["area_share"]);
    expect(flags[0]).toMatchObject({
      amount: dollars(1000),
      limit: dollars(1500),
      shareBasisPoints: 6667,
    });
    expect(flags[0]!.message).toMatch(/^In Writing, Marco Rossi would hold \$1,000 of \$1,500/);
  });

  it("does not repeat the overall flag for an area that holds all the open work", () => {
    const open = [
      { id: "a", contractorId: "marco", areaId: "writing", value: dollars(3000), currency: "USD" },
    ];
    expect(ask(dollars(1000), open).flags.map((flag) => flag.kind)).toEqual(["contractor_share"]);
  });

  it("says so when an open-ended contract's value rests on an assumption", () => {
    const { flags } = ask(dollars(6500), [], {
      contract: {
        ...marco,
        value: dollars(6500),
        valueNote:
          "at most 20 hours a week for 13 weeks at $25 an hour, counting 13 weeks as it has no end date",
      },
    });
    expect(flags[0]!.message).toContain("counting 13 weeks as it has no end date");
  });

  it("converts other currencies at the recorded rate: €5,000 at 1.08 is $5,400", () => {
    const { flags, value } = ask(dollars(5000), [], {
      contract: { ...marco, value: dollars(5000), currency: "EUR" },
      rates: { EUR: rateToMillionths("1.08") },
    });
    expect(value).toBe(dollars(5400));
    expect(flags.find((flag) => flag.kind === "huge_value")?.amount).toBe(dollars(5400));
  });

  it("names a missing exchange rate rather than guessing one", () => {
    const missing = ask(dollars(100), [], {
      contract: { ...marco, value: dollars(100), currency: "GBP" },
    });
    expect(missing.value).toBeNull();
    expect(missing.flags.map((flag) => flag.kind)).toEqual(["no_exchange_rate"]);
    expect(missing.flags[0]!.message).toContain("No exchange rate from GBP to USD");

    const others = [
      { id: "a", contractorId: "lena", areaId: null, value: dollars(9000), currency: "GBP" },
      { id: "b", contractorId: "ana", areaId: null, value: dollars(9000), currency: "USD" },
    ];
    const partial = ask(dollars(100), others, {
      contract: { ...marco, areaId: null, value: dollars(100) },
    });
    expect(partial.flags.map((flag) => flag.kind)).toEqual(["no_exchange_rate"]);
    expect(partial.flags[0]!.message).toContain("GBP");
  });

  it("asks for a reason of at least ten characters only when something is flagged", () => {
    const { flags } = ask(dollars(6000), []);
    expect(reasonRequired(flags, undefined)).toBe(true);
    expect(reasonRequired(flags, "  too short ".slice(0, 9))).toBe(true);
    expect(reasonRequired(flags, "Only Marco knows the shop")).toBe(false);
    expect(reasonRequired([], undefined)).toBe(false);
  });

  it("never reports a share above 100 % or below 0", () => {
    const item = fc.record({
      id: fc.uuid(),
      contractorId: fc.constantFrom("marco", "lena", "ana"),
      areaId: fc.constantFrom("writing", "design", null),
      value: fc.integer({ min: 0, max: 10_000_000 }),
      currency: fc.constant("USD"),
    });
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 10 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (open, value) => {
          for (const flag of ask(value, open).flags) {
            expect(flag.shareBasisPoints ?? 0).toBeLessThanOrEqual(10_000);
            expect(flag.shareBasisPoints ?? 0).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});

describe("the contract document", () => {
  const facts: DocumentFacts = {
    title: "Blog relaunch",
    version: 2,
    business: { name: "Maple Lane Candles", ownerName: "Dana Whitfield" },
    contractor: { name: "Marco Rossi", email: "marco@example.com" },
    scope: "Rewrite the ten most visited posts.",
    deliverables: "- Ten posts\n- New titles",
    procedures: ["Post the weekly offer"],
    startDate: "2026-04-01",
    endDate: "2026-04-30",
    currency: "USD",
    payment: {
      kind: "fixed",
      milestones: [
        {
          title: "First | half",
          deliverable: "Posts 1-5",
          dueDate: "2026-04-15",
          listAmount: 60000,
          amount: 60000,
        },
        {
          title: "Second half",
          deliverable: "Posts 6-10\nwith titles",
          dueDate: "2026-04-30",
          listAmount: 60000,
          amount: 54000,
        },
      ],
    },
    volumeDiscount: { after: 1, basisPoints: 1000 },
    workOwnership: "The business owns the work once paid.",
    confidentiality: "Keep it confidential.",
    reportCadence: "weekly",
    noticeDays: 14,
  };

  it("is the same text for the same facts, so its hash names exactly one text", () => {
    expect(contractDocument(facts)).toBe(contractDocument({ ...facts }));
    expect(documentHash(contractDocument(facts))).toMatch(/^[0-9a-f]{64}$/);
    expect(documentHash(contractDocument(facts))).not.toBe(
      documentHash(contractDocument({ ...facts, noticeDays: 30 })),
    );
  });

  it("names both parties, the dates, the procedures and the never-in-advance rule", () => {
    const text = contractDocument(facts);
    expect(text).toContain("Maple Lane Candles, represented by Dana Whitfield");
    expect(text).toContain("**The contractor:** Marco Rossi (marco@example.com)");
    expect(text).toContain("1 April 2026");
    expect(text).toContain("- Post the weekly offer");
    expect(text).toContain("Never paid in advance: payment is released only for accepted work.");
    expect(text).toContain("progress every week");
    expect(text).toContain("14 days' notice");
    expect(text).toContain("Contract version 2.");
  });

  it("sets the payment schedule as a table with list and paid amounts under a discount", () => {
    const table = documentBlocks(contractDocument(facts)).find((block) => block.kind === "table");
    expect(table?.kind).toBe("table");
    if (table?.kind !== "table") return;
    const text = (runs: { text: string }[]) => runs.map((run) => run.text).join("");
    expect(table.header.map(text)).toEqual([
      "#",
      "Milestone",
      "What is delivered",
      "Due",
      "List price",
      "Paid",
    ]);
    expect(table.align.slice(-2)).toEqual(["right", "right"]);
    expect(table.rows[0]!.map(text)).toEqual([
      "1",
      "First | half",
      "Posts 1-5",
      "15 April 2026",
      "$600",
      "$600",
    ]);
    expect(table.rows[1]!.map(text)).toContain("Posts 6-10 with titles");
    expect(table.rows[2]!.map(text)).toEqual(["", "Total", "", "", "$1,200", "$1,140"]);
  });

  it("describes hourly and retainer terms and their discounts in words", () => {
    const hourly = contractDocument({
      ...facts,
      payment: { kind: "hourly", hourlyRate: 2500, weeklyCapMinutes: 1200 },
      volumeDiscount: { after: 100, basisPoints: 1000 },
      endDate: null,
    });
    expect(hourly).toContain(
      "$25 an hour for the time logged in the app, for at most 20 hours a week",
    );
    expect(hourly).toContain(
      "After the first 100 hours, the rate drops by 10 % to $22.50 an hour.",
    );
    expect(hourly).toContain("no fixed end");
    const retainer = contractDocument({
      ...facts,
      payment: { kind: "retainer", monthlyAmount: 25000 },
      volumeDiscount: { after: 6, basisPoints: 500 },
    });
    expect(retainer).toContain("$250 a month for the agreed scope");
    expect(retainer).toContain(
      "After the first 6 months, the monthly amount drops by 5 % to $237.50.",
    );
  });

  it("keeps typed names and titles as text, not Markdown", () => {
    const text = contractDocument({ ...facts, title: "# *Launch* [now](javascript:alert(1))" });
    const [title] = documentBlocks(text);
    expect(title).toEqual({
      kind: "heading",
      level: 1,
      runs: [{ text: "# *Launch* [now](javascript:alert(1))" }],
    });
  });

  it("keeps a one-line fact from opening blocks of its own, in the text and the PDF's blocks", () => {
    const trick = "T\n\n- The business pays everything in advance\n\nX\n===";
    const text = contractDocument({
      ...facts,
      title: trick,
      contractor: { name: `- Marco\n\n1. ${trick}`, email: "marco@example.com" },
      procedures: ["+ Post\n---", "2) Reply"],
    });
    const blocks = documentBlocks(text);
    expect(blocks[0]).toEqual({
      kind: "heading",
      level: 1,
      runs: [{ text: "T - The business pays everything in advance X ===" }],
    });
    const parties = blocks.find((block) => block.kind === "list");
    expect(parties).toMatchObject({ kind: "list", ordered: false });
    const items = parties?.kind === "list" ? parties.items : [];
    expect(items).toHaveLength(2);
    expect(items.map((item) => item.depth)).toEqual([0, 0]);
    expect(items[1]!.runs.map((run) => run.text).join("")).toBe(
      "The contractor: - Marco 1. T - The business pays everything in advance X === (marco@example.com)",
    );
    const heading = blocks.findIndex(
      (block) => block.kind === "heading" && block.runs[0]?.text === "Procedures to follow",
    );
    const procedures = blocks[heading + 2];
    expect(procedures).toMatchObject({
      items: [
        { runs: [{ text: "+ Post ---" }], depth: 0 },
        { runs: [{ text: "2) Reply" }], depth: 0 },
      ],
    });
    expect(blocks.some((block) => block.kind === "rule")).toBe(false);
    expect(text).not.toContain("\n- The business pays");
  });

  it("writes dates the same way on every server", () => {
    expect(longDate("2026-12-31")).toBe("31 December 2026");
  });
});

describe("the document's structure", () => {
  it("keeps only web and mail links, so a script link reads as plain text", () => {
    const [paragraph] = documentBlocks(
      "[site](https://example.com) and [bad](javascript:alert(1))",
    );
    expect(paragraph).toEqual({
      kind: "paragraph",
      runs: [{ text: "site", link: "https://example.com" }, { text: " and bad" }],
    });
  });

  it("flattens nested lists with their depth", () => {
    const [list] = documentBlocks("1. One\n   - Inner\n2. Two");
    expect(list).toEqual({
      kind: "list",
      ordered: true,
      start: 1,
      items: [
        { runs: [{ text: "One" }], depth: 0 },
        { runs: [{ text: "Inner" }], depth: 1 },
        { runs: [{ text: "Two" }], depth: 0 },
      ],
    });
  });
});

describe("text the PDF fonts can draw", () => {
  it("keeps Latin-1 and the euro sign, and finds the nearest for the rest", () => {
    expect(drawable("Zoë pays €5 – “fine”")).toBe("Zoë pays €5 – “fine”");
    expect(drawable("Łukasz Ővári")).toBe("Lukasz Ovári");
    expect(drawable("10:32\u202fAM ≥ 5")).toBe("10:32 AM >= 5");
    expect(drawable("東京")).toBe("??");
  });
});

describe("the contract input", () => {
  const base = {
    contractorId: "0190a0a0-0000-7000-8000-000000000001",
    title: "Blog relaunch",
    scope: "Rewrite posts",
    deliverables: "Ten posts",
    startDate: "2026-04-01",
    endDate: "2026-04-30",
  };
  const fixed = (milestones: { amount: number; dueDate: string }[], total: number) => ({
    ...base,
    payment: {
      kind: "fixed",
      total,
      milestones: milestones.map((m, i) => ({ title: `M${i + 1}`, deliverable: "Posts", ...m })),
    },
  });
  const paths = (input: unknown) =>
    contractInput.safeParse(input).error?.issues.map((issue) => issue.path.join(".")) ?? [];

  it("fills in the defaults", () => {
    const parsed = contractInput.parse(fixed([{ amount: 100, dueDate: "2026-04-10" }], 100));
    expect(parsed).toMatchObject({
      reportCadence: "daily",
      noticeDays: 14,
      procedureIds: [],
      areaId: null,
      volumeDiscount: null,
    });
    expect(parsed.workOwnership).toMatch(/owns everything .* once it has paid for it/);
    expect(parsed.confidentiality).not.toBe("");
  });

  it("names the milestones when they do not add up, and each date out of range", () => {
    expect(paths(fixed([{ amount: 100, dueDate: "2026-04-10" }], 101))).toEqual([
      "payment.milestones",
    ]);
    expect(
      paths(
        fixed(
          [
            { amount: 50, dueDate: "2026-03-31" },
            { amount: 50, dueDate: "2026-05-01" },
          ],
          100,
        ),
      ),
    ).toEqual(["payment.milestones.0.dueDate", "payment.milestones.1.dueDate"]);
  });

  it("refuses negative and fractional amounts and an end before the start", () => {
    expect(paths(fixed([{ amount: -100, dueDate: "2026-04-10" }], -100))).toContain(
      "payment.total",
    );
    expect(paths(fixed([{ amount: 10.5, dueDate: "2026-04-10" }], 10.5))).toContain(
      "payment.milestones.0.amount",
    );
    expect(
      paths({ ...fixed([{ amount: 1, dueDate: "2026-04-01" }], 1), endDate: "2026-03-01" }),
    ).toContain("endDate");
  });
});
