import { formatMoney, roundedQuotient } from "../money/amount.ts";
import { convertAmount, type ExchangeRates } from "../people/rules.ts";
import {
  MIN_GUARD_REASON,
  type ContractStatus,
  type GuardFlag,
  type MilestoneInput,
  type VolumeDiscount,
} from "./schema.ts";

/**
 * The contracts area's judgement: which step a contract may take from where it is, what a
 * contract is worth, and when it puts too much in one person's hands. No database, no clock.
 */

// Lifecycle: draft → sent → active (on the contractor's acceptance) → completed, or ended early.

export type ContractStep = "edit" | "delete" | "send" | "accept" | "complete" | "end";

const allowedFrom: Record<ContractStep, readonly ContractStatus[]> = {
  edit: ["draft", "sent"],
  delete: ["draft"],
  send: ["draft"],
  accept: ["sent"],
  complete: ["active"],
  end: ["sent", "active"],
};

const refusals: Record<ContractStep, { code: string; message: string }> = {
  edit: {
    code: "contract.not_editable",
    message: "Only a draft or a sent contract can be changed; once accepted it is fixed",
  },
  delete: { code: "contract.not_draft", message: "Only a draft can be deleted" },
  send: { code: "contract.not_draft", message: "Only a draft can be sent" },
  accept: { code: "contract.not_sent", message: "Only a contract waiting for you can be accepted" },
  complete: { code: "contract.not_active", message: "Only an active contract can be completed" },
  end: { code: "contract.finished", message: "This contract has already finished" },
};

/** Why the step is refused from this status, or null when it may be taken. */
export function refusal(
  step: ContractStep,
  status: ContractStatus,
): { code: string; message: string } | null {
  return allowedFrom[step].includes(status) ? null : refusals[step];
}

/**
 * A sent contract that changes is a new offer: its version goes up and it stays sent, so
 * the contractor must accept the new text. A draft keeps its version.
 */
export function afterEdit(status: ContractStatus, version: number): number {
  return status === "sent" ? version + 1 : version;
}

/** The next thing that should happen to a contract, in words, for lists. */
export function nextStep(status: ContractStatus): string {
  const steps: Record<ContractStatus, string> = {
    draft: "Send it to the contractor",
    sent: "Waiting for the contractor to accept",
    active: "Work in progress",
    completed: "Done",
    ended: "Ended early",
  };
  return steps[status];
}

/** The contractor typed their name as the contract names them: case and extra spaces aside. */
export function sameName(typed: string, name: string): boolean {
  const key = (text: string) =>
    text.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
  return key(typed) === key(name);
}

/** Work on the contract that has not been paid for yet keeps it from being completed. */
export function workOutstanding(milestones: readonly { status: string }[]): number {
  return milestones.filter((milestone) => milestone.status !== "released").length;
}

// Money: volume discounts, planned milestones and the contract's value.

const WHOLE = 10_000;

/** A list amount less a discount in basis points, rounded once to the minor unit. */
export function discountedAmount(listAmount: number, basisPoints: number): number {
  return listAmount - roundedQuotient(BigInt(listAmount) * BigInt(basisPoints), WHOLE);
}

export interface PlannedAmount {
  listAmount: number;
  /** What is paid: the list amount, less the volume discount after the Nth milestone. */
  amount: number;
}

/** The owner writes list amounts; milestones after the discount's Nth are paid that much less. */
export function plannedAmounts(
  milestones: readonly Pick<MilestoneInput, "amount">[],
  discount: VolumeDiscount | null,
): PlannedAmount[] {
  return milestones.map((milestone, index) => ({
    listAmount: milestone.amount,
    amount:
      discount && index >= discount.after
        ? discountedAmount(milestone.amount, discount.basisPoints)
        : milestone.amount,
  }));
}

/**
 * The field that a volume discount brings to nothing, or null: nobody works for 0, so a
 * milestone, rate or monthly amount must still be at least one minor unit once discounted.
 */
export function discountedToNothing(
  payment: PaymentTerms,
  discount: VolumeDiscount | null,
): string | null {
  if (!discount) return null;
  if (payment.kind === "fixed") {
    const index = plannedAmounts(payment.milestones, discount).findIndex((m) => m.amount < 1);
    return index < 0 ? null : `payment.milestones.${index}.amount`;
  }
  const amount = payment.kind === "hourly" ? payment.hourlyRate : payment.monthlyAmount;
  return discountedAmount(amount, discount.basisPoints) < 1 ? "volumeDiscount.basisPoints" : null;
}

/** A planned milestone as the contract text and the money see it. */
export interface PlannedTerms {
  title: string;
  deliverable: string;
  due_date: string | null;
  amount: number;
  list_amount: number | null;
}

/** The same milestones in the same order: an edit that keeps the plan keeps its milestones. */
export function samePlan(before: readonly PlannedTerms[], after: readonly PlannedTerms[]): boolean {
  const key = (plan: readonly PlannedTerms[]) =>
    JSON.stringify(plan.map((m) => [m.title, m.deliverable, m.due_date, m.amount, m.list_amount]));
  return key(before) === key(after);
}

/** How long an open-ended contract is counted as lasting when its value is weighed. */
export const OPEN_ENDED = { weeks: 13, months: 3 } as const;

const DAY = 86_400_000;

function dayNumber(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  return Date.UTC(year, month - 1, day) / DAY;
}

/** Whole weeks from start to end, both days included, any part week counting as a week. */
export function weeksOf(startDate: string, endDate: string): number {
  return Math.max(1, Math.ceil((dayNumber(endDate) - dayNumber(startDate) + 1) / 7));
}

/** Calendar months from start to end, both days included, any part month counting as a month. */
export function monthsOf(startDate: string, endDate: string): number {
  const [startYear = 0, startMonth = 0, startDay = 0] = startDate.split("-").map(Number);
  const dayAfter = new Date((dayNumber(endDate) + 1) * DAY);
  const months =
    (dayAfter.getUTCFullYear() - startYear) * 12 +
    (dayAfter.getUTCMonth() + 1 - startMonth) +
    (dayAfter.getUTCDate() > startDay ? 1 : 0);
  return Math.max(1, months);
}

export type PaymentTerms =
  | { kind: "fixed"; milestones: readonly { amount: number }[] }
  | { kind: "hourly"; hourlyRate: number; weeklyCapMinutes: number }
  | { kind: "retainer"; monthlyAmount: number };

export interface ValuedTerms {
  startDate: string;
  endDate: string | null;
  currency: string;
  payment: PaymentTerms;
  volumeDiscount: VolumeDiscount | null;
}

export interface ContractValue {
  amount: number;
  /** How the value was reached when it is not simply the fixed price. */
  note: string | null;
}

function hoursText(minutes: number): string {
  const hours = minutes / 60;
  return `${Number.isInteger(hours) ? hours : hours.toFixed(2)} hours`;
}

/**
 * What the contract can cost: the milestones' sum for a fixed price; the hourly rate for the
 * weekly cap over the contract's weeks; the monthly amount over its months. An open-ended
 * contract counts as 13 weeks or 3 months, and the note says so.
 */
export function contractValue(terms: ValuedTerms): ContractValue {
  const { payment, volumeDiscount: discount, currency } = terms;
  if (payment.kind === "fixed") {
    return { amount: payment.milestones.reduce((sum, m) => sum + m.amount, 0), note: null };
  }
  if (payment.kind === "hourly") {
    const weeks = terms.endDate ? weeksOf(terms.startDate, terms.endDate) : OPEN_ENDED.weeks;
    const minutes = payment.weeklyCapMinutes * weeks;
    const fullMinutes = discount ? Math.min(minutes, discount.after * 60) : minutes;
    const lowerRate = discount ? discountedAmount(payment.hourlyRate, discount.basisPoints) : 0;
    const amount = roundedQuotient(
      BigInt(payment.hourlyRate) * BigInt(fullMinutes) +
        BigInt(lowerRate) * BigInt(minutes - fullMinutes),
      60,
    );
    const basis = `at most ${hoursText(payment.weeklyCapMinutes)} a week for ${weeks} weeks at ${formatMoney(payment.hourlyRate, currency)} an hour`;
    return {
      amount,
      note: terms.endDate ? basis : `${basis}, counting 13 weeks as it has no end date`,
    };
  }
  const months = terms.endDate ? monthsOf(terms.startDate, terms.endDate) : OPEN_ENDED.months;
  const fullMonths = discount ? Math.min(months, discount.after) : months;
  const lowerAmount = discount ? discountedAmount(payment.monthlyAmount, discount.basisPoints) : 0;
  const amount = payment.monthlyAmount * fullMonths + lowerAmount * (months - fullMonths);
  const basis = `${months} ${months === 1 ? "month" : "months"} at ${formatMoney(payment.monthlyAmount, currency)} a month`;
  return {
    amount,
    note: terms.endDate ? basis : `${basis}, counting 3 months as it has no end date`,
  };
}

// The huge-project guard: never hand a huge project, or most of the open work, to one person.

export interface GuardSettings {
  hugeContractAmount: number;
  maxShareBasisPoints: number;
}

/** A contract as the guard weighs it: its value in its own currency. */
export interface WeighedContract {
  id: string;
  contractorId: string;
  areaId: string | null;
  value: number;
  currency: string;
}

export interface GuardQuestion {
  contract: WeighedContract & {
    contractorName: string;
    areaName: string | null;
    valueNote: string | null;
  };
  /** The workspace's sent and active contracts; the one weighed may be among them. */
  open: readonly WeighedContract[];
  settings: GuardSettings;
  workspaceCurrency: string;
  rates: ExchangeRates;
}

/** "50 %", "33.33 %". */
export function percentText(basisPoints: number): string {
  const percent = basisPoints / 100;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(2)} %`;
}

/** A part of a total in basis points. */
export function shareOf(held: number, total: number): number {
  return total === 0 ? 0 : roundedQuotient(BigInt(held) * BigInt(WHOLE), total);
}

/** More than the allowed share, compared exactly rather than on the rounded share. */
export function overShare(held: number, total: number, maxShareBasisPoints: number): boolean {
  return BigInt(held) * BigInt(WHOLE) > BigInt(maxShareBasisPoints) * BigInt(total);
}

/** A contract's value in the workspace currency, or null when no rate is recorded for its own. */
export function valueIn(
  item: Pick<WeighedContract, "value" | "currency">,
  currency: string,
  rates: ExchangeRates,
): number | null {
  if (item.currency === currency) return item.value;
  const rate = rates[item.currency];
  return rate === undefined ? null : convertAmount(item.value, item.currency, currency, rate);
}

/**
 * Flags that ask the owner to think again before sending: a contract above the threshold,
 * or one person holding more than the allowed share of the open contract value, overall
 * or in the contract's area. Other currencies are converted at the recorded rates; a
 * currency without a rate is named in a flag rather than guessed.
 */
export function guardFlags(question: GuardQuestion): { flags: GuardFlag[]; value: number | null } {
  const { contract, settings, workspaceCurrency: currency, rates } = question;
  const money = (amount: number) => formatMoney(amount, currency);
  const inWorkspace = (item: WeighedContract) => valueIn(item, currency, rates);
  const flag = (
    kind: GuardFlag["kind"],
    message: string,
    numbers: Partial<
      Pick<GuardFlag, "amount" | "limit" | "shareBasisPoints" | "maxShareBasisPoints">
    > = {},
  ): GuardFlag => ({
    kind,
    message,
    amount: null,
    limit: null,
    shareBasisPoints: null,
    maxShareBasisPoints: null,
    currency,
    ...numbers,
  });
  const assumption = contract.valueNote ? ` (${contract.valueNote})` : "";
  const counted = (amount: number) =>
    contract.valueNote ? ` This contract counts as ${money(amount)}: ${contract.valueNote}.` : "";

  const value = inWorkspace(contract);
  if (value === null) {
    return {
      value,
      flags: [
        flag(
          "no_exchange_rate",
          `No exchange rate from ${contract.currency} to ${currency} is recorded, so this contract's value ` +
            `(${formatMoney(contract.value, contract.currency)}) cannot be weighed against your limits. ` +
            `Add the rate in the people settings, then check again.`,
        ),
      ],
    };
  }

  const flags: GuardFlag[] = [];
  if (value > settings.hugeContractAmount) {
    flags.push(
      flag(
        "huge_value",
        `This contract is worth ${money(value)}${assumption}, more than the ${money(settings.hugeContractAmount)} ` +
          `you set as the most for one contract. A huge project in one person's hands may never get done: ` +
          `split it into smaller milestones you accept one at a time, or between two people.`,
        { amount: value, limit: settings.hugeContractAmount },
      ),
    );
  }

  const others = question.open.filter((item) => item.id !== contract.id);
  const unconverted = new Set<string>();
  const weighed = others.flatMap((item) => {
    const amount = inWorkspace(item);
    if (amount === null) unconverted.add(item.currency);
    return amount === null ? [] : [{ ...item, amount }];
  });
  if (unconverted.size > 0) {
    const codes = [...unconverted].sort().join(", ");
    flags.push(
      flag(
        "no_exchange_rate",
        `Open contracts in ${codes} are left out of the shares below: no exchange rate to ${currency} ` +
          `is recorded for ${unconverted.size === 1 ? "it" : "them"}. Add the rate in the people settings.`,
      ),
    );
  }

  const concentration = (inScope: (item: WeighedContract) => boolean) => {
    const scoped = weighed.filter(inScope);
    const total = scoped.reduce((sum, item) => sum + item.amount, value);
    const held = scoped
      .filter((item) => item.contractorId === contract.contractorId)
      .reduce((sum, item) => sum + item.amount, value);
    const tooMuch = overShare(held, total, settings.maxShareBasisPoints);
    return { total, held, share: shareOf(held, total), tooMuch };
  };
  const numbers = (held: number, total: number, share: number) => ({
    amount: held,
    limit: total,
    shareBasisPoints: share,
    maxShareBasisPoints: settings.maxShareBasisPoints,
  });
  const allowed = percentText(settings.maxShareBasisPoints);

  const overall = concentration(() => true);
  if (overall.tooMuch) {
    flags.push(
      flag(
        "contractor_share",
        `${contract.contractorName} would hold ${money(overall.held)} of your ${money(overall.total)} open contract value ` +
          `(${percentText(overall.share)}), more than the ${allowed} you allow one person.${counted(value)} ` +
          `Split the work between two people, or into smaller milestones, so it does not all depend on one person.`,
        numbers(overall.held, overall.total, overall.share),
      ),
    );
  }

  if (contract.areaId !== null) {
    const area = concentration((item) => item.areaId === contract.areaId);
    // When the area holds all the open work, the overall flag already says it.
    const sameAsOverall = overall.tooMuch && area.total === overall.total;
    if (area.tooMuch && !sameAsOverall) {
      flags.push(
        flag(
          "area_share",
          `In ${contract.areaName ?? "this area"}, ${contract.contractorName} would hold ${money(area.held)} of ` +
            `${money(area.total)} open contract value (${percentText(area.share)}), more than the ${allowed} you allow one person.${counted(value)} ` +
            `Give part of this work to a second person with the skill, so the area does not depend on one person.`,
          numbers(area.held, area.total, area.share),
        ),
      );
    }
  }
  return { flags, value };
}

/**
 * Flags of the same kinds with the same numbers: a reason written for the old ones still
 * answers them. Any other change asks the owner to think again.
 */
export function sameFlags(before: readonly GuardFlag[], after: readonly GuardFlag[]): boolean {
  const key = (flags: readonly GuardFlag[]) =>
    JSON.stringify(
      flags.map((flag) => [
        flag.kind,
        flag.amount,
        flag.limit,
        flag.shareBasisPoints,
        flag.maxShareBasisPoints,
        flag.currency,
      ]),
    );
  return key(before) === key(after);
}

/** Any flag asks for a written reason before sending. */
export function reasonRequired(flags: readonly GuardFlag[], reason: string | undefined): boolean {
  return flags.length > 0 && (reason?.trim().length ?? 0) < MIN_GUARD_REASON;
}
