import { createHash } from "node:crypto";
import { formatMoney } from "../money/amount.ts";
import { discountedAmount, percentText } from "./rules.ts";
import type { VolumeDiscount } from "./schema.ts";

/**
 * The contract as one Markdown text: the same facts always give the same text, so its
 * SHA-256 names exactly what the contractor read and accepted.
 */

export interface ScheduledMilestone {
  title: string;
  deliverable: string;
  dueDate: string | null;
  listAmount: number;
  amount: number;
}

export type DocumentPayment =
  | { kind: "fixed"; milestones: readonly ScheduledMilestone[] }
  | { kind: "hourly"; hourlyRate: number; weeklyCapMinutes: number }
  | { kind: "retainer"; monthlyAmount: number };

export interface DocumentFacts {
  title: string;
  version: number;
  business: { name: string; ownerName: string };
  contractor: { name: string; email: string };
  scope: string;
  deliverables: string;
  procedures: readonly string[];
  startDate: string;
  endDate: string | null;
  currency: string;
  payment: DocumentPayment;
  volumeDiscount: VolumeDiscount | null;
  workOwnership: string;
  confidentiality: string;
  reportCadence: "daily" | "weekly";
  noticeDays: number;
}

export const NEVER_IN_ADVANCE =
  "Never paid in advance: payment is released only for accepted work.";

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-04-01" → "1 April 2026", the same on every server whatever its locale. */
export function longDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return `${day} ${monthNames[(month ?? 1) - 1]} ${year}`;
}

/** A fact meant for one line, with any run of whitespace folded to one space. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A one-line fact (a title, a name, an address) that should read as typed, not as Markdown:
 * whitespace is folded to single spaces so it cannot break into blocks of its own, inline
 * marks are escaped, and so is a start that would open a list, quote, heading or rule.
 */
function plain(text: string): string {
  return singleLine(text)
    .replace(/[\\`*_[\]<>|#~]/g, (mark) => `\\${mark}`)
    .replace(/^[-+=]/, (mark) => `\\${mark}`)
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
  return `${n}${suffix}`;
}

function hours(minutes: number): string {
  const value = minutes / 60;
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2);
  return `${text} ${value === 1 ? "hour" : "hours"}`;
}

function schedule(facts: DocumentFacts, milestones: readonly ScheduledMilestone[]): string[] {
  const money = (amount: number) => formatMoney(amount, facts.currency);
  const discounted = milestones.some((m) => m.amount !== m.listAmount);
  const total = milestones.reduce((sum, m) => sum + m.amount, 0);
  const listTotal = milestones.reduce((sum, m) => sum + m.listAmount, 0);
  const rows = milestones.map((m, index) => {
    const due = m.dueDate ? longDate(m.dueDate) : "";
    const amounts = discounted ? [money(m.listAmount), money(m.amount)] : [money(m.amount)];
    return `| ${index + 1} | ${plain(m.title)} | ${plain(m.deliverable)} | ${due} | ${amounts.join(" | ")} |`;
  });
  const header = discounted
    ? [
        "| # | Milestone | What is delivered | Due | List price | Paid |",
        "|--:|---|---|---|--:|--:|",
      ]
    : ["| # | Milestone | What is delivered | Due | Amount |", "|--:|---|---|---|--:|"];
  const totals = discounted
    ? `|  | **Total** |  |  | **${money(listTotal)}** | **${money(total)}** |`
    : `|  | **Total** |  |  | **${money(total)}** |`;
  return ["### Payment schedule", "", ...header, ...rows, totals];
}

function paymentSection(facts: DocumentFacts): string[] {
  const money = (amount: number) => formatMoney(amount, facts.currency);
  const { payment } = facts;
  const lines = ["## Payment", "", `**${NEVER_IN_ADVANCE}**`, ""];
  if (payment.kind === "fixed") {
    const total = payment.milestones.reduce((sum, m) => sum + m.amount, 0);
    lines.push(
      `A fixed price of ${money(total)}, paid milestone by milestone: each milestone is paid once ` +
        `its deliverable is delivered and the business has accepted it.`,
      "",
      ...schedule(facts, payment.milestones),
    );
  } else if (payment.kind === "hourly") {
    lines.push(
      `${money(payment.hourlyRate)} an hour for the time logged in the app, for at most ` +
        `${hours(payment.weeklyCapMinutes)} a week. Each week's timesheet is paid once the business ` +
        `has accepted it; time over the weekly cap is not paid.`,
    );
  } else {
    lines.push(
      `${money(payment.monthlyAmount)} a month for the agreed scope. Each month is paid once the ` +
        `business has accepted that month's work.`,
    );
  }
  const discount = facts.volumeDiscount;
  if (discount) {
    const off = percentText(discount.basisPoints);
    lines.push("", "### Volume discount", "");
    if (payment.kind === "fixed") {
      lines.push(
        `Milestones after the ${ordinal(discount.after)} are paid ${off} less than their list price; ` +
          `the schedule shows both.`,
      );
    } else if (payment.kind === "hourly") {
      lines.push(
        `After the first ${hours(discount.after * 60)}, the rate drops by ${off} to ` +
          `${money(discountedAmount(payment.hourlyRate, discount.basisPoints))} an hour.`,
      );
    } else {
      lines.push(
        `After the first ${discount.after} ${discount.after === 1 ? "month" : "months"}, the monthly amount ` +
          `drops by ${off} to ${money(discountedAmount(payment.monthlyAmount, discount.basisPoints))}.`,
      );
    }
  }
  return lines;
}

/** The contract document in Markdown. */
export function contractDocument(facts: DocumentFacts): string {
  const reporting = facts.reportCadence === "daily" ? "every working day" : "every week";
  const notice =
    facts.noticeDays === 0
      ? "Either party may end this contract at any time, by telling the other in writing."
      : `Either party may end this contract by giving the other ${facts.noticeDays} ` +
        `${facts.noticeDays === 1 ? "day's" : "days'"} notice in writing.`;
  const lines = [
    `# ${plain(facts.title)}`,
    "",
    `Contract version ${facts.version}. Amounts are in ${facts.currency}.`,
    "",
    "## The parties",
    "",
    `- **The business:** ${plain(facts.business.name)}, represented by ${plain(facts.business.ownerName)}`,
    `- **The contractor:** ${plain(facts.contractor.name)} (${plain(facts.contractor.email)})`,
    "",
    "## Dates",
    "",
    `- **Starts:** ${longDate(facts.startDate)}`,
    facts.endDate
      ? `- **Ends:** ${longDate(facts.endDate)}`
      : "- **Ends:** no fixed end; it runs until either party ends it with notice",
    "",
    "## Scope and expectations",
    "",
    facts.scope.trim(),
    "",
    "## Deliverables",
    "",
    facts.deliverables.trim(),
    "",
  ];
  if (facts.procedures.length > 0) {
    lines.push(
      "## Procedures to follow",
      "",
      "The contractor does the work as these written procedures describe; they are shared in the app.",
      "",
      ...facts.procedures.map((title) => `- ${plain(title)}`),
      "",
    );
  }
  lines.push(
    ...paymentSection(facts),
    "",
    "## Who owns the work",
    "",
    facts.workOwnership.trim(),
    "",
    "## Confidentiality",
    "",
    facts.confidentiality.trim(),
    "",
    "## Reporting progress",
    "",
    `The contractor reports progress ${reporting} in the app: what was done, what comes next, ` +
      `anything in the way, and the hours spent.`,
    "",
    "## Ending the contract",
    "",
    `${notice} Work the business has accepted before the end is paid; work not accepted is not.`,
    "",
    "## Accepting this contract",
    "",
    "The contractor accepts this contract by typing their full name in the app. The time, the " +
      "network address it came from and a SHA-256 fingerprint of this exact text are recorded.",
    "",
  );
  return lines.join("\n");
}

/** SHA-256 of the text, hex: what an acceptance names as the text it accepted. */
export function documentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
