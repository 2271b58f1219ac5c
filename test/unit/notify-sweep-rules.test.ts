import { describe, expect, it } from "vitest";
import { feedEvents } from "../../src/notify/calendar-rules.ts";
import {
  causesOf,
  defaultPreferences,
  digestDateAt,
  emailsNow,
  isQuiet,
  type SweepSnapshot,
} from "../../src/notify/sweep-rules.ts";
import { instantAt } from "../../src/time/working-day.ts";

const HOUR = 3_600_000;
const zone = "Europe/Kyiv";
const week = { timeZone: zone, dayStart: "09:00", dayEnd: "17:00", workingDays: [1, 2, 3, 4, 5] };
/** Tue 10 Mar 2026, 12:00 in Kyiv. */
const now = instantAt("2026-03-10", "12:00", zone);

function snapshot(changes: Partial<SweepSnapshot> = {}): SweepSnapshot {
  return {
    now,
    owners: [{ userId: "owner" }],
    managers: [{ userId: "manager" }],
    contractors: [{ id: "c1", name: "Marco", week, user: { userId: "marco" } }],
    contracts: [
      {
        id: "k1",
        title: "Blog",
        status: "active",
        version: 1,
        sentAt: now - 9 * 24 * HOUR,
        contractorId: "c1",
      },
    ],
    milestones: [],
    reportDues: [],
    ...changes,
  };
}

const milestone = (id: string, dueDate: string, status = "open" as const) => ({
  id,
  contractId: "k1",
  title: `Part ${id}`,
  dueDate,
  status,
  submittedAt: null,
});

const who = (causes: { userId: string; kind: string }[]) =>
  causes.map((cause) => `${cause.kind}→${cause.userId}`).sort();

describe("causes the sweep derives", () => {
  it("tells the contractor of a milestone due within a day, and owner and contractor once it is overdue", () => {
    const causes = causesOf(
      snapshot({
        milestones: [
          milestone("due-today", "2026-03-10"),
          milestone("late", "2026-03-09"),
          milestone("later", "2026-03-12"),
        ],
      }),
    );
    expect(who(causes)).toEqual([
      "milestone_due_soon→marco",
      "milestone_overdue→marco",
      "milestone_overdue→owner",
    ]);
    const keys = causes.map((cause) => cause.key);
    expect(keys).toContain("milestone-due:due-today:2026-03-10");
    expect(keys).toContain("milestone-overdue:late:2026-03-09");
  });

  it("keeps the same keys from one sweep to the next", () => {
    const data = snapshot({ milestones: [milestone("late", "2026-03-09")] });
    const first = causesOf(data).map((cause) => cause.key);
    const later = causesOf({ ...data, now: now + 5 * HOUR }).map((cause) => cause.key);
    expect(later).toEqual(first);
  });

  it("asks owner and managers to review handed-in work, keyed by the hand-in", () => {
    const causes = causesOf(
      snapshot({
        milestones: [
          { ...milestone("m", "2026-03-09", "open"), status: "submitted", submittedAt: now - HOUR },
        ],
      }),
    );
    expect(who(causes)).toEqual(["work_submitted→manager", "work_submitted→owner"]);
    expect(causes[0]!.key).toBe(`work-submitted:m:${now - HOUR}`);
  });

  it("tells the contractor of a contract sent to them, and the owner after three days", () => {
    const sent = {
      id: "k2",
      title: "Newsletter",
      status: "sent" as const,
      version: 2,
      contractorId: "c1",
    };
    expect(who(causesOf(snapshot({ contracts: [{ ...sent, sentAt: now - HOUR }] })))).toEqual([
      "contract_sent→marco",
    ]);
    expect(who(causesOf(snapshot({ contracts: [{ ...sent, sentAt: now - 72 * HOUR }] })))).toEqual([
      "contract_sent→marco",
      "contract_waiting→owner",
    ]);
  });

  it("reminds the contractor of a report about to be due, and tells everyone of a missed one", () => {
    const causes = causesOf(
      snapshot({
        reportDues: [{ contractorId: "c1", dueAt: now + HOUR, lastDueMissedAt: now - 20 * HOUR }],
      }),
    );
    expect(who(causes)).toEqual([
      "report_due_soon→marco",
      "report_missed→manager",
      "report_missed→marco",
      "report_missed→owner",
    ]);
    expect(
      who(causesOf(snapshot({ reportDues: [{ contractorId: "c1", dueAt: now + 5 * HOUR }] }))),
    ).toEqual([]);
  });

  it("notifies nobody without a portal account, and nothing about drafts' milestones", () => {
    const contractors = [{ id: "c1", name: "Marco", week, user: null }];
    expect(
      who(causesOf(snapshot({ contractors, milestones: [milestone("late", "2026-03-09")] }))),
    ).toEqual(["milestone_overdue→owner"]);
  });
});

describe("when email goes out", () => {
  const quiet = { ...defaultPreferences, quietStart: "22:00", quietEnd: "07:00" };

  it("keeps quiet hours that run past midnight in the person's own zone", () => {
    expect(isQuiet(instantAt("2026-03-10", "23:30", zone), zone, quiet)).toBe(true);
    expect(isQuiet(instantAt("2026-03-10", "06:59", zone), zone, quiet)).toBe(true);
    expect(isQuiet(instantAt("2026-03-10", "07:00", zone), zone, quiet)).toBe(false);
    expect(isQuiet(instantAt("2026-03-10", "23:30", zone), "America/New_York", quiet)).toBe(false);
    expect(isQuiet(now, zone, defaultPreferences)).toBe(false);
  });

  it("emails only the chosen kinds, and not in quiet hours", () => {
    expect(emailsNow("milestone_overdue", now, zone, defaultPreferences)).toBe(true);
    expect(emailsNow("milestone_due_soon", now, zone, defaultPreferences)).toBe(false);
    const night = instantAt("2026-03-10", "23:00", zone);
    expect(emailsNow("milestone_overdue", night, zone, quiet)).toBe(false);
  });

  it("sends the digest from 08:00 of the person's day, after quiet hours", () => {
    expect(
      digestDateAt(instantAt("2026-03-10", "07:59", zone), zone, defaultPreferences),
    ).toBeNull();
    expect(digestDateAt(instantAt("2026-03-10", "08:00", zone), zone, defaultPreferences)).toBe(
      "2026-03-10",
    );
    const lateRiser = { ...defaultPreferences, quietStart: "23:00", quietEnd: "09:30" };
    expect(digestDateAt(instantAt("2026-03-10", "09:00", zone), zone, lateRiser)).toBeNull();
    expect(digestDateAt(instantAt("2026-03-10", "09:30", zone), zone, lateRiser)).toBe(
      "2026-03-10",
    );
    expect(digestDateAt(now, zone, { ...defaultPreferences, dailyDigest: false })).toBeNull();
  });
});

describe("calendar feed events", () => {
  const input = {
    contracts: [
      {
        id: "k1",
        title: "Blog",
        endDate: "2026-04-30",
        contractorId: "c1",
        contractorName: "Marco",
      },
    ],
    milestones: [
      { id: "m1", contractId: "k1", title: "Drafts", dueDate: "2026-03-12", status: "open" },
    ],
    reportDues: [{ contractorId: "c1", dueAt: now }],
  };

  it("lists milestones and the contract end as all-day events and the report ending at its due time", () => {
    const events = feedEvents({ ...input, staff: false });
    expect(events).toEqual([
      expect.objectContaining({
        uid: "milestone-m1",
        allDay: true,
        date: "2026-03-12",
        summary: "Due: Drafts",
      }),
      expect.objectContaining({ uid: "contract-end-k1", allDay: true, date: "2026-04-30" }),
      expect.objectContaining({
        uid: `report-c1-${now}`,
        allDay: false,
        end: now,
        start: now - 30 * 60_000,
      }),
    ]);
  });

  it("names the contractor for staff and links to the staff pages", () => {
    const [first] = feedEvents({ ...input, staff: true });
    expect(first).toMatchObject({ summary: "Due: Drafts — Marco", link: "/contracts/k1" });
  });
});
