import type { Kysely } from "kysely";
import { uuidv7 } from "uuidv7";
import type { Actor } from "../auth/rules.ts";
import { authorize } from "../auth/authorize.ts";
import type { AppContext } from "../context.ts";
import type { Database } from "../db/tables.ts";
import type { OutboxMessage } from "./schema.ts";
import { insertMessage, listMessages, type OutboxRow } from "./store.ts";

export interface Email {
  workspaceId: string;
  to: string;
  subject: string;
  body: string;
  /** A secret for the recipient alone: sent, or logged without SMTP, but never shown in the app. */
  personal?: boolean;
}

/**
 * Writes an email to the outbox inside the caller's transaction, so it exists exactly
 * when the change that caused it does. Returns true when it will go out over SMTP;
 * without SMTP it is kept for the owner to read in the app.
 */
export async function queueEmail(
  ctx: AppContext,
  trx: Kysely<Database>,
  email: Email,
): Promise<boolean> {
  const viaSmtp = ctx.config.smtpUrl !== undefined;
  const now = ctx.now();
  await insertMessage(trx, {
    id: uuidv7(),
    workspace_id: email.workspaceId,
    to_address: email.to,
    subject: email.subject,
    body_text: email.body,
    personal: email.personal ? 1 : 0,
    status: viaSmtp ? "pending" : "kept",
    attempts: 0,
    next_attempt_at: now,
    last_error: null,
    created_at: now,
    sent_at: null,
  });
  if (!viaSmtp) {
    ctx.log.info({ to: email.to, subject: email.subject, body: email.body }, "mail kept (no SMTP)");
  }
  return viaSmtp;
}

const PERSONAL_BODY =
  "This message holds a personal link for its recipient only, so it is not shown here. Without SMTP it is written to the server log.";

function toView(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    body: row.personal === 1 ? PERSONAL_BODY : row.body_text,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

export async function listOutbox(ctx: AppContext, actor: Actor): Promise<OutboxMessage[]> {
  authorize(actor, "outbox.read");
  const rows = await listMessages(ctx.db, actor.workspaceId, 200);
  return rows.map(toView);
}
