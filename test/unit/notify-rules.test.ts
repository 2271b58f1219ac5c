import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deliveryPolicy, hasAttemptsLeft, retryDelay } from "../../src/notify/rules.ts";

const SECOND = 1_000;
const HOUR = 60 * 60 * SECOND;

describe("retryDelay", () => {
  it("waits 30 s after the first failure and doubles after each further one", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelay)).toEqual(
      [30, 60, 120, 240, 480, 960, 1920].map((seconds) => seconds * SECOND),
    );
  });

  it("never waits longer than an hour", () => {
    expect(retryDelay(8)).toBe(HOUR);
    expect(retryDelay(50)).toBe(HOUR);
    expect(retryDelay(5_000)).toBe(HOUR);
  });

  it("treats no failure yet like the first", () => {
    expect(retryDelay(0)).toBe(30 * SECOND);
  });

  it("never shrinks as failures mount, and stays between 30 s and the cap", () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), fc.nat({ max: 100_000 }), (a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(retryDelay(fewer)).toBeLessThanOrEqual(retryDelay(more));
        for (const attempts of [fewer, more]) {
          expect(retryDelay(attempts)).toBeLessThanOrEqual(deliveryPolicy.longestWaitMs);
          expect(retryDelay(attempts)).toBeGreaterThanOrEqual(deliveryPolicy.firstRetryMs);
        }
      }),
    );
  });
});

describe("hasAttemptsLeft", () => {
  it("allows eight attempts in all", () => {
    expect(deliveryPolicy.maxAttempts).toBe(8);
    expect(hasAttemptsLeft(7)).toBe(true);
    expect(hasAttemptsLeft(8)).toBe(false);
  });

  it("does not retry for longer than about four hours in total", () => {
    let total = 0;
    for (let attempts = 1; hasAttemptsLeft(attempts); attempts += 1) total += retryDelay(attempts);
    expect(total).toBe((30 + 60 + 120 + 240 + 480 + 960 + 1920) * SECOND);
    expect(total).toBeLessThan(4 * HOUR);
  });
});
