import { z } from "zod";

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose a time zone")
  .max(64)
  .refine(isTimeZone, "Unknown IANA time zone, such as Europe/London")
  .meta({ description: "IANA time zone", example: "America/New_York" });

export function timeZoneNames(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
