import { z } from "zod";

export const outboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(["pending", "sent", "failed", "kept"]),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.number().int(),
  sentAt: z.number().int().nullable(),
});

export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
