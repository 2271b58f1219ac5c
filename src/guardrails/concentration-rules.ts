import {
  overShare,
  percentText,
  shareOf,
  valueIn,
  type GuardQuestion,
} from "../contracts/rules.ts";
import { formatMoney } from "../money/amount.ts";
import type { GuardrailWarning, Holding } from "./schema.ts";

/**
 * Concentration (seed 001: never give a huge project, or most of the work, to one person):
 * the people who hold more than the allowed share of the open contract value, overall or
 * within one skill area, weighed as the contracts' huge-project guard weighs a contract
 * before it goes out. Pure.
 */

export type ConcentrationQuestion = Omit<GuardQuestion, "contract"> & {
  contractorNames: ReadonlyMap<string, string>;
  areaNames: ReadonlyMap<string, string>;
};

export interface Concentration {
  holdings: Holding[];
  unconverted: string[];
}

interface Weighed {
  contractorId: string;
  areaId: string | null;
  amount: number;
}

/** Each person's part of the scope's open value, with the scope's total. */
function heldIn(scoped: readonly Weighed[]): { total: number; held: Map<string, number> } {
  const held = new Map<string, number>();
  for (const item of scoped) {
    held.set(item.contractorId, (held.get(item.contractorId) ?? 0) + item.amount);
  }
  return { total: scoped.reduce((sum, item) => sum + item.amount, 0), held };
}

export function concentration(question: ConcentrationQuestion): Concentration {
  const { settings, workspaceCurrency: currency, rates } = question;
  const money = (amount: number) => formatMoney(amount, currency);
  const allowed = percentText(settings.maxShareBasisPoints);
  const unconverted = new Set<string>();
  const weighed = question.open.flatMap((item) => {
    const amount = valueIn(item, currency, rates);
    if (amount === null) unconverted.add(item.currency);
    return amount === null ? [] : [{ ...item, amount }];
  });
  const nameOf = (contractorId: string) => question.contractorNames.get(contractorId) ?? "Someone";

  const overall = heldIn(weighed);
  const flaggedOverall = new Set<string>();
  const holdings: Holding[] = [];
  for (const [contractorId, held] of overall.held) {
    if (!overShare(held, overall.total, settings.maxShareBasisPoints)) continue;
    flaggedOverall.add(contractorId);
    const name = nameOf(contractorId);
    holdings.push({
      key: `concentration:${contractorId}`,
      contractorId,
      contractorName: name,
      areaId: null,
      areaName: null,
      held,
      total: overall.total,
      shareBasisPoints: shareOf(held, overall.total),
      reason:
        `${name} holds ${money(held)} of your ${money(overall.total)} open contract value ` +
        `(${percentText(shareOf(held, overall.total))}), more than the ${allowed} you allow one person. ` +
        `Give the next piece of work to someone else, so it does not all depend on one person.`,
      action: { label: "Write the next contract for someone else", href: "/contracts/new" },
    });
  }

  const areaIds = [...new Set(weighed.flatMap((item) => (item.areaId ? [item.areaId] : [])))];
  for (const areaId of areaIds) {
    const area = heldIn(weighed.filter((item) => item.areaId === areaId));
    const areaName = question.areaNames.get(areaId) ?? "this area";
    for (const [contractorId, held] of area.held) {
      if (!overShare(held, area.total, settings.maxShareBasisPoints)) continue;
      // Someone holding too much of everything is told once; splitting their work answers both.
      if (flaggedOverall.has(contractorId)) continue;
      const name = nameOf(contractorId);
      holdings.push({
        key: `concentration:${contractorId}:${areaId}`,
        contractorId,
        contractorName: name,
        areaId,
        areaName,
        held,
        total: area.total,
        shareBasisPoints: shareOf(held, area.total),
        reason:
          `In ${areaName}, ${name} holds ${money(held)} of ${money(area.total)} open contract value ` +
          `(${percentText(shareOf(held, area.total))}), more than the ${allowed} you allow one person. ` +
          `Give part of this work to a second person with the skill.`,
        action: {
          label: `Write the next ${areaName} contract for someone else`,
          href: `/contracts/new?areaId=${encodeURIComponent(areaId)}`,
        },
      });
    }
  }
  holdings.sort(
    (a, b) =>
      b.shareBasisPoints - a.shareBasisPoints ||
      a.contractorName.localeCompare(b.contractorName) ||
      a.key.localeCompare(b.key),
  );
  return { holdings, unconverted: [...unconverted].sort() };
}

export function concentrationWarnings(holdings: readonly Holding[]): GuardrailWarning[] {
  return holdings.map((holding) => ({
    kind: "concentration",
    key: holding.key,
    title: holding.areaName
      ? `Too much ${holding.areaName} work with ${holding.contractorName}`
      : `Too much work with ${holding.contractorName}`,
    reason: holding.reason,
    action: holding.action,
  }));
}
