import { z } from "zod";
import { hasAtMostDecimals } from "../numbers.ts";

/** Hours with at most two decimals (to the hundredth), stored as integer hundredths. */
export function hoursSchema(max: number, description: string) {
  return z
    .number({ error: "Enter a number of hours" })
    .min(0, "Hours cannot be negative")
    .max(max, `At most ${max} hours`)
    .refine((value) => hasAtMostDecimals(value, 2), "Use at most two decimals")
    .meta({ description });
}

export function toHundredths(hours: number): number {
  return Math.round(hours * 100);
}

export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}
