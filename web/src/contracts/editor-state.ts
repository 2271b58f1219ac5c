import {
  DEFAULT_CONFIDENTIALITY,
  DEFAULT_NOTICE_DAYS,
  DEFAULT_WORK_OWNERSHIP,
  type Contract,
  type ContractForm,
  type PaymentKind,
} from "../../../src/contracts/schema.ts";
import { splitByShares, splitEvenly } from "../../../src/money/allocate.ts";
import { amountText, readAmount } from "../app/money.ts";

/**
 * The contract editor's state: amounts as typed (read exactly when sent), and the steps the
 * milestone table offers — add, remove, split evenly or by percentages without losing a cent.
 */

export interface MilestoneDraft {
  /** Stable across edits so React keeps each row's inputs. */
  key: string;
  title: string;
  deliverable: string;
  dueDate: string;
  amount: string;
  /** Percent of the total, for "Split by percentages". */
  share: number | string;
}

export interface EditorState {
  contractorId: string;
  areaId: string;
  title: string;
  scope: string;
  deliverables: string;
  startDate: string;
  endDate: string;
  workOwnership: string;
  confidentiality: string;
  reportCadence: "daily" | "weekly";
  noticeDays: number | string;
  procedureIds: string[];
  currency: string;
  kind: PaymentKind;
  total: string;
  milestones: MilestoneDraft[];
  hourlyRate: string;
  weeklyCapHours: number | string;
  monthlyAmount: string;
  discountOn: boolean;
  discountAfter: number | string;
  discountPercent: number | string;
}

let keys = 0;
const nextKey = () => {
  keys += 1;
  return `milestone-${keys}`;
};

export function blankMilestone(): MilestoneDraft {
  return { key: nextKey(), title: "", deliverable: "", dueDate: "", amount: "", share: "" };
}

export function newEditorState(currency: string, contractorId = ""): EditorState {
  return {
    contractorId,
    areaId: "",
    title: "",
    scope: "",
    deliverables: "",
    startDate: "",
    endDate: "",
    workOwnership: DEFAULT_WORK_OWNERSHIP,
    confidentiality: DEFAULT_CONFIDENTIALITY,
    reportCadence: "daily",
    noticeDays: DEFAULT_NOTICE_DAYS,
    procedureIds: [],
    currency,
    kind: "fixed",
    total: "",
    milestones: [blankMilestone()],
    hourlyRate: "",
    weeklyCapHours: 20,
    monthlyAmount: "",
    discountOn: false,
    discountAfter: "",
    discountPercent: "",
  };
}

export function editorStateOf(contract: Contract): EditorState {
  const money = (cents: number) => amountText(cents, contract.currency);
  const { payment } = contract;
  return {
    ...newEditorState(contract.currency, contract.contractorId),
    areaId: contract.areaId ?? "",
    title: contract.title,
    scope: contract.scope,
    deliverables: contract.deliverables,
    startDate: contract.startDate,
    endDate: contract.endDate ?? "",
    workOwnership: contract.workOwnership,
    confidentiality: contract.confidentiality,
    reportCadence: contract.reportCadence,
    noticeDays: contract.noticeDays,
    procedureIds: contract.procedureIds,
    kind: payment.kind,
    total: payment.kind === "fixed" ? money(payment.total) : "",
    milestones:
      payment.kind === "fixed"
        ? payment.milestones.map((milestone) => ({
            key: nextKey(),
            title: milestone.title,
            deliverable: milestone.deliverable,
            dueDate: milestone.dueDate,
            amount: money(milestone.amount),
            share: "",
          }))
        : [blankMilestone()],
    hourlyRate: payment.kind === "hourly" ? money(payment.hourlyRate) : "",
    weeklyCapHours: payment.kind === "hourly" ? payment.weeklyCapMinutes / 60 : 20,
    monthlyAmount: payment.kind === "retainer" ? money(payment.monthlyAmount) : "",
    discountOn: contract.volumeDiscount !== null,
    discountAfter: contract.volumeDiscount?.after ?? "",
    discountPercent: contract.volumeDiscount ? contract.volumeDiscount.basisPoints / 100 : "",
  };
}

/** The milestones' amounts as read so far, and what they add up to next to the total. */
export function milestoneSum(state: EditorState): {
  sum: number | null;
  total: number | null;
} {
  const total = readAmount(state.total, state.currency);
  const amounts = state.milestones.map((m) => readAmount(m.amount, state.currency));
  const readable = amounts.every(
    (reading) => reading.error === undefined && reading.cents !== null,
  );
  return {
    total: total.error === undefined ? total.cents : null,
    sum: readable
      ? amounts.reduce(
          (sum, reading) => sum + (reading.error === undefined ? (reading.cents ?? 0) : 0),
          0,
        )
      : null,
  };
}

export function withAmounts(state: EditorState, cents: readonly number[]): EditorState {
  return {
    ...state,
    milestones: state.milestones.map((milestone, index) => ({
      ...milestone,
      amount: amountText(cents[index] ?? 0, state.currency),
    })),
  };
}

/** The total in equal parts, the leftover cents on the first milestones; null if the total is unreadable. */
export function splitStateEvenly(state: EditorState): EditorState | null {
  const { total } = milestoneSum(state);
  if (total === null || state.milestones.length === 0) return null;
  return withAmounts(state, splitEvenly(total, state.milestones.length, state.currency));
}

/** The shares typed as percentages, in basis points; null if any is missing or all are zero. */
export function sharesOf(state: EditorState): number[] | null {
  const shares = state.milestones.map((m) => Math.round(Number(m.share) * 100));
  if (shares.some((share) => !Number.isFinite(share) || share < 0)) return null;
  if (state.milestones.some((m) => m.share === "") || shares.every((share) => share === 0)) {
    return null;
  }
  return shares;
}

export function splitStateByShares(state: EditorState): EditorState | null {
  const { total } = milestoneSum(state);
  const shares = sharesOf(state);
  if (total === null || shares === null) return null;
  return withAmounts(state, splitByShares(total, shares, state.currency));
}

/** Equal percentages to start from, to two decimals, the remainder on the first rows. */
export function withEqualShares(state: EditorState): EditorState {
  const parts = splitEvenly(10_000, state.milestones.length);
  return {
    ...state,
    milestones: state.milestones.map((milestone, index) => ({
      ...milestone,
      share: (parts[index] ?? 0) / 100,
    })),
  };
}

/** A number field's value; an empty field is sent as nothing, so the API names it. */
function numberOf(value: number | string): number {
  return value === "" ? Number.NaN : Number(value);
}

/**
 * The body the API takes, or the problems with amounts as typed, named like the API's fields
 * so they show under the same inputs.
 */
export function bodyOf(
  state: EditorState,
): { body: ContractForm; problems: null } | { body: null; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const amount = (text: string, field: string): number => {
    const reading = readAmount(text, state.currency);
    if (reading.error !== undefined) problems[field] = reading.error;
    return reading.error === undefined ? (reading.cents ?? 0) : 0;
  };
  const payment: ContractForm["payment"] =
    state.kind === "fixed"
      ? {
          kind: "fixed",
          total: amount(state.total, "payment.total"),
          milestones: state.milestones.map((milestone, index) => ({
            title: milestone.title,
            deliverable: milestone.deliverable,
            dueDate: milestone.dueDate,
            amount: amount(milestone.amount, `payment.milestones.${index}.amount`),
          })),
        }
      : state.kind === "hourly"
        ? {
            kind: "hourly",
            hourlyRate: amount(state.hourlyRate, "payment.hourlyRate"),
            weeklyCapMinutes: Math.round(numberOf(state.weeklyCapHours) * 60),
          }
        : { kind: "retainer", monthlyAmount: amount(state.monthlyAmount, "payment.monthlyAmount") };
  if (Object.keys(problems).length > 0) return { body: null, problems };
  return {
    problems: null,
    body: {
      contractorId: state.contractorId,
      areaId: state.areaId || null,
      title: state.title,
      scope: state.scope,
      deliverables: state.deliverables,
      startDate: state.startDate,
      endDate: state.endDate || null,
      workOwnership: state.workOwnership,
      confidentiality: state.confidentiality,
      reportCadence: state.reportCadence,
      noticeDays: numberOf(state.noticeDays),
      procedureIds: state.procedureIds,
      currency: state.currency,
      payment,
      volumeDiscount: state.discountOn
        ? {
            after: numberOf(state.discountAfter),
            basisPoints: Math.round(numberOf(state.discountPercent) * 100),
          }
        : null,
    },
  };
}
