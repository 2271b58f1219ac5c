import type { Kysely } from "kysely";
import { uuidv7 } from "uuidv7";
import type { AppContext } from "../context.ts";
import type { Database } from "../db/tables.ts";
import { notificationKinds, type NotificationPreferences } from "./inbox-schema.ts";
import * as inbox from "./inbox-store.ts";
import { listPreferences } from "./preferences-store.ts";
import { preferencesOf } from "./preferences-service.ts";
import { queueEmail } from "./service.ts";
import {
  causesOf,
  digestDateAt,
  digestEmail,
  emailsNow,
  notificationEmail,
  sweepTimings,
  type Cause,
  type SweepSnapshot,
} from "./sweep-rules.ts";
import * as store from "./sweep-store.ts";
import { reportDues } from "../work/cadence-service.ts";

/**
 * The scheduler sweep: reads what is due in each workspace and writes each person's
 * notification for each cause once, with its email in the same transaction. Every write is
 * guarded by the database (a unique cause per person, a claim on unsent rows), so sweeps
 * may run twice or side by side in several processes and still notify and email once.
 */

export interface SweepResult {
  notified: number;
  emailed: number;
}

export interface SweepSummary extends SweepResult {
  workspaces: number;
  /** Workspaces whose sweep failed; the others were swept all the same. */
  failed: number;
}

interface Recipient extends store.Member {
  preferences: NotificationPreferences;
}

async function snapshotOf(
  ctx: AppContext,
  workspaceId: string,
  now: number,
  members: readonly store.Member[],
): Promise<SweepSnapshot> {
  const contracts = await store.liveContracts(ctx.db, workspaceId);
  const contractorIds = [...new Set(contracts.map((contract) => contract.contractorId))];
  const activeIds = contracts
    .filter((contract) => contract.status === "active")
    .map((contract) => contract.id);
  const byRole = (role: store.Member["role"]) =>
    members.filter((member) => member.role === role).map(({ userId }) => ({ userId }));
  return {
    now,
    owners: byRole("owner"),
    managers: byRole("manager"),
    contractors: await store.contractorsOf(ctx.db, workspaceId, contractorIds, members),
    contracts,
    milestones: await store.waitingMilestones(ctx.db, workspaceId, activeIds),
    reportDues: await reportDues(ctx, workspaceId, now),
  };
}

async function email(
  ctx: AppContext,
  trx: Kysely<Database>,
  workspaceId: string,
  to: string,
  text: { subject: string; body: string },
): Promise<void> {
  await queueEmail(ctx, trx, { workspaceId, to, ...text });
}

/** Writes the notification; emails it in the same transaction only if this call wrote it. */
async function notify(
  ctx: AppContext,
  workspaceId: string,
  cause: Cause,
  recipient: Recipient,
  now: number,
): Promise<SweepResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const sendNow = emailsNow(cause.kind, now, recipient.timeZone, recipient.preferences);
    const inserted = await inbox.insertNotification(trx, {
      id: uuidv7(),
      workspace_id: workspaceId,
      user_id: cause.userId,
      kind: cause.kind,
      cause_key: cause.key,
      title: cause.title,
      body: cause.body,
      link: cause.link,
      created_at: now,
      read_at: null,
      emailed_at: sendNow ? now : null,
    });
    if (!inserted) return { notified: 0, emailed: 0 };
    if (sendNow) {
      await email(
        ctx,
        trx,
        workspaceId,
        recipient.email,
        notificationEmail(cause, ctx.config.publicUrl),
      );
    }
    return { notified: 1, emailed: sendNow ? 1 : 0 };
  });
}

/** Mail held back by quiet hours goes out once they end, while it is still fresh. */
async function sendHeldMail(
  ctx: AppContext,
  workspaceId: string,
  recipient: Recipient,
  now: number,
): Promise<number> {
  const kinds = recipient.preferences.emailKinds.filter((kind) =>
    emailsNow(kind, now, recipient.timeZone, recipient.preferences),
  );
  if (kinds.length === 0) return 0;
  return ctx.db.transaction().execute(async (trx) => {
    const held = await inbox.claimUnemailed(
      trx,
      workspaceId,
      recipient.userId,
      kinds,
      now - sweepTimings.heldMailMs,
      now,
    );
    for (const row of held) {
      await email(
        ctx,
        trx,
        workspaceId,
        recipient.email,
        notificationEmail(row, ctx.config.publicUrl),
      );
    }
    return held.length;
  });
}

/**
 * One summary a day of what was not emailed as it happened. The day's marker row makes it
 * once per date; a day with nothing new sends nothing.
 */
async function sendDigest(
  ctx: AppContext,
  workspaceId: string,
  recipient: Recipient,
  now: number,
): Promise<number> {
  const date = digestDateAt(now, recipient.timeZone, recipient.preferences);
  if (date === null) return 0;
  const digestKinds = notificationKinds.filter(
    (kind) => !recipient.preferences.emailKinds.includes(kind),
  );
  return ctx.db.transaction().execute(async (trx) => {
    const first = await inbox.insertNotification(trx, {
      id: uuidv7(),
      workspace_id: workspaceId,
      user_id: recipient.userId,
      kind: inbox.DIGEST_MARKER,
      cause_key: `digest:${date}`,
      title: "Daily summary",
      body: "",
      link: "/inbox",
      created_at: now,
      read_at: now,
      emailed_at: now,
    });
    if (!first) return 0;
    const rows = await inbox.claimUnemailed(
      trx,
      workspaceId,
      recipient.userId,
      digestKinds,
      now - sweepTimings.digestWindowMs,
      now,
    );
    if (rows.length === 0) return 0;
    await email(
      ctx,
      trx,
      workspaceId,
      recipient.email,
      digestEmail(date, rows, ctx.config.publicUrl),
    );
    return 1;
  });
}

export async function sweepWorkspace(ctx: AppContext, workspaceId: string): Promise<SweepResult> {
  const now = ctx.now();
  const members = await store.membersOf(ctx.db, workspaceId);
  const stored = new Map(
    (await listPreferences(ctx.db, workspaceId)).map((row) => [row.user_id, row]),
  );
  const recipients = new Map<string, Recipient>(
    members.map((member) => [
      member.userId,
      { ...member, preferences: preferencesOf(stored.get(member.userId)) },
    ]),
  );
  const snapshot = await snapshotOf(ctx, workspaceId, now, members);
  const result: SweepResult = { notified: 0, emailed: 0 };
  for (const cause of causesOf(snapshot)) {
    const recipient = recipients.get(cause.userId);
    if (!recipient) continue;
    const done = await notify(ctx, workspaceId, cause, recipient, now);
    result.notified += done.notified;
    result.emailed += done.emailed;
  }
  for (const recipient of recipients.values()) {
    result.emailed += await sendHeldMail(ctx, workspaceId, recipient, now);
    result.emailed += await sendDigest(ctx, workspaceId, recipient, now);
  }
  return result;
}

/** Sweeps every workspace once; a failing workspace is logged and does not stop the others. */
export async function sweep(ctx: AppContext): Promise<SweepSummary> {
  const total: SweepSummary = { workspaces: 0, notified: 0, emailed: 0, failed: 0 };
  for (const workspaceId of await store.workspaceIds(ctx.db)) {
    total.workspaces += 1;
    try {
      const done = await sweepWorkspace(ctx, workspaceId);
      total.notified += done.notified;
      total.emailed += done.emailed;
    } catch (error) {
      total.failed += 1;
      ctx.log.error({ err: error, workspaceId }, "notification sweep failed");
    }
  }
  if (total.emailed > 0) ctx.wakeMail();
  return total;
}
