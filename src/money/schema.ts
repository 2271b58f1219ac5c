import { z } from "zod";

/** The largest amount Handoff accepts: ten billion in major units, far beyond a small business. */
export const MAX_AMOUNT = 1_000_000_000_000;

/** An amount in minor units (cents for USD); fractions of a cent are refused, not rounded. */
export function amountSchema(description: string) {
  return z
    .number({ error: "Enter an amount" })
    .int("Amounts are whole cents (minor units); fractions of a cent are not allowed")
    .min(0, "An amount cannot be negative")
    .max(MAX_AMOUNT, "That amount is too large")
    .meta({ description: `${description}, in minor units of the workspace currency (cents)` });
}
