import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LedgerAccountKind } from "../../src/db/tables.ts";
import {
  barterAccountKinds,
  barterBalance,
  barterSides,
  deliveryEntries,
  sideOf,
} from "../../src/ledger/barter-rules.ts";
import { reversalEntries, unbalancedReason } from "../../src/ledger/rules.ts";

const barterId = "0190a0a0-0000-7000-8000-0000000000b1";
const agreed = { givesValue: 200_000, getsValue: 150_000 };

/** The sums of the accounts after posting these entry sets. */
function sumsOf(movements: ReturnType<typeof deliveryEntries>[]) {
  const sums: Partial<Record<LedgerAccountKind, number>> = {};
  for (const entries of movements) {
    for (const entry of entries) {
      sums[entry.account.kind] = (sums[entry.account.kind] ?? 0) + entry.amount;
    }
  }
  return sums;
}

describe("deliveryEntries", () => {
  it("touches only this agreement's barter accounts, never cash", () => {
    for (const side of barterSides) {
      for (const entry of deliveryEntries(barterId, side, 5000)) {
        expect(barterAccountKinds).toContain(entry.account.kind);
        expect(entry.account.barterId).toBe(barterId);
      }
    }
  });

  it("reads the side back from the account it credits", () => {
    for (const side of barterSides) {
      const credited = deliveryEntries(barterId, side, 5000).find((entry) => entry.amount > 0);
      expect(sideOf(credited!.account.kind)).toBe(side);
    }
  });
});

describe("barterBalance", () => {
  it("is zero on both sides before anything is delivered", () => {
    expect(barterBalance({}, agreed)).toEqual({
      given: 0,
      received: 0,
      owedToBusiness: 0,
      leftToGive: 200_000,
      leftToReceive: 150_000,
    });
  });

  it("says the partner owes $500 after $1,200 given and $700 received", () => {
    const sums = sumsOf([
      deliveryEntries(barterId, "given", 120_000),
      deliveryEntries(barterId, "received", 70_000),
    ]);
    expect(barterBalance(sums, agreed)).toEqual({
      given: 120_000,
      received: 70_000,
      owedToBusiness: 50_000,
      leftToGive: 80_000,
      leftToReceive: 80_000,
    });
  });

  it("says the business owes when it has received more than it gave", () => {
    const sums = sumsOf([deliveryEntries(barterId, "received", 160_000)]);
    expect(barterBalance(sums, agreed)).toMatchObject({
      owedToBusiness: -160_000,
      leftToReceive: 0,
    });
  });

  it("forgets a delivery that is reversed", () => {
    const given = deliveryEntries(barterId, "given", 30_000);
    const sums = sumsOf([given, reversalEntries(given)]);
    expect(barterBalance(sums, agreed)).toMatchObject({ given: 0, owedToBusiness: 0 });
  });

  it("balances every delivery, and what is owed is always given less received", () => {
    const delivery = fc.record({
      side: fc.constantFrom(...barterSides),
      value: fc.integer({ min: 1, max: 1_000_000_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(delivery, { maxLength: 30 }), (deliveries) => {
        const movements = deliveries.map(({ side, value }) =>
          deliveryEntries(barterId, side, value),
        );
        for (const [index, entries] of movements.entries()) {
          expect(unbalancedReason(deliveries[index]!.value, entries)).toBeNull();
        }
        const balance = barterBalance(sumsOf(movements), agreed);
        const total = (side: string) =>
          deliveries.filter((d) => d.side === side).reduce((sum, d) => sum + d.value, 0);
        expect(balance.given).toBe(total("given"));
        expect(balance.received).toBe(total("received"));
        expect(balance.owedToBusiness).toBe(balance.given - balance.received);
      }),
    );
  });
});
