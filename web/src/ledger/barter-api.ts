import type { QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  barterDetailSchema,
  barterSchema,
  type BarterInput,
  type DeliveryInput,
} from "../../../src/ledger/barter-schema.ts";
import { api } from "../app/api.ts";

/** Barter agreements and the value delivered on each side. */

const barterPath = (id: string) => `/api/barters/${encodeURIComponent(id)}`;

const bartersKey = ["barters"] as const;
const barterKey = (id: string) => ["barters", "one", id] as const;

export const bartersQuery = {
  queryKey: bartersKey,
  queryFn: () => api.get("/api/barters", z.array(barterSchema)),
};

export function barterQuery(id: string) {
  return { queryKey: barterKey(id), queryFn: () => api.get(barterPath(id), barterDetailSchema) };
}

export function createBarter(input: BarterInput) {
  return api.post("/api/barters", input, barterDetailSchema);
}

export function updateBarter({ id, ...input }: BarterInput & { id: string }) {
  return api.put(barterPath(id), input, barterDetailSchema);
}

export function closeBarter(id: string) {
  return api.post(`${barterPath(id)}/close`, undefined, barterDetailSchema);
}

export function recordDelivery(
  input: DeliveryInput & { barterId: string; idempotencyKey: string },
) {
  const { barterId, idempotencyKey, ...body } = input;
  return api.postWithKey(
    `${barterPath(barterId)}/deliveries`,
    body,
    barterDetailSchema,
    idempotencyKey,
  );
}

export async function refreshBarters(queryClient: QueryClient) {
  await queryClient.invalidateQueries({ queryKey: bartersKey });
}
