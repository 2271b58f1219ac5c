/**
 * Amounts are integer minor units (cents) of the workspace currency; never floats.
 * Rates and totals derived by division are rounded once, at the end, to the cent.
 */

/**
 * numerator / denominator rounded to the nearest integer, halves away from zero
 * ("commercial rounding"). Used for rates shown to people, such as $50,000 over
 * 2,080 hours = 2403.846… cents → $24.04. Computed in BigInt so large products stay exact.
 */
export function roundedQuotient(numerator: number | bigint, denominator: number | bigint): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) throw new RangeError("division by zero");
  const negative = n < 0n !== d < 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const quotient = (absN * 2n + absD) / (absD * 2n);
  return Number(negative ? -quotient : quotient);
}

/** Building an Intl formatter costs far more than using one, so each is made once. */
const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(
  locale: string,
  currency: string,
  fractionDigits?: number,
): Intl.NumberFormat {
  const key = `${locale}|${currency}|${fractionDigits ?? ""}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      ...(fractionDigits !== undefined && {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Minor units per major unit for a currency (2 for USD, 0 for JPY, 3 for KWD). */
export function minorUnits(currency: string): number {
  return currencyFormatter("en", currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "$24.04", and "$75" rather than "$75.00" when the amount is whole. */
export function formatMoney(cents: number, currency: string, locale = "en-US"): string {
  const digits = minorUnits(currency);
  const whole = cents % 10 ** digits === 0;
  return currencyFormatter(locale, currency, whole ? 0 : digits).format(cents / 10 ** digits);
}

/**
 * "12.50" → 1250 for USD; exact, without floats. Returns null for anything that is not a
 * plain non-negative amount with at most the currency's number of decimals.
 */
export function parseMajorAmount(text: string, currency: string): number | null {
  const digits = minorUnits(currency);
  const match = /^(\d{1,13})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** 1250 → "12.50" for USD: the plain form used in CSV files. */
export function formatMajorAmount(cents: number, currency: string): string {
  const digits = minorUnits(currency);
  if (digits === 0) return String(cents);
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  const whole = Math.floor(absolute / 10 ** digits);
  const fraction = String(absolute % 10 ** digits).padStart(digits, "0");
  return `${sign}${whole}.${fraction}`;
}
