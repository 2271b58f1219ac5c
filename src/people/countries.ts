import countries from "i18n-iso-countries";
import { z } from "zod";

/** ISO 3166-1 alpha-2 codes; names come from the runtime's own locale data. */
const codes = new Set(Object.keys(countries.getAlpha2Codes()));
const displayNames = new Intl.DisplayNames(["en"], { type: "region" });

export function countryName(code: string): string {
  return displayNames.of(code) ?? code;
}

/** Every country people can pick, by English name. */
export function countryOptions(): { code: string; name: string }[] {
  return [...codes]
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => codes.has(code), "Use a two-letter ISO 3166 country code, such as GB or PH")
  .meta({ description: "ISO 3166-1 alpha-2 country code", example: "PH" });
