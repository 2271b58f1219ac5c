import { describe, expect, it } from "vitest";
import type { WorkingWeek } from "../../src/time/working-day.ts";
import {
  cadenceChanges,
  DEFAULT_CADENCE_SETTINGS,
  missedReports,
  nextReportDue,
  reportingRecord,
} from "../../src/work/cadence-rules.ts";
import type {
  CadencePin,
  DeliveryReview,
  MilestoneDue,
  ReportingHistory,
} from "../../src/work/rules.ts";

const at = (iso: string) => Date.parse(iso);

const newYork: WorkingWeek = {
  timeZone: "America/New_York",
  dayStart: "09:00",
  dayEnd: "17:00",
  workingDays: [1, 2, 3, 4, 5],
};
const kolkata: WorkingWeek = {
  timeZone: "Asia/Kolkata",
  dayStart: "10:00",
  dayEnd: "19:00",
  workingDays: [1, 2, 3, 4, 5, 6],
};
const auckland: WorkingWeek = {
  timeZone: "Pacific/Auckland",
  dayStart: "08:30",
  dayEnd: "17:30",
  workingDays: [1, 2, 3, 4, 5],
};
/** Sunday to Thursday, with Israel's clocks going forward early on Friday 27 March 2026. */
const jerusalem: WorkingWeek = {
  timeZone: "Asia/Jerusalem",
  dayStart: "09:00",
  dayEnd: "18:00",
  workingDays: [7, 1, 2, 3, 4],
};

function history(
  startedAt: string,
  parts: {
    reports?: string[];
    reviews?: DeliveryReview[];
    milestones?: MilestoneDue[];
    pins?: CadencePin[];
  } = {},
): ReportingHistory {
  return {
    startedAt: at(startedAt),
    reports: (parts.reports ?? []).map((iso) => ({ submittedAt: at(iso) })),
    reviews: parts.reviews ?? [],
    milestones: parts.milestones ?? [],
    pins: parts.pins ?? [],
  };
}

const accepted = (title: string, iso: string): DeliveryReview => ({
  title,
  decision: "accepted",
  decidedAt: at(iso),
  ratings: { quality: 5, timeliness: 4, communication: 5 },
});
const sentBack = (title: string, iso: string): DeliveryReview => ({
  title,
  decision: "sent_back",
  decidedAt: at(iso),
  ratings: null,
});

/** Maya in New York starts on Monday 2 March 2026, a week before the clocks go forward. */
const mayaStarts = "2026-03-02T08:00:00-05:00";
const firstWeek = [
  "2026-03-02T16:00:00-05:00",
  "2026-03-03T16:00:00-05:00",
  "2026-03-04T16:00:00-05:00",
  "2026-03-05T16:00:00-05:00",
  "2026-03-06T16:00:00-05:00",
];
const secondWeek = [
  "2026-03-09T16:00:00-04:00",
  "2026-03-10T16:00:00-04:00",
  "2026-03-11T16:00:00-04:00",
  "2026-03-12T16:00:00-04:00",
  "2026-03-13T16:00:00-04:00",
];
const twoAcceptances = [
  accepted("Logo drafts", "2026-03-04T12:00:00-05:00"),
  accepted("Banner set", "2026-03-10T12:00:00-04:00"),
];
/** Ten on-time days and two accepted deliveries: weekly from the end of Friday 13 March. */
const earnedWeekly = { reports: [...firstWeek, ...secondWeek], reviews: twoAcceptances };

describe("a new contractor reports daily", () => {
  it("by the end of their working day, in their own time zone", () => {
    expect(nextReportDue(history(mayaStarts), at("2026-03-02T10:00:00-05:00"), newYork)).toEqual({
      cadence: "daily",
      pinned: false,
      dueAt: at("2026-03-02T17:00:00-05:00"),
      dueDate: "2026-03-02",
      explanation:
        "Reports daily: 0 of 10 on-time working days so far, 0 of 2 accepted deliveries.",
    });
  });

  it("skips the weekend and follows New York's clocks forward on 8 March", () => {
    const due = nextReportDue(
      history(mayaStarts, { reports: firstWeek, reviews: twoAcceptances.slice(0, 1) }),
      at("2026-03-07T12:00:00-05:00"),
      newYork,
    );
    expect(due.dueAt).toBe(at("2026-03-09T17:00:00-04:00"));
    expect(due.dueDate).toBe("2026-03-09");
    expect(due.explanation).toBe(
      "Reports daily: 5 of 10 on-time working days so far, 1 of 2 accepted deliveries.",
    );
  });

  it("starts from the first working day that has not begun yet", () => {
    const due = nextReportDue(
      history("2026-03-02T10:00:00-05:00"),
      at("2026-03-02T10:00:00-05:00"),
      newYork,
    );
    expect(due.dueAt).toBe(at("2026-03-03T17:00:00-05:00"));
  });

  it("counts a report at the due instant as on time and one a millisecond later as late", () => {
    const record = reportingRecord(
      history(mayaStarts, {
        reports: ["2026-03-02T17:00:00.000-05:00", "2026-03-03T17:00:00.001-05:00"],
      }),
      at("2026-03-05T08:00:00-05:00"),
      newYork,
    );
    expect(record.slots).toEqual([
      {
        cadence: "daily",
        date: "2026-03-02",
        opensAt: at(mayaStarts),
        dueAt: at("2026-03-02T17:00:00-05:00"),
        outcome: "on_time",
        reportAt: at("2026-03-02T17:00:00.000-05:00"),
      },
      {
        cadence: "daily",
        date: "2026-03-03",
        opensAt: at("2026-03-03T00:00:00-05:00"),
        dueAt: at("2026-03-03T17:00:00-05:00"),
        outcome: "late",
        reportAt: at("2026-03-03T17:00:00.001-05:00"),
      },
      // Tuesday's late report is not Wednesday's: each daily report is for its own date.
      {
        cadence: "daily",
        date: "2026-03-04",
        opensAt: at("2026-03-04T00:00:00-05:00"),
        dueAt: at("2026-03-04T17:00:00-05:00"),
        outcome: "missed",
        reportAt: null,
      },
    ]);
    expect(missedReports(record).map((slot) => slot.date)).toEqual(["2026-03-03", "2026-03-04"]);
    expect(record.explanation).toBe(
      "Reports daily; the run started over because the report due Wed 4 Mar was missed. " +
        "0 of 10 on-time working days so far, 0 of 2 accepted deliveries.",
    );
  });

  it("counts one report a day however many are sent", () => {
    const record = reportingRecord(
      history(mayaStarts, {
        reports: ["2026-03-02T10:00:00-05:00", "2026-03-02T12:00:00-05:00", ...firstWeek],
      }),
      at("2026-03-06T18:00:00-05:00"),
      newYork,
    );
    expect(record.run).toEqual({ onTimeDays: 5, acceptedDeliveries: 0 });
    expect(record.slots[0]?.reportAt).toBe(at("2026-03-02T10:00:00-05:00"));
  });
});

describe("relaxing to weekly", () => {
  it("happens after 10 on-time working days and 2 accepted deliveries", () => {
    const record = reportingRecord(
      history(mayaStarts, earnedWeekly),
      at("2026-03-16T09:00:00-04:00"),
      newYork,
    );
    expect(record.cadence).toBe("weekly");
    expect(record.changes).toEqual([
      {
        at: at("2026-03-13T17:00:00-04:00"),
        from: "daily",
        to: "weekly",
        kind: "relaxed",
        words: "Relaxed to weekly on Fri 13 Mar after 10 on-time days and 2 accepted deliveries.",
      },
    ]);
    expect(record.next).toEqual({
      cadence: "weekly",
      date: "2026-03-20",
      opensAt: at("2026-03-13T17:00:00-04:00"),
      dueAt: at("2026-03-20T17:00:00-04:00"),
    });
    expect(record.explanation).toBe(
      "Relaxed to weekly on Fri 13 Mar after 10 on-time days and 2 accepted deliveries. " +
        "A missed report, a late milestone or work sent back brings back daily reports.",
    );
  });

  it("waits for the second accepted delivery, then relaxes the moment it is accepted", () => {
    const oneAccepted = { reports: earnedWeekly.reports, reviews: twoAcceptances.slice(0, 1) };
    const waiting = nextReportDue(
      history(mayaStarts, oneAccepted),
      at("2026-03-16T09:00:00-04:00"),
      newYork,
    );
    expect(waiting.cadence).toBe("daily");
    expect(waiting.dueAt).toBe(at("2026-03-16T17:00:00-04:00"));
    expect(waiting.explanation).toBe(
      "Reports daily: 10 of 10 on-time working days so far, 1 of 2 accepted deliveries.",
    );

    const changes = cadenceChanges(
      history(mayaStarts, {
        reports: [...earnedWeekly.reports, "2026-03-16T10:00:00-04:00"],
        reviews: [...oneAccepted.reviews, accepted("Banner set", "2026-03-16T11:00:00-04:00")],
      }),
      at("2026-03-17T09:00:00-04:00"),
      newYork,
    );
    expect(changes.map((change) => [change.at, change.words])).toEqual([
      [
        at("2026-03-16T11:00:00-04:00"),
        "Relaxed to weekly on Mon 16 Mar after 10 on-time days and 2 accepted deliveries.",
      ],
    ]);
  });

  it("does not relax on nine on-time days", () => {
    const due = nextReportDue(
      history(mayaStarts, {
        reports: [...firstWeek, ...secondWeek.slice(0, 4)],
        reviews: twoAcceptances,
      }),
      at("2026-03-13T16:30:00-04:00"),
      newYork,
    );
    expect(due.cadence).toBe("daily");
    expect(due.dueAt).toBe(at("2026-03-13T17:00:00-04:00"));
    expect(due.explanation).toBe(
      "Reports daily: 9 of 10 on-time working days so far, 2 of 2 accepted deliveries.",
    );
  });

  it("starts the run over after a slip while daily", () => {
    // Monday 9 March is missed: five good days before it no longer count.
    const reports = [
      ...firstWeek,
      ...secondWeek.slice(1),
      "2026-03-16T16:00:00-04:00",
      "2026-03-17T16:00:00-04:00",
      "2026-03-18T16:00:00-04:00",
      "2026-03-19T16:00:00-04:00",
      "2026-03-20T16:00:00-04:00",
      "2026-03-23T16:00:00-04:00",
    ];
    const reviews = [
      accepted("Logo drafts", "2026-03-11T12:00:00-04:00"),
      accepted("Banner set", "2026-03-12T12:00:00-04:00"),
    ];
    const onFriday = reportingRecord(
      history(mayaStarts, { reports, reviews }),
      at("2026-03-20T18:00:00-04:00"),
      newYork,
    );
    expect(onFriday.cadence).toBe("daily");
    expect(onFriday.explanation).toBe(
      "Reports daily; the run started over because the report due Mon 9 Mar was missed. " +
        "9 of 10 on-time working days so far, 2 of 2 accepted deliveries.",
    );
    expect(
      cadenceChanges(
        history(mayaStarts, { reports, reviews }),
        at("2026-03-24T09:00:00-04:00"),
        newYork,
      ).map((change) => change.at),
    ).toEqual([at("2026-03-23T17:00:00-04:00")]);
  });

  it("does not relax when a milestone falls late at the very moment the run is earned", () => {
    const record = reportingRecord(
      history(mayaStarts, {
        ...earnedWeekly,
        milestones: [{ title: "Landing page copy", dueDate: "2026-03-13", firstSubmittedAt: null }],
      }),
      at("2026-03-14T12:00:00-04:00"),
      newYork,
    );
    expect(record.cadence).toBe("daily");
    expect(record.changes).toEqual([]);
    expect(record.explanation).toBe(
      "Reports daily; the run started over because “Landing page copy”, due Fri 13 Mar, is overdue. " +
        "0 of 10 on-time working days so far, 0 of 2 accepted deliveries.",
    );
  });

  it("follows the workspace's settings", () => {
    const due = nextReportDue(
      history(mayaStarts, {
        reports: firstWeek.slice(0, 3),
        reviews: twoAcceptances.slice(0, 1),
      }),
      at("2026-03-04T18:00:00-05:00"),
      newYork,
      { onTimeDaysToRelax: 3, acceptedDeliveriesToRelax: 1 },
    );
    expect(due.cadence).toBe("weekly");
    expect(due.dueAt).toBe(at("2026-03-06T17:00:00-05:00"));
  });

  it("has the seed's defaults", () => {
    expect(DEFAULT_CADENCE_SETTINGS).toEqual({
      onTimeDaysToRelax: 10,
      acceptedDeliveriesToRelax: 2,
    });
  });
});

describe("tightening back to daily", () => {
  it("follows a missed weekly report, from the next working day", () => {
    const record = reportingRecord(
      history(mayaStarts, earnedWeekly),
      at("2026-03-21T12:00:00-04:00"),
      newYork,
    );
    expect(record.cadence).toBe("daily");
    expect(record.changes.at(-1)).toEqual({
      at: at("2026-03-20T17:00:00-04:00"),
      from: "weekly",
      to: "daily",
      kind: "tightened",
      words: "Back to daily: the report due Fri 20 Mar was missed.",
    });
    expect(record.next.dueAt).toBe(at("2026-03-23T17:00:00-04:00"));
    expect(record.explanation).toBe(
      "Back to daily: the report due Fri 20 Mar was missed. " +
        "0 of 10 on-time working days so far, 0 of 2 accepted deliveries.",
    );
  });

  it("says so when the weekly report came, but late", () => {
    const record = reportingRecord(
      history(mayaStarts, {
        ...earnedWeekly,
        reports: [...earnedWeekly.reports, "2026-03-21T09:00:00-04:00"],
      }),
      at("2026-03-22T12:00:00-04:00"),
      newYork,
    );
    expect(record.slots.at(-1)).toMatchObject({
      date: "2026-03-20",
      outcome: "late",
      reportAt: at("2026-03-21T09:00:00-04:00"),
    });
    expect(record.changes.at(-1)?.words).toBe(
      "Back to daily: the report due Fri 20 Mar came late.",
    );
  });

  it("keeps weekly while each week's report comes in, sent any day of the week", () => {
    const record = reportingRecord(
      history(mayaStarts, {
        ...earnedWeekly,
        reports: [
          ...earnedWeekly.reports,
          "2026-03-16T09:30:00-04:00",
          "2026-03-26T20:00:00-04:00",
        ],
      }),
      at("2026-03-28T12:00:00-04:00"),
      newYork,
    );
    expect(record.cadence).toBe("weekly");
    expect(record.slots.slice(-2).map((slot) => [slot.date, slot.outcome])).toEqual([
      ["2026-03-20", "on_time"],
      ["2026-03-27", "on_time"],
    ]);
    expect(record.next.dueAt).toBe(at("2026-04-03T17:00:00-04:00"));
  });

  it("follows work sent back, from the next working day rather than the same afternoon", () => {
    const record = reportingRecord(
      history(mayaStarts, {
        ...earnedWeekly,
        reviews: [...earnedWeekly.reviews, sentBack("Landing page", "2026-03-17T10:00:00-04:00")],
      }),
      at("2026-03-17T12:00:00-04:00"),
      newYork,
    );
    expect(record.changes.at(-1)).toMatchObject({
      at: at("2026-03-17T10:00:00-04:00"),
      kind: "tightened",
      words: "Back to daily: “Landing page” was sent back on Tue 17 Mar.",
    });
    expect(record.next.dueAt).toBe(at("2026-03-18T17:00:00-04:00"));
  });

  it("follows a late milestone, at the end of the day it was due", () => {
    const deliveredLate = reportingRecord(
      history(mayaStarts, {
        ...earnedWeekly,
        milestones: [
          {
            title: "Landing page copy",
            dueDate: "2026-03-18",
            firstSubmittedAt: at("2026-03-19T09:00:00-04:00"),
          },
        ],
      }),
      at("2026-03-19T12:00:00-04:00"),
      newYork,
    );
    expect(deliveredLate.changes.at(-1)).toMatchObject({
      at: at("2026-03-18T17:00:00-04:00"),
      words: "Back to daily: “Landing page copy”, due Wed 18 Mar, was delivered late.",
    });
    expect(deliveredLate.next.dueAt).toBe(at("2026-03-19T17:00:00-04:00"));

    const overdue = reportingRecord(
      history(mayaStarts, {
        ...earnedWeekly,
        milestones: [{ title: "Landing page copy", dueDate: "2026-03-18", firstSubmittedAt: null }],
      }),
      at("2026-03-19T12:00:00-04:00"),
      newYork,
    );
    expect(overdue.changes.at(-1)?.words).toBe(
      "Back to daily: “Landing page copy”, due Wed 18 Mar, is overdue.",
    );
  });

  it("takes a milestone delivered at its due instant as on time", () => {
    const record = reportingRecord(
      history(mayaStarts, {
        ...earnedWeekly,
        milestones: [
          {
            title: "Landing page copy",
            dueDate: "2026-03-18",
            firstSubmittedAt: at("2026-03-18T17:00:00-04:00"),
          },
        ],
        reports: [...earnedWeekly.reports, "2026-03-20T10:00:00-04:00"],
      }),
      at("2026-03-21T12:00:00-04:00"),
      newYork,
    );
    expect(record.cadence).toBe("weekly");
    expect(record.milestones[0]?.outcome).toBe("on_time");
  });

  it("walks a whole story: relaxed, tightened, earned again", () => {
    const reports = [
      ...earnedWeekly.reports,
      // Misses Friday 20 March; daily again from Monday 23 March and on time for two weeks.
      "2026-03-23T16:00:00-04:00",
      "2026-03-24T16:00:00-04:00",
      "2026-03-25T16:00:00-04:00",
      "2026-03-26T16:00:00-04:00",
      "2026-03-27T16:00:00-04:00",
      "2026-03-30T16:00:00-04:00",
      "2026-03-31T16:00:00-04:00",
      "2026-04-01T16:00:00-04:00",
      "2026-04-02T16:00:00-04:00",
      "2026-04-03T16:00:00-04:00",
    ];
    const reviews = [
      ...earnedWeekly.reviews,
      accepted("Email sequence", "2026-03-24T12:00:00-04:00"),
      accepted("Blog post", "2026-03-25T12:00:00-04:00"),
    ];
    expect(
      cadenceChanges(
        history(mayaStarts, { reports, reviews }),
        at("2026-04-06T09:00:00-04:00"),
        newYork,
      ),
    ).toEqual([
      {
        at: at("2026-03-13T17:00:00-04:00"),
        from: "daily",
        to: "weekly",
        kind: "relaxed",
        words: "Relaxed to weekly on Fri 13 Mar after 10 on-time days and 2 accepted deliveries.",
      },
      {
        at: at("2026-03-20T17:00:00-04:00"),
        from: "weekly",
        to: "daily",
        kind: "tightened",
        words: "Back to daily: the report due Fri 20 Mar was missed.",
      },
      {
        at: at("2026-04-03T17:00:00-04:00"),
        from: "daily",
        to: "weekly",
        kind: "relaxed",
        words: "Relaxed to weekly on Fri 3 Apr after 10 on-time days and 2 accepted deliveries.",
      },
    ]);
  });
});

describe("the owner's pin", () => {
  it("holds weekly from the start, whatever the record", () => {
    const record = reportingRecord(
      history(mayaStarts, { pins: [{ at: at("2026-03-01T12:00:00-05:00"), cadence: "weekly" }] }),
      at("2026-03-16T09:00:00-04:00"),
      newYork,
    );
    expect(record.cadence).toBe("weekly");
    expect(record.slots.map((slot) => [slot.date, slot.outcome])).toEqual([
      ["2026-03-06", "missed"],
      ["2026-03-13", "missed"],
    ]);
    expect(record.next.dueAt).toBe(at("2026-03-20T17:00:00-04:00"));
    expect(record.changes).toEqual([]);
    expect(record.explanation).toBe(
      "Pinned to weekly by the owner on Sun 1 Mar: reports are due weekly, whatever the record, until the owner removes the pin.",
    );
  });

  it("holds daily however good the run, and the run starts over when it is removed", () => {
    const pins: CadencePin[] = [
      { at: at("2026-03-03T08:00:00-05:00"), cadence: "daily" },
      { at: at("2026-03-16T08:00:00-04:00"), cadence: null },
    ];
    const pinned = reportingRecord(
      history(mayaStarts, { ...earnedWeekly, pins }),
      at("2026-03-15T12:00:00-04:00"),
      newYork,
    );
    expect(pinned.cadence).toBe("daily");
    expect(pinned.pinned).toBe(true);
    expect(pinned.explanation).toBe(
      "Pinned to daily by the owner on Tue 3 Mar: reports are due daily, whatever the record, until the owner removes the pin.",
    );

    const unpinned = reportingRecord(
      history(mayaStarts, { ...earnedWeekly, pins }),
      at("2026-03-16T12:00:00-04:00"),
      newYork,
    );
    expect(unpinned.pinned).toBe(false);
    expect(unpinned.changes.map((change) => [change.at, change.kind, change.words])).toEqual([
      [
        at("2026-03-03T08:00:00-05:00"),
        "pinned",
        "The owner pinned reports to daily on Tue 3 Mar.",
      ],
      [
        at("2026-03-16T08:00:00-04:00"),
        "unpinned",
        "The owner removed the pin on Mon 16 Mar; reports stay daily and the run starts over.",
      ],
    ]);
    expect(unpinned.explanation).toBe(
      "Reports daily: the owner removed the pin on Mon 16 Mar and the run started over. " +
        "0 of 10 on-time working days so far, 0 of 2 accepted deliveries.",
    );
  });

  it("moves to weekly at once, and leaves weekly in place when removed", () => {
    const pins: CadencePin[] = [
      { at: at("2026-03-03T11:00:00-05:00"), cadence: "weekly" },
      { at: at("2026-03-10T08:00:00-04:00"), cadence: null },
    ];
    const record = reportingRecord(
      history(mayaStarts, { reports: ["2026-03-06T12:00:00-05:00"], pins }),
      at("2026-03-10T12:00:00-04:00"),
      newYork,
    );
    expect(record.changes.map((change) => [change.from, change.to, change.kind])).toEqual([
      ["daily", "weekly", "pinned"],
      ["weekly", "weekly", "unpinned"],
    ]);
    expect(record.slots.map((slot) => [slot.date, slot.cadence, slot.outcome])).toEqual([
      ["2026-03-02", "daily", "missed"],
      ["2026-03-06", "weekly", "on_time"],
    ]);
    expect(record.next.dueAt).toBe(at("2026-03-13T17:00:00-04:00"));
    expect(record.explanation).toBe(
      "The owner removed the pin on Tue 10 Mar; reports stay weekly. " +
        "A missed report, a late milestone or work sent back brings back daily reports.",
    );
  });
});

describe("other time zones and weeks", () => {
  it("uses Kolkata's half-hour offset and counts a report just after local midnight for that day", () => {
    const record = reportingRecord(
      history("2026-03-09T09:00:00+05:30", {
        // 00:30 on Wednesday in Kolkata is still Tuesday in UTC.
        reports: ["2026-03-09T18:00:00+05:30", "2026-03-11T00:30:00+05:30"],
      }),
      at("2026-03-11T12:00:00+05:30"),
      kolkata,
    );
    expect(record.slots.map((slot) => [slot.date, slot.dueAt, slot.outcome])).toEqual([
      ["2026-03-09", at("2026-03-09T19:00:00+05:30"), "on_time"],
      ["2026-03-10", at("2026-03-10T19:00:00+05:30"), "missed"],
    ]);
    expect(record.next).toEqual({
      cadence: "daily",
      date: "2026-03-11",
      opensAt: at("2026-03-11T00:00:00+05:30"),
      dueAt: at("2026-03-11T19:00:00+05:30"),
    });
  });

  it("has a Saturday in Kolkata's six-day week, and weekly reports due then", () => {
    const settings = { onTimeDaysToRelax: 1, acceptedDeliveriesToRelax: 0 };
    const record = reportingRecord(
      history("2026-03-09T09:00:00+05:30", { reports: ["2026-03-09T18:00:00+05:30"] }),
      at("2026-03-10T12:00:00+05:30"),
      kolkata,
      settings,
    );
    expect(record.next.dueAt).toBe(at("2026-03-14T19:00:00+05:30"));
    expect(record.next.date).toBe("2026-03-14");
  });

  it("follows Auckland's clocks back on 5 April 2026", () => {
    const friday = nextReportDue(
      history("2026-03-30T08:00:00+13:00"),
      at("2026-04-03T09:00:00+13:00"),
      auckland,
    );
    expect(friday.dueAt).toBe(at("2026-04-03T17:30:00+13:00"));
    const monday = nextReportDue(
      history("2026-03-30T08:00:00+13:00", {
        reports: [
          "2026-03-30T17:00:00+13:00",
          "2026-03-31T17:00:00+13:00",
          "2026-04-01T17:00:00+13:00",
          "2026-04-02T17:00:00+13:00",
          "2026-04-03T17:00:00+13:00",
        ],
      }),
      at("2026-04-04T09:00:00+13:00"),
      auckland,
    );
    expect(monday.dueAt).toBe(at("2026-04-06T17:30:00+12:00"));
    expect(monday.dueDate).toBe("2026-04-06");
  });

  it("keeps a weekly report across Auckland's change at the end of Friday", () => {
    const due = nextReportDue(
      history("2026-03-30T08:00:00+13:00", {
        reports: ["2026-04-03T17:00:00+13:00"],
        pins: [{ at: at("2026-03-29T12:00:00+13:00"), cadence: "weekly" }],
      }),
      at("2026-04-04T09:00:00+13:00"),
      auckland,
    );
    expect(due.dueAt).toBe(at("2026-04-10T17:30:00+12:00"));
  });

  it("works Sunday to Thursday, skipping Friday's spring change in Jerusalem", () => {
    const record = reportingRecord(
      history("2026-03-22T08:00:00+02:00", {
        reports: [
          "2026-03-22T17:00:00+02:00",
          "2026-03-23T17:00:00+02:00",
          "2026-03-24T17:00:00+02:00",
          "2026-03-25T17:00:00+02:00",
          "2026-03-26T17:00:00+02:00",
        ],
      }),
      at("2026-03-27T12:00:00+03:00"),
      jerusalem,
    );
    expect(record.slots.map((slot) => slot.date)).toEqual([
      "2026-03-22",
      "2026-03-23",
      "2026-03-24",
      "2026-03-25",
      "2026-03-26",
    ]);
    expect(record.next.dueAt).toBe(at("2026-03-29T18:00:00+03:00"));
    expect(record.next.date).toBe("2026-03-29");

    const weekly = nextReportDue(
      history("2026-03-22T08:00:00+02:00", {
        pins: [{ at: at("2026-03-22T08:00:00+02:00"), cadence: "weekly" }],
      }),
      at("2026-03-22T09:00:00+02:00"),
      jerusalem,
    );
    expect(weekly.dueAt).toBe(at("2026-03-26T18:00:00+02:00"));
  });
});
