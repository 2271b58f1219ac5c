import type { QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  contractSchema,
  contractSettingsSchema,
  contractSummarySchema,
  documentSchema,
  guardSchema,
  type ContractFilter,
  type ContractForm,
} from "../../../src/contracts/schema.ts";
import { api } from "../app/api.ts";

export const contractsKey = ["contracts"] as const;
export const contractListKey = (filter: ContractFilter) => ["contracts", "list", filter] as const;
export const contractKey = (id: string) => ["contracts", "one", id] as const;
export const documentKey = (id: string) => ["contracts", "one", id, "document"] as const;
export const guardKey = (id: string) => ["contracts", "one", id, "guard"] as const;
export const contractSettingsKey = ["contract-settings"] as const;

const contractPath = (id: string) => `/api/contracts/${encodeURIComponent(id)}`;
export const pdfUrl = (id: string) => `${contractPath(id)}/document.pdf`;

/** After any change to a contract: every list, the contract, its document and its guard. */
export function refreshContracts(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: contractsKey });
}

export function fetchContracts(filter: ContractFilter = {}) {
  const query = new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return api.get(`/api/contracts${query ? `?${query}` : ""}`, z.array(contractSummarySchema));
}

export function fetchContract(id: string) {
  return api.get(contractPath(id), contractSchema);
}

export function fetchDocument(id: string) {
  return api.get(`${contractPath(id)}/document`, documentSchema);
}

export function fetchGuard(id: string) {
  return api.get(`${contractPath(id)}/guard`, guardSchema);
}

export function createContract(body: ContractForm) {
  return api.post("/api/contracts", body, contractSchema);
}

export function updateContract(id: string, body: ContractForm & { guardReason?: string }) {
  return api.put(contractPath(id), body, contractSchema);
}

export function deleteContract(id: string) {
  return api.command("DELETE", contractPath(id));
}

export function sendContract(id: string, guardReason?: string) {
  return api.post(`${contractPath(id)}/send`, guardReason ? { guardReason } : {}, contractSchema);
}

export function acceptContract(id: string, input: { typedName: string; textHash: string }) {
  return api.post(`${contractPath(id)}/accept`, input, contractSchema);
}

export function completeContract(id: string) {
  return api.post(`${contractPath(id)}/complete`, undefined, contractSchema);
}

export function endContract(id: string, reason: string) {
  return api.post(`${contractPath(id)}/end`, { reason }, contractSchema);
}

export function fetchContractSettings() {
  return api.get("/api/contract-settings", contractSettingsSchema);
}

export function saveContractSettings(input: {
  hugeContractAmount: number;
  maxShareBasisPoints: number;
}) {
  return api.put("/api/contract-settings", input, contractSettingsSchema);
}
