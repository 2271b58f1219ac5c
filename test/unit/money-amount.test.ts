import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatMajorAmount,
  formatMoney,
  minorUnits,
  parseMajorAmount,
} from "../../src/money/amount.ts";
import { MAX_AMOUNT } from "../../src/money/schema.ts";

describe("parseMajorAmount", () => {
  it.each([
    ["12.50", 1250],
    ["12.5", 1250],
    ["12", 1200],
    ["0.05", 5],
    ["0", 0],
    [" 7.00 ", 700],
    ["0012.30", 1230],
    ["10000000000.00", MAX_AMOUNT],
  ])("reads %j in USD as %i cents", (text, cents) => {
    expect(parseMajorAmount(text, "USD")).toBe(cents);
  });

  it.each([
    "12.505",
    "12.",
    ".5",
    "-1",
    "+1",
    "1,000",
    "1 000",
    "1e3",
    "12,50",
    "",
    "abc",
    "12345678901234",
  ])("refuses %j in USD", (text) => {
    expect(parseMajorAmount(text, "USD")).toBeNull();
  });

  it("reads whole yen only: JPY has no minor unit", () => {
    expect(minorUnits("JPY")).toBe(0);
    expect(parseMajorAmount("1500", "JPY")).toBe(1500);
    expect(parseMajorAmount("1500.5", "JPY")).toBeNull();
    expect(parseMajorAmount("1500.0", "JPY")).toBeNull();
  });

  it("reads three decimals for a currency that has them (KWD)", () => {
    expect(parseMajorAmount("1.234", "KWD")).toBe(1234);
    expect(parseMajorAmount("1.2345", "KWD")).toBeNull();
  });
});

describe("formatMajorAmount", () => {
  it.each([
    [1250, "USD", "12.50"],
    [5, "USD", "0.05"],
    [0, "USD", "0.00"],
    [-1250, "USD", "-12.50"],
    [1500, "JPY", "1500"],
    [1234, "KWD", "1.234"],
  ])("writes %i %s as %j", (cents, currency, text) => {
    expect(formatMajorAmount(cents, currency)).toBe(text);
  });

  it.each(["USD", "EUR", "JPY", "KWD"])(
    "reads back every amount it writes in %s, up to the maximum",
    (currency) => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: MAX_AMOUNT }), (cents) => {
          expect(parseMajorAmount(formatMajorAmount(cents, currency), currency)).toBe(cents);
        }),
      );
    },
  );
});

describe("formatMoney", () => {
  it("shows cents only when there are some", () => {
    expect(formatMoney(2404, "USD")).toBe("$24.04");
    expect(formatMoney(7500, "USD")).toBe("$75");
    expect(formatMoney(37_800, "USD")).toBe("$378");
    expect(formatMoney(15_750, "USD")).toBe("$157.50");
  });

  it("shows yen without decimals", () => {
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
  });
});
