import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitByShares, splitEvenly } from "../../src/money/allocate.ts";
import { MAX_AMOUNT } from "../../src/money/schema.ts";

const sum = (parts: readonly number[]) => parts.reduce((total, part) => total + part, 0);

describe("splitting a total evenly", () => {
  it("gives the leftover cents to the first parts: $100 in three is $33.34, $33.33, $33.33", () => {
    expect(splitEvenly(10_000, 3)).toEqual([3334, 3333, 3333]);
  });

  it("splits the seed's $4,500 project into three milestones of $1,500", () => {
    expect(splitEvenly(450_000, 3)).toEqual([150_000, 150_000, 150_000]);
  });

  it("splits yen, which have no minor unit, into whole yen", () => {
    expect(splitEvenly(1000, 3, "JPY")).toEqual([334, 333, 333]);
  });

  it("gives every part nothing when there is nothing to split", () => {
    expect(splitEvenly(0, 4)).toEqual([0, 0, 0, 0]);
  });

  it("stays exact at the largest amount accepted", () => {
    const parts = splitEvenly(MAX_AMOUNT + 1, 7);
    expect(sum(parts)).toBe(MAX_AMOUNT + 1);
    expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
  });

  it("refuses no parts, a negative total and a fraction of a cent", () => {
    expect(() => splitEvenly(100, 0)).toThrow(RangeError);
    expect(() => splitEvenly(-100, 2)).toThrow(RangeError);
    expect(() => splitEvenly(10.5, 2)).toThrow(RangeError);
  });

  it("always sums to the total, never goes negative, and parts differ by at most one cent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_AMOUNT }),
        fc.integer({ min: 1, max: 50 }),
        (total, count) => {
          const parts = splitEvenly(total, count);
          expect(parts).toHaveLength(count);
          expect(sum(parts)).toBe(total);
          expect(parts.every((part) => Number.isInteger(part) && part >= 0)).toBe(true);
          expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe("splitting a total by percentages", () => {
  it("splits $4,500 into 20 %, 30 % and 50 %", () => {
    expect(splitByShares(450_000, [2000, 3000, 5000])).toEqual([90_000, 135_000, 225_000]);
  });

  it("keeps every cent when a third will not divide: $100.00 at 33.33 % / 33.33 % / 33.34 %", () => {
    const parts = splitByShares(10_000, [3333, 3333, 3334]);
    expect(sum(parts)).toBe(10_000);
    expect(parts).toEqual([3333, 3333, 3334]);
  });

  it("reads shares relative to their sum when they do not make 100 %", () => {
    expect(splitByShares(900, [1, 2])).toEqual([300, 600]);
  });

  it("gives a zero share nothing", () => {
    expect(splitByShares(1001, [0, 5000, 5000])[0]).toBe(0);
  });

  it("refuses no shares, only zero shares and negative shares", () => {
    expect(() => splitByShares(100, [])).toThrow(RangeError);
    expect(() => splitByShares(100, [0, 0])).toThrow(RangeError);
    expect(() => splitByShares(100, [5000, -5000])).toThrow(RangeError);
  });

  it("always sums to the total and never goes negative, whatever the shares", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_AMOUNT }),
        fc
          .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 50 })
          .filter((shares) => shares.some((share) => share > 0)),
        (total, shares) => {
          const parts = splitByShares(total, shares);
          expect(parts).toHaveLength(shares.length);
          expect(sum(parts)).toBe(total);
          expect(parts.every((part) => Number.isInteger(part) && part >= 0)).toBe(true);
          shares.forEach((share, index) => {
            if (share === 0) expect(parts[index]).toBe(0);
          });
        },
      ),
    );
  });

  it("is within one cent of the exact proportion", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 20 }),
        (total, shares) => {
          const parts = splitByShares(total, shares);
          const whole = sum(shares);
          parts.forEach((part, index) => {
            expect(Math.abs(part - (total * shares[index]!) / whole)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
