import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  contractMonths,
  monthsFrom,
  monthSubmissionRefusal,
  retainerAmount,
} from "../../src/contracts/retainer-rules.ts";

describe("contractMonths", () => {
  it("runs from the start month to the current month", () => {
    expect(
      contractMonths({ startDate: "2025-11-15", endDate: null, currentMonth: "2026-02" }),
    ).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("stops at the end month when the contract is over", () => {
    expect(
      contractMonths({ startDate: "2026-01-10", endDate: "2026-03-20", currentMonth: "2026-08" }),
    ).toEqual(["2026-01", "2026-02", "2026-03"]);
  });

  it("has no months before the contract starts", () => {
    expect(
      contractMonths({ startDate: "2026-05-01", endDate: null, currentMonth: "2026-04" }),
    ).toEqual([]);
  });

  it("counts every month once, in order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 60 }), (a, n) => {
        const first = `${2000 + Math.floor(a / 12)}-${String((a % 12) + 1).padStart(2, "0")}`;
        const months = monthsFrom(first, "2100-12").slice(0, n + 1);
        expect(new Set(months).size).toBe(months.length);
        expect([...months].sort()).toEqual(months);
      }),
    );
  });
});

describe("addMonths", () => {
  it.each([
    ["2026-03", -2, "2026-01"],
    ["2026-01", -1, "2025-12"],
    ["2025-11", 3, "2026-02"],
    ["2026-03", 0, "2026-03"],
  ])("moves %s by %i to %s", (month, count, moved) => {
    expect(addMonths(month, count)).toBe(moved);
  });
});

describe("retainerAmount", () => {
  const retainer = { monthlyAmount: 150_000, startDate: "2026-01-20" };
  const discount = { after: 3, basisPoints: 1000 };

  it("pays the monthly amount without a discount", () => {
    expect(retainerAmount({ ...retainer, discount: null, month: "2026-09" })).toBe(150_000);
  });

  it("pays the first three months in full and 10 % less from the fourth", () => {
    expect(retainerAmount({ ...retainer, discount, month: "2026-01" })).toBe(150_000);
    expect(retainerAmount({ ...retainer, discount, month: "2026-03" })).toBe(150_000);
    expect(retainerAmount({ ...retainer, discount, month: "2026-04" })).toBe(135_000);
    expect(retainerAmount({ ...retainer, discount, month: "2027-01" })).toBe(135_000);
  });

  it("rounds the discounted amount once: $999.99 less 12.5 % = $874.99125 → $874.99", () => {
    expect(
      retainerAmount({
        monthlyAmount: 99_999,
        startDate: "2026-01-01",
        discount: { after: 1, basisPoints: 1250 },
        month: "2026-02",
      }),
    ).toBe(87_499);
  });
});

describe("monthSubmissionRefusal", () => {
  const month = {
    month: "2026-03",
    currentMonth: "2026-03",
    startDate: "2026-01-15",
    endDate: "2026-06-30",
    finishedMonth: null,
    status: null,
  };

  it("lets the current month and earlier ones be submitted, again after a send-back", () => {
    expect(monthSubmissionRefusal(month)).toBeNull();
    expect(monthSubmissionRefusal({ ...month, month: "2026-01" })).toBeNull();
    expect(monthSubmissionRefusal({ ...month, status: "sent_back" })).toBeNull();
  });

  it("refuses months outside the contract, months to come and closed months", () => {
    expect(monthSubmissionRefusal({ ...month, month: "2025-12" })?.code).toBe(
      "retainer.outside_contract",
    );
    expect(
      monthSubmissionRefusal({ ...month, month: "2026-07", currentMonth: "2026-08" })?.code,
    ).toBe("retainer.outside_contract");
    expect(monthSubmissionRefusal({ ...month, month: "2026-04" })).toMatchObject({
      code: "retainer.future_month",
      field: "month",
    });
    expect(monthSubmissionRefusal({ ...month, status: "accepted" })).toMatchObject({
      kind: "conflict",
      code: "retainer.month_closed",
    });
  });

  it("refuses months after the contract was ended early or completed, but not the month it finished in", () => {
    const ended = { ...month, currentMonth: "2026-05", finishedMonth: "2026-03" };
    expect(monthSubmissionRefusal(ended)).toBeNull();
    expect(monthSubmissionRefusal({ ...ended, month: "2026-04" })).toMatchObject({
      code: "retainer.after_finish",
      field: "month",
    });
  });
});
