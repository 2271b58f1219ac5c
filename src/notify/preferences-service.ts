import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { notificationKinds, type NotificationPreferences } from "./inbox-schema.ts";
import * as store from "./preferences-store.ts";
import { defaultPreferences } from "./sweep-rules.ts";

/** Stored preferences as the rules read them; kinds no longer known are dropped. */
export function preferencesOf(row: store.PreferenceRow | undefined): NotificationPreferences {
  if (!row) return defaultPreferences;
  const stored: unknown = JSON.parse(row.email_kinds);
  const kinds = Array.isArray(stored) ? stored : [];
  return {
    emailKinds: notificationKinds.filter((kind) => kinds.includes(kind)),
    dailyDigest: row.daily_digest === 1,
    quietStart: row.quiet_start,
    quietEnd: row.quiet_end,
  };
}

export async function getPreferences(
  ctx: AppContext,
  actor: Actor,
): Promise<NotificationPreferences> {
  authorize(actor, "notifications.use");
  return preferencesOf(await store.findPreferences(ctx.db, actor.workspaceId, actor.userId));
}

export async function updatePreferences(
  ctx: AppContext,
  actor: Actor,
  input: NotificationPreferences,
): Promise<NotificationPreferences> {
  authorize(actor, "notifications.use");
  await store.savePreferences(ctx.db, {
    user_id: actor.userId,
    workspace_id: actor.workspaceId,
    email_kinds: JSON.stringify(
      notificationKinds.filter((kind) => input.emailKinds.includes(kind)),
    ),
    daily_digest: input.dailyDigest ? 1 : 0,
    quiet_start: input.quietStart,
    quiet_end: input.quietEnd,
    updated_at: ctx.now(),
  });
  return getPreferences(ctx, actor);
}
