import { minorUnits, roundedQuotient } from "../money/amount.ts";
import { addDays, instantAt, isoWeekdayOf, localDateOf } from "../time/working-day.ts";

/**
 * The directory's decisions: defaults, exchange rates, rate conversion and how much of a
 * contractor's working day the owner shares. Pure: the clock comes in as `now`.
 */

export const DEFAULT_MIN_SKILL_LEVEL = 3;
export const DEFAULT_OWNER_DAY = { start: "09:00", end: "17:00" } as const;

/** Where the seed articles say good contractors come from; the owner sets each fee. */
export const defaultChannels = [
  "Referral",
  "Own network",
  "Search engine",
  "Upwork",
  "Guru",
  "PeoplePerHour",
  "Fiverr",
  "Other",
] as const;

/**
 * How channel and area names are compared: "upwork" and "Upwork" are one name, so a file
 * can name them either way and two channels cannot differ only by case.
 */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

const MILLION = 1_000_000;

/** "1.08" → 1,080,000 millionths, exactly (the input schema allows at most six places). */
export function rateToMillionths(decimal: string): number {
  const [whole = "0", fraction = ""] = decimal.trim().split(".");
  return Number(whole) * MILLION + Number(fraction.padEnd(6, "0"));
}

/** 1,080,000 → "1.08": the shortest decimal for the stored rate. */
export function millionthsToRate(millionths: number): string {
  const whole = Math.floor(millionths / MILLION);
  const fraction = String(millionths % MILLION)
    .padStart(6, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** Currency code → workspace-currency units per unit, in millionths. */
export type ExchangeRates = Readonly<Record<string, number>>;

export interface Money {
  amount: number;
  currency: string;
}

/**
 * An amount in minor units of `from` as minor units of `to`, at `millionths` of a `to`
 * unit per `from` unit. The minor-unit scale of each side (0 for JPY, 2 for EUR, 3 for
 * KWD) is applied in the same exact step, then rounded once to the minor unit.
 */
export function convertAmount(
  amount: number,
  from: string,
  to: string,
  millionths: number,
): number {
  const fromScale = 10n ** BigInt(minorUnits(from));
  const toScale = 10n ** BigInt(minorUnits(to));
  return roundedQuotient(
    BigInt(amount) * BigInt(millionths) * toScale,
    BigInt(MILLION) * fromScale,
  );
}

export interface RateView {
  hourly: Money | null;
  project: Money | null;
  hourlyInWorkspace: Money | null;
  projectInWorkspace: Money | null;
  conversionNote: string | null;
}

/** A contractor's rates in their own currency and, when it differs, in the workspace's. */
export function rateView(
  rates: { hourly: number | null; project: number | null; currency: string },
  workspaceCurrency: string,
  exchangeRates: ExchangeRates,
): RateView {
  const own = (amount: number | null) =>
    amount === null ? null : { amount, currency: rates.currency };
  const base = {
    hourly: own(rates.hourly),
    project: own(rates.project),
    hourlyInWorkspace: null,
    projectInWorkspace: null,
    conversionNote: null,
  };
  if (rates.currency === workspaceCurrency || (rates.hourly === null && rates.project === null)) {
    return base;
  }
  const millionths = exchangeRates[rates.currency];
  if (millionths === undefined) {
    return {
      ...base,
      conversionNote: `No exchange rate from ${rates.currency} to ${workspaceCurrency} is set, so there is no ${workspaceCurrency} figure. Add one in Settings, under People.`,
    };
  }
  const converted = (amount: number | null) =>
    amount === null
      ? null
      : {
          amount: convertAmount(amount, rates.currency, workspaceCurrency, millionths),
          currency: workspaceCurrency,
        };
  return {
    ...base,
    hourlyInWorkspace: converted(rates.hourly),
    projectInWorkspace: converted(rates.project),
  };
}

// Time zones. A working day is wall-clock times in a zone; overlap is measured on real instants.

const WEDNESDAY = 3;

/** Today in the zone if it is a Wednesday, otherwise the next one (YYYY-MM-DD). */
export function comingWednesday(now: number, timeZone: string): string {
  const today = localDateOf(now, timeZone);
  return addDays(today, (WEDNESDAY - isoWeekdayOf(today) + 7) % 7);
}

export interface WorkingDay {
  timeZone: string;
  dayStart: string;
  dayEnd: string;
}

/**
 * Hours of the contractor's working day that fall inside the owner's on the coming
 * Wednesday (a typical weekday), rounded to the hundredth. The contractor's calendar may
 * be a day ahead of or behind the owner's, so their days either side count too, when
 * they are working days of theirs.
 */
export function overlapHours(
  owner: WorkingDay,
  contractor: WorkingDay & { workingDays: readonly number[] },
  now: number,
): number {
  const wednesday = comingWednesday(now, owner.timeZone);
  const ownerStart = instantAt(wednesday, owner.dayStart, owner.timeZone);
  const ownerEnd = instantAt(wednesday, owner.dayEnd, owner.timeZone);
  let shared = 0;
  for (const offset of [-1, 0, 1]) {
    const date = addDays(wednesday, offset);
    if (!contractor.workingDays.includes(isoWeekdayOf(date))) continue;
    const start = instantAt(date, contractor.dayStart, contractor.timeZone);
    const end = instantAt(date, contractor.dayEnd, contractor.timeZone);
    shared += Math.max(0, Math.min(end, ownerEnd) - Math.max(start, ownerStart));
  }
  return roundedQuotient(shared, 36_000) / 100;
}

export interface SkillClaim {
  level: number;
  verified: boolean;
}

/**
 * The skill a hire leaves on the record: hiring for an area never lowers what the owner
 * already knew about the person, nor takes away a verification.
 */
export function skillAfterHire(known: SkillClaim | undefined, hired: SkillClaim): SkillClaim {
  if (!known) return hired;
  return {
    level: Math.max(known.level, hired.level),
    verified: known.verified || hired.verified,
  };
}
