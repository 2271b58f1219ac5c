import { z } from "zod";

/** ISO 4217 codes this runtime knows (Intl carries the current list). */
const knownCurrencies = new Set(Intl.supportedValuesOf("currency"));

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code, such as USD or EUR")
  .refine((code) => knownCurrencies.has(code), "Unknown ISO 4217 currency code")
  .meta({ description: "ISO 4217 currency code", example: "USD" });

export function currencyCodes(): string[] {
  return [...knownCurrencies];
}
