import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import type { CadenceSettings } from "./cadence-rules.ts";
import type { WorkSettings, WorkSettingsInput } from "./schema.ts";
import * as store from "./store.ts";

/** The workspace's rules for running the work; the row is made the first time anyone reads it. */

const defaults = {
  relax_after_days: 10,
  relax_after_accepted: 2,
  slip_limit: 3,
  slip_window_days: 30,
  loyalty_window_days: 60,
} as const;

function defaultRow(workspaceId: string, now: number): store.WorkSettingsRow {
  return { workspace_id: workspaceId, ...defaults, updated_at: now };
}

function view(row: store.WorkSettingsRow): WorkSettings {
  return {
    relaxAfterDays: row.relax_after_days,
    relaxAfterAccepted: row.relax_after_accepted,
    slipLimit: row.slip_limit,
    slipWindowDays: row.slip_window_days,
    loyaltyWindowDays: row.loyalty_window_days,
    updatedAt: Number(row.updated_at),
  };
}

async function settingsRow(ctx: AppContext, workspaceId: string): Promise<store.WorkSettingsRow> {
  const found = await store.findSettings(ctx.db, workspaceId);
  if (found) return found;
  await store.insertSettingsIfNew(ctx.db, defaultRow(workspaceId, ctx.now()));
  return (await store.findSettings(ctx.db, workspaceId)) ?? defaultRow(workspaceId, ctx.now());
}

/** What the cadence rules need, without writing: the scheduler's sweep only reads. */
export async function cadenceSettings(
  ctx: AppContext,
  workspaceId: string,
): Promise<CadenceSettings> {
  const row = (await store.findSettings(ctx.db, workspaceId)) ?? defaultRow(workspaceId, 0);
  return {
    onTimeDaysToRelax: row.relax_after_days,
    acceptedDeliveriesToRelax: row.relax_after_accepted,
  };
}

export async function getWorkSettings(ctx: AppContext, actor: Actor): Promise<WorkSettings> {
  authorize(actor, "work.read");
  return view(await settingsRow(ctx, actor.workspaceId));
}

export async function updateWorkSettings(
  ctx: AppContext,
  actor: Actor,
  input: WorkSettingsInput,
): Promise<WorkSettings> {
  authorize(actor, "work.settings");
  const current = await settingsRow(ctx, actor.workspaceId);
  const next: store.WorkSettingsRow = {
    ...current,
    relax_after_days: input.relaxAfterDays ?? current.relax_after_days,
    relax_after_accepted: input.relaxAfterAccepted ?? current.relax_after_accepted,
    slip_limit: input.slipLimit ?? current.slip_limit,
    slip_window_days: input.slipWindowDays ?? current.slip_window_days,
    loyalty_window_days: input.loyaltyWindowDays ?? current.loyalty_window_days,
    updated_at: ctx.now(),
  };
  await store.updateSettings(ctx.db, next);
  return view(next);
}
