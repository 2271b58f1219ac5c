import { formatMajorAmount, minorUnits, parseMajorAmount } from "../../../src/money/amount.ts";
import { MAX_AMOUNT } from "../../../src/money/schema.ts";
import { useMe } from "../auth/session.ts";

export { formatMoney } from "../../../src/money/amount.ts";

/** The workspace's currency: every amount typed or shown in these areas is in it. */
export function useCurrency(): string {
  return useMe().workspace.currency;
}

export type AmountReading = { cents: number | null; error?: undefined } | { error: string };

/** "1,234,567" from "1234567": thousands separated, the way most owners type large amounts. */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * An amount typed in major units ("50,000", "50000.00", "12.5") read exactly into minor units
 * (cents), with no floating point on the way. Commas are accepted only as thousands
 * separators, so "12,50" is refused rather than read as twelve hundred and fifty.
 */
export function readAmount(text: string, currency: string, optional = false): AmountReading {
  // "$1,200" is read like "1,200": the mark in front is the field's own currency.
  const symbol = currencySymbol(currency);
  const typed = text.trim().replace(/\s+/g, "");
  const trimmed = typed.startsWith(symbol) ? typed.slice(symbol.length) : typed;
  if (trimmed === "") return optional ? { cents: null } : { error: "Enter an amount" };
  if (trimmed.startsWith("-")) return { error: "An amount cannot be negative" };
  const digits = minorUnits(currency);
  const example = digits === 0 ? "50,000" : "50,000 or 50000.00";
  let plain = trimmed;
  if (trimmed.includes(",")) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(trimmed)) {
      return { error: `Use commas only between thousands, like ${example}` };
    }
    plain = trimmed.replace(/,/g, "");
  }
  const fraction = /\.(\d*)$/.exec(plain)?.[1];
  if (fraction !== undefined && fraction.length > digits) {
    return {
      error:
        digits === 0
          ? `${currency} amounts are whole numbers`
          : `At most ${digits} decimals (${currency} has no smaller unit)`,
    };
  }
  const cents = parseMajorAmount(plain.replace(/\.$/, ""), currency);
  if (cents === null) return { error: `Enter an amount like ${example}` };
  if (cents > MAX_AMOUNT) return { error: "That amount is too large" };
  return { cents };
}

/** Minor units as they are typed back into a form: "50,000" or "12.50". */
export function amountText(cents: number | null, currency: string): string {
  if (cents === null) return "";
  const [whole = "0", fraction] = formatMajorAmount(cents, currency).split(".");
  const keepFraction = fraction !== undefined && /[1-9]/.test(fraction);
  return keepFraction ? `${grouped(whole)}.${fraction}` : grouped(whole);
}

const symbols = new Map<string, string>();

/** "$", "€", "CHF": the mark shown in front of an amount field. */
export function currencySymbol(currency: string): string {
  let symbol = symbols.get(currency);
  if (symbol === undefined) {
    const parts = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      currencyDisplay: "narrowSymbol",
    }).formatToParts(0);
    symbol = parts.find((part) => part.type === "currency")?.value ?? currency;
    symbols.set(currency, symbol);
  }
  return symbol;
}

/** A minor-unit amount as a plain number of major units, for chart axes only (never stored). */
export function chartAmount(cents: number, currency: string): number {
  return cents / 10 ** minorUnits(currency);
}

/** Back from a chart's major units to minor units, rounded to the nearest unit. */
export function fromChartAmount(value: number, currency: string): number {
  return Math.round(value * 10 ** minorUnits(currency));
}

const fixedFormatters = new Map<string, Intl.NumberFormat>();

/**
 * "$3,192.00": always the currency's decimals, so amounts line up in a table column. The
 * division only feeds the formatter, which rounds to those decimals: exact for any amount
 * Handoff accepts.
 */
export function formatMoneyFixed(cents: number, currency: string): string {
  const digits = minorUnits(currency);
  let formatter = fixedFormatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    fixedFormatters.set(currency, formatter);
  }
  return formatter.format(cents / 10 ** digits);
}

/** "12.5 h", "2,080 h". */
export function formatHours(hours: number): string {
  return `${hours.toLocaleString("en-US", { maximumFractionDigits: 2 })} h`;
}

/** "12.35 %", never broken across lines. */
export function formatPercent(value: number): string {
  return `${value.toLocaleString("en-US", { maximumFractionDigits: 2 })}\u00a0%`;
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}
