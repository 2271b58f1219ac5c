import type { QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  deliveryMilestoneSchema,
  milestoneDetailSchema,
  releaseResultSchema,
  type AcceptInput,
  type SendBackInput,
  type SubmitInput,
} from "../../../src/contracts/delivery-schema.ts";
import {
  contractMoneySchema,
  paymentsPageSchema,
  paymentsSummarySchema,
  transactionSchema,
  type BonusInput,
  type EscrowFundInput,
  type EscrowRefundInput,
  type PaymentsFilter,
  type PayoutInput,
  type ReverseInput,
} from "../../../src/ledger/schema.ts";
import { api } from "../app/api.ts";
import { budgetKey } from "../metrics/api.ts";

/** Payments, escrow and the delivery of milestones: reads, and the money actions with their keys. */

const contractPath = (id: string) => `/api/contracts/${encodeURIComponent(id)}`;
const milestonePath = (id: string) => `/api/milestones/${encodeURIComponent(id)}`;

export const paymentsKey = ["payments"] as const;
export const milestonesKey = (contractId: string) =>
  ["contracts", contractId, "milestones"] as const;
const moneyKey = (contractId: string) => ["contracts", contractId, "money"] as const;
const milestoneKey = (id: string) => ["milestones", id] as const;

export type PaymentsQuery = Pick<PaymentsFilter, "contractorId" | "contractId" | "kind">;

function queryText(filter: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Movements newest first, a page at a time (see useInfiniteQuery). */
export function paymentsQuery(filter: PaymentsQuery, limit = 25) {
  return {
    queryKey: [...paymentsKey, "list", filter] as const,
    queryFn: ({ pageParam }: { pageParam: string | null }) =>
      api.get(
        `/api/payments${queryText({ ...filter, limit, cursor: pageParam ?? undefined })}`,
        paymentsPageSchema,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor,
  };
}

export const summaryQuery = {
  queryKey: [...paymentsKey, "summary"] as const,
  queryFn: () => api.get("/api/payments/summary", paymentsSummarySchema),
};

export function contractMoneyQuery(contractId: string) {
  return {
    queryKey: moneyKey(contractId),
    queryFn: () => api.get(`${contractPath(contractId)}/money`, contractMoneySchema),
  };
}

export function milestonesQuery(contractId: string) {
  return {
    queryKey: milestonesKey(contractId),
    queryFn: () =>
      api.get(`${contractPath(contractId)}/milestones`, z.array(deliveryMilestoneSchema)),
  };
}

export function milestoneQuery(id: string) {
  return {
    queryKey: milestoneKey(id),
    queryFn: () => api.get(milestonePath(id), milestoneDetailSchema),
  };
}

/** Every money action carries the key made when its dialog opened. */
type Keyed<T> = T & { idempotencyKey: string };

export function fundEscrow({
  contractId,
  idempotencyKey,
  ...body
}: Keyed<EscrowFundInput & { contractId: string }>) {
  return api.postWithKey(
    `${contractPath(contractId)}/escrow/fund`,
    body,
    transactionSchema,
    idempotencyKey,
  );
}

export function refundEscrow({
  contractId,
  idempotencyKey,
  ...body
}: Keyed<EscrowRefundInput & { contractId: string }>) {
  return api.postWithKey(
    `${contractPath(contractId)}/escrow/refund`,
    body,
    transactionSchema,
    idempotencyKey,
  );
}

export function recordPayout({ idempotencyKey, ...body }: Keyed<PayoutInput>) {
  return api.postWithKey("/api/payouts", body, transactionSchema, idempotencyKey);
}

export function giveBonus({ idempotencyKey, ...body }: Keyed<BonusInput>) {
  return api.postWithKey("/api/bonuses", body, transactionSchema, idempotencyKey);
}

export function reverseTransaction({
  id,
  idempotencyKey,
  ...body
}: Keyed<ReverseInput & { id: string }>) {
  return api.postWithKey(
    `/api/ledger/transactions/${encodeURIComponent(id)}/reverse`,
    body,
    transactionSchema,
    idempotencyKey,
  );
}

export function submitWork({
  milestoneId,
  idempotencyKey,
  ...body
}: Keyed<SubmitInput & { milestoneId: string }>) {
  return api.postWithKey(
    `${milestonePath(milestoneId)}/submit`,
    body,
    deliveryMilestoneSchema,
    idempotencyKey,
  );
}

export function acceptWork({
  milestoneId,
  idempotencyKey,
  ...body
}: Keyed<AcceptInput & { milestoneId: string }>) {
  return api.postWithKey(
    `${milestonePath(milestoneId)}/accept`,
    body,
    deliveryMilestoneSchema,
    idempotencyKey,
  );
}

export function sendBackWork({
  milestoneId,
  idempotencyKey,
  ...body
}: Keyed<SendBackInput & { milestoneId: string }>) {
  return api.postWithKey(
    `${milestonePath(milestoneId)}/send-back`,
    body,
    deliveryMilestoneSchema,
    idempotencyKey,
  );
}

export function releasePayment({ milestoneId, idempotencyKey }: Keyed<{ milestoneId: string }>) {
  return api.postWithKey(
    `${milestonePath(milestoneId)}/release`,
    undefined,
    releaseResultSchema,
    idempotencyKey,
  );
}

/**
 * After money or work moves: payments, the contract's milestones and money, and the figures
 * that follow from them (the budget's actual spend, channel analytics' cost per hire).
 */
export async function refreshMoney(queryClient: QueryClient) {
  await Promise.all(
    [paymentsKey, ["contracts"], ["milestones"], budgetKey, ["channels", "analytics"]].map(
      (queryKey) => queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/**
 * A key for one intended action, made when its dialog opens and sent again on a retry, so a
 * double click or a lost answer never moves money twice. randomUUID needs a secure context;
 * a self-hosted app reached over plain http on a LAN falls back to getRandomValues.
 */
export function newIntentKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
