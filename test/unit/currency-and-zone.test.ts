import { describe, expect, it } from "vitest";
import { currencyCodes, currencySchema } from "../../src/money/currency.ts";
import { isTimeZone, timeZoneNames, timeZoneSchema } from "../../src/time/zone.ts";

function problem(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  expect(result.success).toBe(false);
  return result.error!.issues[0]!.message;
}

describe("currencySchema", () => {
  it.each([
    ["USD", "USD"],
    ["usd", "USD"],
    [" eur ", "EUR"],
    ["jpy", "JPY"],
  ])("accepts %j as %s", (input, expected) => {
    expect(currencySchema.parse(input)).toBe(expected);
  });

  it("refuses a well-formed code that is not a currency", () => {
    expect(problem(currencySchema.safeParse("XYZ"))).toBe("Unknown ISO 4217 currency code");
  });

  it.each(["US", "USDX", "U$D", "", "840"])("refuses %j as not three letters", (input) => {
    expect(problem(currencySchema.safeParse(input))).toMatch(/three-letter ISO 4217 code/);
  });

  it("refuses anything but a string", () => {
    expect(currencySchema.safeParse(840).success).toBe(false);
  });

  it("lists the common codes", () => {
    expect(currencyCodes()).toEqual(expect.arrayContaining(["USD", "EUR", "GBP", "JPY"]));
  });
});

describe("timeZoneSchema", () => {
  it.each(["America/Chicago", "Europe/Kyiv", "Asia/Kolkata", "UTC"])("accepts %s", (zone) => {
    expect(timeZoneSchema.parse(zone)).toBe(zone);
  });

  it("trims surrounding spaces", () => {
    expect(timeZoneSchema.parse("  Europe/Berlin ")).toBe("Europe/Berlin");
  });

  it.each(["Mars/Olympus_Mons", "Chicago", "GMT+25"])("refuses %s as unknown", (zone) => {
    expect(problem(timeZoneSchema.safeParse(zone))).toMatch(/Unknown IANA time zone/);
  });

  it("asks for a zone when given an empty one", () => {
    expect(problem(timeZoneSchema.safeParse("   "))).toBe("Choose a time zone");
  });

  it("refuses names longer than 64 characters", () => {
    expect(timeZoneSchema.safeParse(`Europe/${"x".repeat(60)}`).success).toBe(false);
  });

  it("isTimeZone agrees with the schema", () => {
    expect(isTimeZone("Pacific/Auckland")).toBe(true);
    expect(isTimeZone("Nowhere/Special")).toBe(false);
  });

  it("offers the usual zones to pick from", () => {
    expect(timeZoneNames()).toEqual(expect.arrayContaining(["America/Chicago", "Europe/London"]));
    for (const zone of timeZoneNames()) expect(isTimeZone(zone)).toBe(true);
  });
});
