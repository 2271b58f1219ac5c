import { allocate, dinero, toSnapshot } from "dinero.js/bigint";
import { minorUnits } from "./amount.ts";

/**
 * Splitting a total into parts without losing or inventing a cent: the parts always sum to
 * the total, and what cannot be divided evenly goes one minor unit at a time to the first
 * parts. Computed in BigInt so a large total times a share stays exact.
 */

function split(total: number, currency: string, ratios: readonly bigint[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError("A total is a whole, non-negative number of minor units");
  }
  const money = dinero({
    amount: BigInt(total),
    currency: { code: currency, base: 10n, exponent: BigInt(minorUnits(currency)) },
  });
  return allocate(money, ratios).map((part) => Number(toSnapshot(part).amount));
}

/** `total` in `parts` equal parts; the first ones get the leftover minor units. */
export function splitEvenly(total: number, parts: number, currency = "USD"): number[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError("Split into at least one part");
  return split(
    total,
    currency,
    Array.from({ length: parts }, () => 1n),
  );
}

/**
 * `total` in proportion to shares in basis points (2500 = 25 %). The shares need not sum to
 * 100 %: each part is its share of their sum.
 */
export function splitByShares(
  total: number,
  basisPoints: readonly number[],
  currency = "USD",
): number[] {
  if (basisPoints.length === 0) throw new RangeError("Split into at least one part");
  if (basisPoints.some((share) => !Number.isInteger(share) || share < 0)) {
    throw new RangeError("Shares are whole, non-negative basis points");
  }
  if (basisPoints.every((share) => share === 0)) {
    throw new RangeError("At least one share is more than 0");
  }
  return split(total, currency, basisPoints.map(BigInt));
}
