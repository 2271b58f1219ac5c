import { expect } from "vitest";
import type { OutboxMessage } from "../../src/notify/schema.ts";
import type { App } from "../../src/app.ts";
import type { ApiClient } from "./client.ts";

/** The single-use link of an account email: an invitation or a password reset. */
export function linkIn(text: string, pathname: "/invite" | "/reset-password"): string {
  const match = new RegExp(`https?://\\S+${pathname}\\?token=[A-Za-z0-9_-]+`).exec(text);
  expect(match, `no ${pathname} link in:\n${text}`).not.toBeNull();
  return match![0];
}

export function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get("token");
  expect(token).toBeTruthy();
  return token!;
}

/** The workspace's outbox as its owner sees it, newest first. */
export async function outbox(owner: ApiClient): Promise<OutboxMessage[]> {
  const response = await owner.get("/api/outbox");
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The newest message to one address, failing the test if there is none. */
export async function latestMailTo(owner: ApiClient, to: string): Promise<OutboxMessage> {
  const message = (await outbox(owner)).find((entry) => entry.to === to);
  expect(message, `no mail to ${to}`).toBeDefined();
  return message!;
}

/** Undoes quoted-printable transfer encoding (RFC 2045): soft line breaks and =XX bytes. */
export function decodeQuotedPrintable(encoded: string): string {
  const joined = encoded.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/**
 * The newest email to one address as stored in the outbox, body included: the recipient's
 * inbox, for tests. Personal mail (a reset link) is hidden from GET /api/outbox.
 */
export async function deliveredTo(
  app: App,
  to: string,
): Promise<{ subject: string; body: string; status: string }> {
  const row = await app.ctx.db
    .selectFrom("outbox")
    .select(["subject", "body_text", "status"])
    .where("to_address", "=", to)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  expect(row, `no mail to ${to}`).toBeDefined();
  return { subject: row!.subject, body: row!.body_text, status: row!.status };
}
