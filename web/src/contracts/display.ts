import type { ContractStatus, Payment, PaymentKind } from "../../../src/contracts/schema.ts";
import { formatMoney } from "../app/money.ts";

export const statusLabels: Record<ContractStatus, string> = {
  draft: "Draft",
  sent: "Waiting for acceptance",
  active: "Active",
  completed: "Completed",
  ended: "Ended early",
};

/** The colour of a status's dot; its words stay in the text colour, readable in both schemes. */
export const statusColors: Record<ContractStatus, string> = {
  draft: "gray",
  sent: "yellow",
  active: "teal",
  completed: "blue",
  ended: "red",
};

export const paymentKindLabels: Record<PaymentKind, string> = {
  fixed: "Fixed price",
  hourly: "Hourly",
  retainer: "Monthly retainer",
};

/** "2.5 hours", "20 hours". */
export function hoursText(minutes: number): string {
  const hours = minutes / 60;
  return `${Number.isInteger(hours) ? hours : hours.toFixed(2)} ${hours === 1 ? "hour" : "hours"}`;
}

/** The payment terms in one line: "$1,200 in 3 milestones", "$25 an hour, at most 20 hours a week". */
export function paymentText(payment: Payment, currency: string): string {
  if (payment.kind === "fixed") {
    const count = payment.milestones.length;
    return `${formatMoney(payment.total, currency)} in ${count} ${count === 1 ? "milestone" : "milestones"}`;
  }
  if (payment.kind === "hourly") {
    return `${formatMoney(payment.hourlyRate, currency)} an hour, at most ${hoursText(payment.weeklyCapMinutes)} a week`;
  }
  return `${formatMoney(payment.monthlyAmount, currency)} a month`;
}

/** "1 Apr 2026": a calendar date as written, without shifting it through a time zone. */
export function dateText(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(
    Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1),
  );
}

export function termText(startDate: string, endDate: string | null): string {
  return endDate
    ? `${dateText(startDate)} – ${dateText(endDate)}`
    : `From ${dateText(startDate)}, no end date`;
}
