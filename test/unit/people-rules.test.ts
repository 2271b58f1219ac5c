import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Invalid } from "../../src/errors.ts";
import {
  contractorsFromCsv,
  formatSkills,
  formatWorkingDays,
  parseSkills,
  parseWorkingDays,
} from "../../src/people/csv.ts";
import {
  comingWednesday,
  convertAmount,
  millionthsToRate,
  overlapHours,
  rateToMillionths,
  rateView,
  skillAfterHire,
} from "../../src/people/rules.ts";

const at = (iso: string) => Date.parse(iso);
const nineToFive = { dayStart: "09:00", dayEnd: "17:00" };
const weekdays = [1, 2, 3, 4, 5];

describe("the coming Wednesday", () => {
  it("is today on a Wednesday and the next one otherwise, in the owner's zone", () => {
    expect(comingWednesday(at("2026-03-11T12:00:00Z"), "UTC")).toBe("2026-03-11");
    expect(comingWednesday(at("2026-03-12T12:00:00Z"), "UTC")).toBe("2026-03-18");
    // Late Tuesday in UTC is already Wednesday in Auckland.
    expect(comingWednesday(at("2026-03-10T20:00:00Z"), "Pacific/Auckland")).toBe("2026-03-11");
  });
});

describe("overlap with the owner's day", () => {
  it("counts half hours for Asia/Kolkata", () => {
    const owner = { timeZone: "Europe/London", ...nineToFive };
    const contractor = { timeZone: "Asia/Kolkata", ...nineToFive, workingDays: weekdays };
    expect(overlapHours(owner, contractor, at("2026-01-05T10:00:00Z"))).toBe(2.5);
  });

  it("follows New York's March DST change while London has not changed yet", () => {
    const owner = { timeZone: "Europe/London", ...nineToFive };
    const contractor = { timeZone: "America/New_York", ...nineToFive, workingDays: weekdays };
    expect(overlapHours(owner, contractor, at("2026-03-02T10:00:00Z"))).toBe(3);
    expect(overlapHours(owner, contractor, at("2026-03-09T10:00:00Z"))).toBe(4);
    expect(overlapHours(owner, contractor, at("2026-04-06T10:00:00Z"))).toBe(3);
  });

  it("uses Auckland's next morning, when it is one of their working days", () => {
    const owner = { timeZone: "America/Los_Angeles", ...nineToFive };
    const auckland = { timeZone: "Pacific/Auckland", ...nineToFive, workingDays: weekdays };
    const monday = at("2026-01-05T18:00:00Z");
    // Thursday 09:00–17:00 in Auckland (UTC+13) is Wednesday 12:00–20:00 in Los Angeles (UTC−8).
    expect(overlapHours(owner, auckland, monday)).toBe(5);
    expect(overlapHours(owner, { ...auckland, workingDays: [1, 2, 3] }, monday)).toBe(0);
  });

  it("is never more than either day and is the whole day for the same hours and zone", () => {
    const zones = [
      "UTC",
      "Asia/Kolkata",
      "America/New_York",
      "Pacific/Auckland",
      "Europe/Berlin",
      "Asia/Kathmandu",
    ];
    const clock = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
    const day = fc.tuple(clock, clock).filter(([a, b]) => a < b);
    const minutes = (c: string) => Number(c.slice(0, 2)) * 60 + Number(c.slice(3));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...zones),
        day,
        day,
        fc.integer({ min: at("2025-01-01T00:00:00Z"), max: at("2028-01-01T00:00:00Z") }),
        (ownerZone, theirZone, [os, oe], [cs, ce], now) => {
          const owner = { timeZone: ownerZone, dayStart: os, dayEnd: oe };
          const shared = overlapHours(
            owner,
            { timeZone: theirZone, dayStart: cs, dayEnd: ce, workingDays: [1, 2, 3, 4, 5, 6, 7] },
            now,
          );
          expect(shared).toBeGreaterThanOrEqual(0);
          expect(shared).toBeLessThanOrEqual((minutes(oe) - minutes(os)) / 60 + 1e-9);
          const same = overlapHours(owner, { ...owner, workingDays: [3] }, now);
          expect(same).toBeCloseTo((minutes(oe) - minutes(os)) / 60, 2);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("exchange rates and conversion", () => {
  it("stores decimals exactly as millionths and gives back the shortest form", () => {
    expect(rateToMillionths("1.08")).toBe(1_080_000);
    expect(rateToMillionths("0.000001")).toBe(1);
    expect(millionthsToRate(1_080_000)).toBe("1.08");
    expect(millionthsToRate(2_000_000)).toBe("2");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), (millionths) => {
        expect(rateToMillionths(millionthsToRate(millionths))).toBe(millionths);
      }),
    );
  });

  it("converts between currencies with 2, 0 and 3 minor digits, rounding once", () => {
    expect(convertAmount(3000, "EUR", "USD", 1_080_000)).toBe(3240);
    expect(convertAmount(5000, "JPY", "USD", 6_700)).toBe(3350);
    expect(convertAmount(10_125, "KWD", "USD", 3_250_000)).toBe(3291);
    expect(convertAmount(1000, "USD", "JPY", 150_000_000)).toBe(1500);
    expect(convertAmount(1, "USD", "EUR", 500_000)).toBe(1); // half a cent rounds away from zero
  });

  it("is the identity at a rate of 1 between currencies with the same minor digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (amount) => {
        expect(convertAmount(amount, "EUR", "USD", 1_000_000)).toBe(amount);
      }),
    );
  });

  it("explains in words when there is no rate, and says nothing when the currency is the same", () => {
    const rates = { hourly: 2000, project: null, currency: "PHP" };
    expect(rateView(rates, "USD", {}).conversionNote).toMatch(/No exchange rate from PHP to USD/);
    expect(rateView(rates, "USD", { PHP: 17_500 }).hourlyInWorkspace).toEqual({
      amount: 35,
      currency: "USD",
    });
    expect(rateView({ ...rates, currency: "USD" }, "USD", {})).toEqual({
      hourly: { amount: 2000, currency: "USD" },
      project: null,
      hourlyInWorkspace: null,
      projectInWorkspace: null,
      conversionNote: null,
    });
  });
});

describe("CSV rows", () => {
  it("reads and writes working days as day names", () => {
    expect(parseWorkingDays("Mon Tue wed")).toEqual([1, 2, 3]);
    expect(parseWorkingDays("Mon, Funday")).toBeNull();
    expect(formatWorkingDays([1, 5, 7])).toBe("Mon Fri Sun");
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), (days) => {
        expect(parseWorkingDays(formatWorkingDays(days))).toEqual(days);
      }),
    );
  });

  it("reads skills as Area:level with * for verified", () => {
    expect(parseSkills("Writing:4*; Design : 3")).toEqual([
      { areaName: "Writing", level: 4, verified: true },
      { areaName: "Design", level: 3, verified: false },
    ]);
    expect(parseSkills("")).toEqual([]);
    expect(parseSkills("Writing")).toBeNull();
    const skill = fc.record({
      areaName: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}[A-Za-z]$/),
      level: fc.integer({ min: 1, max: 5 }),
      verified: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(skill, { maxLength: 5 }), (skills) => {
        expect(parseSkills(formatSkills(skills))).toEqual(skills);
      }),
    );
  });

  it("turns a row into API input with rates in minor units of its own currency", () => {
    const [person] = contractorsFromCsv(
      "name,email,time_zone,rate_currency,hourly_rate,project_rate,working_days,skills,channel\n" +
        "Kenji,KENJI@example.com,Asia/Tokyo,JPY,4000,,Mon Wed,Design:5*,Referral\n",
    );
    expect(person).toMatchObject({
      line: 2,
      input: {
        email: "kenji@example.com",
        hourlyRate: 4000,
        projectRate: null,
        workingDays: [1, 3],
      },
      skills: [{ areaName: "Design", level: 5, verified: true }],
      channelName: "Referral",
    });
  });

  it("keeps a known person's cells in the columns a file leaves out, and only those", () => {
    const known = new Map([
      [
        "kenji@example.com",
        {
          name: "Kenji",
          email: "kenji@example.com",
          time_zone: "Asia/Tokyo",
          rate_currency: "JPY",
          hourly_rate: "4000",
          notes: "Fast",
          skills: "Design:5*",
          channel: "Referral",
        },
      ],
    ]);
    const [person] = contractorsFromCsv(
      "name,email,time_zone,rate_currency,notes\nKenji S,KENJI@example.com,Asia/Tokyo,JPY,\n",
      known,
    );
    expect(person).toMatchObject({
      input: { name: "Kenji S", hourlyRate: 4000, notes: "" },
      skills: [{ areaName: "Design", level: 5, verified: true }],
      channelName: "Referral",
    });
    const [stranger] = contractorsFromCsv(
      "name,email,time_zone,rate_currency\nNew,new@example.com,UTC,USD\n",
      known,
    );
    expect(stranger).toMatchObject({
      input: { hourlyRate: null, notes: "" },
      skills: [],
      channelName: null,
    });
  });

  it("names every problem by line and column", () => {
    const file =
      "name,email,time_zone,rate_currency,hourly_rate,skills\n" +
      "\n" +
      "Ok,ok@example.com,UTC,USD,1.00,\n" +
      ",bad,UTC,USD,1.001,Design:9\n";
    try {
      contractorsFromCsv(file);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).fields).toEqual({
        "line 4: hourly_rate": expect.any(String),
        "line 4: name": expect.any(String),
        "line 4: email": expect.any(String),
        "line 4: skills": "Skill 1: levels are 1 to 5",
      });
    }
  });
});

describe("skillAfterHire", () => {
  it("records the level chosen at hiring for a new skill", () => {
    expect(skillAfterHire(undefined, { level: 3, verified: false })).toEqual({
      level: 3,
      verified: false,
    });
  });

  it("never lowers a known level nor drops a verification", () => {
    const levels = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(levels, fc.boolean(), levels, fc.boolean(), (kl, kv, hl, hv) => {
        const after = skillAfterHire({ level: kl, verified: kv }, { level: hl, verified: hv });
        expect(after.level).toBe(Math.max(kl, hl));
        expect(after.verified).toBe(kv || hv);
      }),
    );
  });
});
