import type { Contractor } from "../../../src/people/schema.ts";
import { formatMoney } from "../app/money.ts";

export const statusLabels: Record<Contractor["status"], string> = {
  candidate: "Candidate",
  active: "Active",
  paused: "Paused",
  ended: "Ended",
};

export const statusColors: Record<Contractor["status"], string> = {
  candidate: "blue.9",
  active: "teal.9",
  paused: "yellow.9",
  ended: "gray.7",
};

export const portalLabels: Record<Contractor["portal"]["status"], string> = {
  none: "Not invited",
  invited: "Invited",
  joined: "Joined",
};

export const contactLabels: Record<Contractor["contactMethod"], string> = {
  email: "Email",
  phone: "Phone",
  chat: "Chat",
};

type Money = { amount: number; currency: string } | null;

function rateLine(own: Money, converted: Money, unit: string): string | null {
  if (!own) return null;
  const main = `${formatMoney(own.amount, own.currency)}${unit}`;
  return converted ? `${main} (≈ ${formatMoney(converted.amount, converted.currency)})` : main;
}

/** "€30/h (≈ $32.40)" and "€500 a project": each rate in its currency and the workspace's. */
export function rateLines(rates: Contractor["rates"]): string[] {
  return [
    rateLine(rates.hourly, rates.hourlyInWorkspace, "/h"),
    rateLine(rates.project, rates.projectInWorkspace, " a project"),
  ].filter((line): line is string => line !== null);
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The time on the person's wall clock now, such as "14:05". */
export function localTime(timeZone: string, now = Date.now()): string {
  let format = clocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" });
    clocks.set(timeZone, format);
  }
  return format.format(now);
}

const hours = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export function overlapText(overlapHours: number): string {
  return overlapHours === 0 ? "No overlap" : `${hours.format(overlapHours)} h overlap`;
}
