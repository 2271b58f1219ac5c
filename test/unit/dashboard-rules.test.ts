import { describe, expect, it } from "vitest";
import {
  deadlineOf,
  deadlineWords,
  latestDateAhead,
  spanInWords,
  waitingWords,
} from "../../src/dashboard/rules.ts";
import type { WorkingWeek } from "../../src/time/working-day.ts";

const HOUR = 3_600_000;
const kolkata: WorkingWeek = {
  timeZone: "Asia/Kolkata",
  dayStart: "10:00",
  dayEnd: "18:30",
  workingDays: [1, 2, 3, 4, 5],
};
/** 18:30 in Kolkata on Tuesday 10 March 2026 is 13:00 UTC. */
const dueAt = Date.parse("2026-03-10T13:00:00Z");

describe("deadlines on the contractor's clock", () => {
  it("is overdue once the end of their working day on the date has passed", () => {
    expect(deadlineOf("2026-03-10", kolkata, dueAt + 1)).toEqual({ state: "overdue", dueAt });
    expect(deadlineOf("2026-03-10", kolkata, dueAt).state).toBe("soon");
  });

  it("is due soon within two days of it, and later before that", () => {
    expect(deadlineOf("2026-03-10", kolkata, dueAt - 48 * HOUR).state).toBe("soon");
    expect(deadlineOf("2026-03-10", kolkata, dueAt - 48 * HOUR - 1).state).toBe("later");
  });

  it("says when, in words from either side", () => {
    const soon = deadlineOf("2026-03-10", kolkata, dueAt - 5 * HOUR);
    expect(deadlineWords(soon, "2026-03-10", kolkata.timeZone, dueAt - 5 * HOUR, "their")).toBe(
      "Due Tue 10 Mar, 18:30 their time (in 5 hours)",
    );
    const late = deadlineOf("2026-03-10", kolkata, dueAt + 50 * HOUR);
    expect(deadlineWords(late, "2026-03-10", kolkata.timeZone, dueAt + 50 * HOUR, "your")).toBe(
      "It was due Tue 10 Mar, 2 days ago",
    );
  });
});

describe("words and windows", () => {
  it("rounds a span down to what a person cares about", () => {
    expect(spanInWords(0)).toBe("1 minute");
    expect(spanInWords(59 * 60_000)).toBe("59 minutes");
    expect(spanInWords(HOUR)).toBe("1 hour");
    expect(spanInWords(47 * HOUR)).toBe("1 day");
    expect(waitingWords(null, dueAt)).toBe("waiting");
    expect(waitingWords(dueAt - 3 * HOUR, dueAt)).toBe("waiting 3 hours");
  });

  it("bounds a due-date query by the furthest date any zone is on", () => {
    // From 10:00 UTC on 10 March it is already 11 March in Kiritimati (UTC+14).
    expect(latestDateAhead(Date.parse("2026-03-10T10:59:00Z"), 0)).toBe("2026-03-11");
    expect(latestDateAhead(Date.parse("2026-03-10T09:00:00Z"), 2)).toBe("2026-03-12");
  });
});
