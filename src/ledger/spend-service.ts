import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import { getWorkspace } from "../auth/team-service.ts";
import type { AppContext } from "../context.ts";
import { monthWindow, spendInMonth } from "./rules.ts";
import * as store from "./store.ts";

/**
 * What outsourcing cost, read from the ledger for the budget and channel analytics (which
 * receive these readers where the routes are composed). Spend is work released plus bonuses
 * given, less bonuses reversed, in the workspace currency only: currencies are never summed.
 */

/**
 * Actual outsourcing spend in a month of the workspace's currency: work released plus
 * bonuses, less reversed bonuses. Null until any payment has been released or given, so
 * the budget keeps comparing against the plan until then.
 */
export async function monthlySpend(
  ctx: AppContext,
  actor: Actor,
  month: string,
): Promise<number | null> {
  authorize(actor, "payments.read");
  const workspace = await getWorkspace(ctx, actor);
  if (!(await store.hasSpend(ctx.db, actor.workspaceId, workspace.currency))) return null;
  const rows = await store.spendBetween(
    ctx.db,
    actor.workspaceId,
    workspace.currency,
    monthWindow(month),
  );
  return spendInMonth(
    rows.map((row) => ({ amount: row.amount, at: row.created_at })),
    month,
    workspace.timeZone,
  );
}

/** One payment to a person in the workspace currency: released work or a bonus (negative when reversed). */
export interface PersonPayment {
  contractorId: string;
  amount: number;
  at: number;
}

/** Every payment to people in the workspace currency; null while none was ever made. */
export async function paymentsToPeople(
  ctx: AppContext,
  actor: Actor,
): Promise<PersonPayment[] | null> {
  authorize(actor, "payments.read");
  const workspace = await getWorkspace(ctx, actor);
  if (!(await store.hasSpend(ctx.db, actor.workspaceId, workspace.currency))) return null;
  const rows = await store.spendBetween(ctx.db, actor.workspaceId, workspace.currency, {
    from: 0,
    to: Number.MAX_SAFE_INTEGER,
  });
  return rows.flatMap((row) =>
    row.contractor_id
      ? [{ contractorId: row.contractor_id, amount: row.amount, at: row.created_at }]
      : [],
  );
}
