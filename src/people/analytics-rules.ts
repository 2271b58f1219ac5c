import { roundedQuotient } from "../money/amount.ts";
import { rolledUpScore, type CriterionScore } from "./hiring-rules.ts";

/**
 * Channel analytics: which channel gives the best people for the money. Pure. Figures that
 * depend on later parts of the product (ratings of delivered work, the payments ledger) are
 * optional inputs: absent, their figures are null and a note says what will fill them.
 */

export const NO_CHANNEL = "No channel recorded";

export interface ChannelFacts {
  id: string;
  name: string;
  /** 1,000 = 10.00 %. */
  feeBasisPoints: number;
  archived: boolean;
}

export interface CandidacyFacts {
  contractorId: string;
  /** The channel on the person's record; null when none was recorded. */
  channelId: string | null;
  hired: boolean;
  /** Its scorecard; rolled up with the weights the candidate's page shows. */
  scores: readonly CriterionScore[];
}

/** What a person has been paid, in minor units of the workspace currency. */
export interface PersonSpend {
  /** Paid for regular work after they were hired; the channel's fee is a share of it. */
  work: number;
  /** Paid for test projects while they were a candidate. */
  testProjects: number;
}

/** One payment to a person: released work or a bonus, negative when a bonus was reversed. */
export interface PersonPayment {
  contractorId: string;
  amount: number;
  at: number;
}

/**
 * Splits each person's payments into test projects (paid before they were first hired, or
 * while they never were) and work (paid from their hire on).
 */
export function personSpend(
  payments: readonly PersonPayment[],
  hiredAt: ReadonlyMap<string, number>,
): Map<string, PersonSpend> {
  const spend = new Map<string, PersonSpend>();
  for (const payment of payments) {
    const totals = spend.get(payment.contractorId) ?? { work: 0, testProjects: 0 };
    const hired = hiredAt.get(payment.contractorId);
    if (hired !== undefined && payment.at >= hired) totals.work += payment.amount;
    else totals.testProjects += payment.amount;
    spend.set(payment.contractorId, totals);
  }
  return spend;
}

export interface ChannelAnalyticsInput {
  channels: readonly ChannelFacts[];
  candidacies: readonly CandidacyFacts[];
  /** Each person's average rating of reviewed work, 1–5; from work reviews. */
  ratings?: ReadonlyMap<string, number>;
  /** Each person's spend; from the payments ledger. */
  spend?: ReadonlyMap<string, PersonSpend>;
}

export interface ChannelStats {
  channelId: string | null;
  name: string;
  feeBasisPoints: number;
  candidates: number;
  hires: number;
  hireRate: number | null;
  averageScore: number | null;
  averageRating: number | null;
  costPerHire: number | null;
}

export const laterNotes = {
  ratings: "Average rating appears once delivered work is reviewed in Work.",
  spend: "Cost per hire appears once payments are recorded in Payments.",
} as const;

const countingNote =
  "Each person counts once per channel, under the channel on their record, however many openings they entered.";

function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Fees (the channel's share of what its hires were paid for work) plus every test project
 * paid to its candidates, per hire. Rounded once, to the minor unit.
 */
function costPerHire(
  people: ReadonlySet<string>,
  hired: ReadonlySet<string>,
  feeBasisPoints: number,
  spend: ReadonlyMap<string, PersonSpend>,
): number | null {
  if (hired.size === 0) return null;
  const work = sum([...hired].map((id) => spend.get(id)?.work ?? 0));
  const tests = sum([...people].map((id) => spend.get(id)?.testProjects ?? 0));
  return roundedQuotient(
    BigInt(work) * BigInt(feeBasisPoints) + BigInt(tests) * 10_000n,
    10_000n * BigInt(hired.size),
  );
}

function statsOf(
  channel: Pick<ChannelStats, "channelId" | "name" | "feeBasisPoints">,
  candidacies: readonly CandidacyFacts[],
  input: ChannelAnalyticsInput,
): ChannelStats {
  const people = new Set(candidacies.map((row) => row.contractorId));
  const hired = new Set(candidacies.filter((row) => row.hired).map((row) => row.contractorId));
  const scores = candidacies
    .map((row) => rolledUpScore(row.scores))
    .filter((score): score is number => score !== null);
  const { ratings, spend } = input;
  const ratingsOfHires = [...hired].flatMap((id) => {
    const rating = ratings?.get(id);
    return rating === undefined ? [] : [rating];
  });
  return {
    ...channel,
    candidates: people.size,
    hires: hired.size,
    hireRate: people.size === 0 ? null : hired.size / people.size,
    averageScore: average(scores),
    averageRating: ratings ? average(ratingsOfHires) : null,
    costPerHire: spend ? costPerHire(people, hired, channel.feeBasisPoints, spend) : null,
  };
}

/**
 * Per channel: distinct candidates, hires, hire rate, average scorecard score, and — when
 * the later inputs are given — average rating of hires' work and cost per hire. Channels
 * in use are listed in the owner's order, archived ones only when someone came through
 * them, and people with no channel under "No channel recorded".
 */
export function channelAnalytics(input: ChannelAnalyticsInput): {
  channels: ChannelStats[];
  notes: string[];
} {
  const known = new Set(input.channels.map((channel) => channel.id));
  const channelOf = (row: CandidacyFacts) =>
    row.channelId !== null && known.has(row.channelId) ? row.channelId : null;
  const rows = input.channels.flatMap((channel) => {
    const candidacies = input.candidacies.filter((row) => channelOf(row) === channel.id);
    if (channel.archived && candidacies.length === 0) return [];
    const { id, name, feeBasisPoints } = channel;
    return [statsOf({ channelId: id, name, feeBasisPoints }, candidacies, input)];
  });
  const unrecorded = input.candidacies.filter((row) => channelOf(row) === null);
  if (unrecorded.length > 0) {
    rows.push(statsOf({ channelId: null, name: NO_CHANNEL, feeBasisPoints: 0 }, unrecorded, input));
  }
  const notes = [countingNote];
  if (!input.ratings) notes.push(laterNotes.ratings);
  if (!input.spend) notes.push(laterNotes.spend);
  return { channels: rows, notes };
}
