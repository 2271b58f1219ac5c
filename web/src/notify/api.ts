import { z } from "zod";
import { outboxMessageSchema } from "../../../src/notify/schema.ts";
import { api } from "../app/api.ts";

export const outboxKey = ["outbox"] as const;

export function fetchOutbox() {
  return api.get("/api/outbox", z.array(outboxMessageSchema));
}
