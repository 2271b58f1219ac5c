import type { QueryClient } from "@tanstack/react-query";
import {
  retainerMonthSchema,
  retainerMonthsSchema,
} from "../../../src/contracts/retainer-schema.ts";
import { api } from "../app/api.ts";

/** Monthly retainers: the months so far and submitting a month's work. */

const monthsPath = (contractId: string) =>
  `/api/contracts/${encodeURIComponent(contractId)}/retainer-months`;

// Under the contract's key, so a review of a month in the milestone list refreshes it too.
const retainerKey = (contractId: string) => ["contracts", contractId, "retainer-months"] as const;

export function retainerQuery(contractId: string) {
  return {
    queryKey: retainerKey(contractId),
    queryFn: () => api.get(monthsPath(contractId), retainerMonthsSchema),
  };
}

export function submitMonth(input: {
  contractId: string;
  month: string;
  note: string;
  links: string[];
  idempotencyKey: string;
}) {
  const { contractId, idempotencyKey, ...body } = input;
  return api.postWithKey(monthsPath(contractId), body, retainerMonthSchema, idempotencyKey);
}

/** After a month is submitted: the months, and the contract's milestones it shows up in. */
export async function refreshRetainer(queryClient: QueryClient, contractId: string) {
  await queryClient.invalidateQueries({ queryKey: ["contracts", contractId] });
}
