import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  awaitingRelease,
  escrowCoverage,
  releaseRefusal,
  reviewRefusal,
  submitRefusal,
} from "../../src/contracts/delivery-rules.ts";
import type { MilestoneStatus } from "../../src/db/tables.ts";
import {
  accountKey,
  accounts,
  bonusEntries,
  fundEntries,
  monthWindow,
  mustStayCovered,
  payoutEntries,
  refundEntries,
  releaseEntries,
  releaseSplit,
  reversalEntries,
  spendInMonth,
  unbalancedReason,
  type EntryLine,
} from "../../src/ledger/rules.ts";
import { personSpend } from "../../src/people/analytics-rules.ts";
import { monthOf } from "../../src/time/calendar.ts";

const amount = fc.integer({ min: 1, max: 1_000_000_000 });
const held = fc.integer({ min: 0, max: 2_000_000_000 });

/** The total moved by a set of entries: what goes in equals what comes out. */
const movedBy = (entries: readonly EntryLine[]) =>
  entries.filter((entry) => entry.amount > 0).reduce((sum, entry) => sum + entry.amount, 0);

describe("accounts", () => {
  it("names each account by kind, owner and currency", () => {
    expect(accountKey(accounts.funds, "USD")).toBe("funds:USD");
    expect(accountKey(accounts.escrow("c1"), "EUR")).toBe("escrow:c1:EUR");
    expect(accountKey(accounts.payable("p1"), "USD")).toBe("payable:p1:USD");
    expect(accountKey(accounts.paidOut("p1"), "USD")).toBe("paid_out:p1:USD");
    expect(accountKey({ kind: "barter_owed", barterId: "b1" }, "USD")).toBe("barter_owed:b1:USD");
    expect(() => accountKey({ kind: "escrow" }, "USD")).toThrow(/contractId/);
  });

  it("keeps escrow, owed and paid-out money from going below zero, but not the business's funds", () => {
    expect(["escrow", "payable", "paid_out"].every((kind) => mustStayCovered(kind as never))).toBe(
      true,
    );
    expect(mustStayCovered("funds")).toBe(false);
  });
});

describe("every movement balances", () => {
  it("refuses entries that do not sum to zero, a zero or fractional entry, or the wrong amount", () => {
    const funds = accounts.funds;
    const escrow = accounts.escrow("c1");
    expect(
      unbalancedReason(100, [
        { account: funds, amount: -100 },
        { account: escrow, amount: 100 },
      ]),
    ).toBeNull();
    expect(
      unbalancedReason(100, [
        { account: funds, amount: -100 },
        { account: escrow, amount: 99 },
      ]),
    ).toMatch(/sum to -1/);
    expect(unbalancedReason(100, [{ account: funds, amount: -100 }])).toMatch(/two entries/);
    expect(
      unbalancedReason(100, [
        { account: funds, amount: -0.5 },
        { account: escrow, amount: 0.5 },
      ]),
    ).toMatch(/whole/);
    expect(
      unbalancedReason(100, [
        { account: funds, amount: 0 },
        { account: escrow, amount: 0 },
      ]),
    ).toMatch(/non-zero/);
    expect(
      unbalancedReason(50, [
        { account: funds, amount: -100 },
        { account: escrow, amount: 100 },
      ]),
    ).toMatch(/move 100, not 50/);
    expect(unbalancedReason(0, [])).toMatch(/positive/);
  });

  it("fund, refund, release, payout, bonus and any reversal balance and move exactly their amount", () => {
    fc.assert(
      fc.property(amount, held, (value, escrowHeld) => {
        const movements = [
          fundEntries("c1", value),
          refundEntries("c1", value),
          releaseEntries("c1", "p1", value, escrowHeld),
          payoutEntries("p1", value),
          bonusEntries("p1", value),
        ];
        for (const entries of movements) {
          expect(unbalancedReason(value, entries)).toBeNull();
          expect(unbalancedReason(value, reversalEntries(entries))).toBeNull();
          expect(movedBy(entries)).toBe(value);
        }
      }),
    );
  });

  it("a reversal cancels its movement account by account", () => {
    fc.assert(
      fc.property(amount, held, (value, escrowHeld) => {
        const original = releaseEntries("c1", "p1", value, escrowHeld);
        const net = new Map<string, number>();
        for (const entry of [...original, ...reversalEntries(original)]) {
          const key = accountKey(entry.account, "USD");
          net.set(key, (net.get(key) ?? 0) + entry.amount);
        }
        expect([...net.values()].every((sum) => sum === 0)).toBe(true);
      }),
    );
  });
});

describe("releasing accepted work", () => {
  it("takes from escrow what it holds, never more, and the rest from funds", () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: -1_000, max: 2_000_000_000 }), (value, escrowHeld) => {
        const { fromEscrow, fromFunds } = releaseSplit(value, escrowHeld);
        expect(fromEscrow).toBeGreaterThanOrEqual(0);
        expect(fromFunds).toBeGreaterThanOrEqual(0);
        expect(fromEscrow).toBeLessThanOrEqual(Math.max(0, escrowHeld));
        expect(fromEscrow + fromFunds).toBe(value);
      }),
    );
    expect(releaseEntries("c1", "p1", 40_000, 50_000)).toEqual([
      { account: accounts.escrow("c1"), amount: -40_000 },
      { account: accounts.payable("p1"), amount: 40_000 },
    ]);
    expect(releaseEntries("c1", "p1", 40_000, 10_000)).toEqual([
      { account: accounts.escrow("c1"), amount: -10_000 },
      { account: accounts.funds, amount: -30_000 },
      { account: accounts.payable("p1"), amount: 40_000 },
    ]);
    expect(releaseEntries("c1", "p1", 40_000, 0)).toEqual([
      { account: accounts.funds, amount: -40_000 },
      { account: accounts.payable("p1"), amount: 40_000 },
    ]);
  });

  it("pays accepted work only, and only once", () => {
    const statuses: MilestoneStatus[] = ["open", "submitted", "sent_back", "accepted", "released"];
    expect(statuses.map((status) => releaseRefusal(status)?.code ?? null)).toEqual([
      "payment.not_accepted",
      "payment.not_accepted",
      "payment.not_accepted",
      null,
      "payment.already_released",
    ]);
    expect(statuses.map((status) => reviewRefusal(status)?.code ?? null)).toEqual([
      "milestone.not_submitted",
      null,
      "milestone.not_submitted",
      "milestone.not_submitted",
      "milestone.not_submitted",
    ]);
  });

  it("takes hand-ins of open or sent-back milestones of an active contract, and sends other kinds elsewhere", () => {
    const milestone = (status: MilestoneStatus) => ({ kind: "milestone" as const, status });
    expect(submitRefusal("active", milestone("open"))).toBeNull();
    expect(submitRefusal("active", milestone("sent_back"))).toBeNull();
    expect(submitRefusal("active", milestone("submitted"))?.code).toBe("milestone.not_open");
    expect(submitRefusal("active", milestone("released"))?.code).toBe("milestone.not_open");
    expect(submitRefusal("sent", milestone("open"))?.code).toBe("milestone.contract_not_active");
    expect(submitRefusal("completed", milestone("open"))?.code).toBe(
      "milestone.contract_not_active",
    );
    expect(submitRefusal("active", { kind: "timesheet", status: "open" })).toMatchObject({
      kind: "rule",
      code: "milestone.submit_elsewhere",
      message: expect.stringContaining("timesheet"),
    });
    expect(submitRefusal("active", { kind: "retainer", status: "sent_back" })?.code).toBe(
      "milestone.submit_elsewhere",
    );
  });

  it("shows escrow covering the earliest unpaid work first, never more than it holds", () => {
    const status = fc.constantFrom<MilestoneStatus>(
      "open",
      "submitted",
      "sent_back",
      "accepted",
      "released",
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount, status }), { maxLength: 12 }),
        fc.integer({ min: -100, max: 5_000_000_000 }),
        (list, escrowHeld) => {
          const milestones = list.map((m, index) => ({ ...m, id: `m${index}` }));
          const covered = escrowCoverage(milestones, escrowHeld);
          let total = 0;
          let shortSeen = false;
          for (const milestone of milestones) {
            const share = covered.get(milestone.id);
            if (milestone.status === "released") {
              expect(share).toBeUndefined();
              continue;
            }
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(milestone.amount);
            if (shortSeen) expect(share).toBe(0);
            if (share! < milestone.amount) shortSeen = true;
            total += share!;
          }
          expect(total).toBeLessThanOrEqual(Math.max(0, escrowHeld));
        },
      ),
    );
    expect(
      awaitingRelease([
        { amount: 100, status: "accepted" },
        { amount: 50, status: "released" },
        { amount: 7, status: "accepted" },
        { amount: 9, status: "submitted" },
      ]),
    ).toBe(107);
  });
});

/**
 * A model of the ledger driven only by the rules, with the gates the service applies:
 * refunds and payouts never exceed the account they take from, releases are for accepted
 * work once, and reversals are of payouts or bonuses whose accounts stay covered.
 */
type Operation =
  | { kind: "fund" | "refund" | "bonus" | "payout"; amount: number }
  | { kind: "accept" | "release"; milestone: number }
  | { kind: "reverse"; which: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("fund", "refund", "bonus", "payout"),
    amount: fc.integer({ min: 1, max: 100_000 }),
  }) as fc.Arbitrary<Operation>,
  fc.record({
    kind: fc.constantFrom("accept", "release"),
    milestone: fc.integer({ min: 0, max: 4 }),
  }) as fc.Arbitrary<Operation>,
  fc.record({ kind: fc.constant("reverse"), which: fc.nat() }) as fc.Arbitrary<Operation>,
);

describe("the ledger over any sequence of operations", () => {
  it("balances, keeps held money covered, and never releases more than accepted work", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 5, maxLength: 5 }),
        fc.array(operation, { maxLength: 40 }),
        (amounts, operations) => {
          const journal: { kind: string; entries: EntryLine[]; reversed: boolean }[] = [];
          const status: ("open" | "accepted" | "released")[] = amounts.map(() => "open");
          const balance = (ref: EntryLine["account"]) =>
            journal
              .flatMap((movement) => movement.entries)
              .filter((entry) => accountKey(entry.account, "USD") === accountKey(ref, "USD"))
              .reduce((sum, entry) => sum + entry.amount, 0);
          const post = (kind: string, entries: EntryLine[]) => {
            expect(unbalancedReason(movedBy(entries), entries)).toBeNull();
            const covered = entries.every(
              (entry) =>
                entry.amount > 0 ||
                !mustStayCovered(entry.account.kind) ||
                balance(entry.account) + entry.amount >= 0,
            );
            if (covered) journal.push({ kind, entries, reversed: false });
          };
          for (const op of operations) {
            if (op.kind === "fund") post("fund", fundEntries("c1", op.amount));
            if (op.kind === "refund") post("refund", refundEntries("c1", op.amount));
            if (op.kind === "bonus") post("bonus", bonusEntries("p1", op.amount));
            if (op.kind === "payout") post("payout", payoutEntries("p1", op.amount));
            if (op.kind === "accept" && status[op.milestone] === "open")
              status[op.milestone] = "accepted";
            if (op.kind === "release" && releaseRefusal(status[op.milestone]!) === null) {
              post(
                "release",
                releaseEntries("c1", "p1", amounts[op.milestone]!, balance(accounts.escrow("c1"))),
              );
              status[op.milestone] = "released";
            }
            if (op.kind === "reverse") {
              const candidates = journal.filter(
                (m) => ["payout", "bonus"].includes(m.kind) && !m.reversed,
              );
              const target = candidates[op.which % Math.max(1, candidates.length)];
              if (target) {
                const before = journal.length;
                post("reversal", reversalEntries(target.entries));
                if (journal.length > before) target.reversed = true;
              }
            }
          }
          const all = journal.flatMap((movement) => movement.entries);
          expect(all.reduce((sum, entry) => sum + entry.amount, 0)).toBe(0);
          for (const ref of [
            accounts.escrow("c1"),
            accounts.payable("p1"),
            accounts.paidOut("p1"),
          ]) {
            expect(balance(ref)).toBeGreaterThanOrEqual(0);
          }
          const released = journal
            .filter((movement) => movement.kind === "release")
            .reduce((sum, movement) => sum + movedBy(movement.entries), 0);
          const accepted = amounts
            .filter((_, index) => status[index] === "released")
            .reduce((a, b) => a + b, 0);
          expect(released).toBe(accepted);
          // What was ever owed is released work plus bonuses not reversed.
          const bonuses = journal
            .filter((movement) => movement.kind === "bonus" && !movement.reversed)
            .reduce((sum, movement) => sum + movedBy(movement.entries), 0);
          expect(balance(accounts.payable("p1")) + balance(accounts.paidOut("p1"))).toBe(
            released + bonuses,
          );
        },
      ),
    );
  });
});

describe("spend per month", () => {
  it("counts a movement in the month it fell in, in the workspace's time zone", () => {
    // 04:30 UTC on 1 April is still 31 March in Chicago, and already April in Kyiv.
    const at = Date.UTC(2026, 3, 1, 4, 30);
    const movements = [
      { amount: 40_000, at },
      { amount: 5_000, at: Date.UTC(2026, 3, 15) },
      { amount: -5_000, at: Date.UTC(2026, 3, 20) },
    ];
    expect(spendInMonth(movements, "2026-03", "America/Chicago")).toBe(40_000);
    expect(spendInMonth(movements, "2026-04", "America/Chicago")).toBe(0);
    expect(spendInMonth(movements, "2026-04", "Europe/Kyiv")).toBe(40_000);
  });

  it("has a window holding every instant of the month in any time zone", () => {
    const zones = fc.constantFrom(
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
      "UTC",
      "Asia/Kolkata",
      "America/Chicago",
    );
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
        zones,
        (at, zone) => {
          const { from, to } = monthWindow(monthOf(at, zone));
          expect(at).toBeGreaterThanOrEqual(from);
          expect(at).toBeLessThan(to);
        },
      ),
    );
  });

  it("splits a person's payments into test projects before their hire and work after", () => {
    const hiredAt = new Map([["ana", 1_000]]);
    const spend = personSpend(
      [
        { contractorId: "ana", amount: 10_000, at: 500 },
        { contractorId: "ana", amount: 40_000, at: 1_000 },
        { contractorId: "ana", amount: -2_000, at: 2_000 },
        { contractorId: "ben", amount: 7_500, at: 3_000 },
      ],
      hiredAt,
    );
    expect(spend.get("ana")).toEqual({ testProjects: 10_000, work: 38_000 });
    expect(spend.get("ben")).toEqual({ testProjects: 7_500, work: 0 });
  });
});
