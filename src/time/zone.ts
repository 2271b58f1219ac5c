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

/** Every zone people can pick; some runtimes leave UTC out of the list although they accept it. */
export function timeZoneNames(): string[] {
  const names = Intl.supportedValuesOf("timeZone");
  return names.includes("UTC") ? names : ["UTC", ...names];
}
