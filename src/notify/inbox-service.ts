import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { Invalid, NotFound } from "../errors.ts";
import type {
  Notification,
  NotificationKind,
  NotificationListQuery,
  NotificationPage,
} from "./inbox-schema.ts";
import * as store from "./inbox-store.ts";

function toView(row: store.NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** The cursor is the position of the last notification on a page: "<createdAt>.<id>". */
function cursorOf(row: store.NotificationRow): string {
  return `${row.created_at}.${row.id}`;
}

function positionOf(cursor: string | undefined): store.InboxPosition | null {
  if (cursor === undefined) return null;
  const match = /^(\d{1,16})\.([0-9a-f-]{36})$/.exec(cursor);
  if (!match) {
    throw new Invalid("invalid_input", "This page cursor is not one the inbox gave", {
      cursor: "Use the nextCursor of the previous page",
    });
  }
  return { createdAt: Number(match[1]), id: match[2] as string };
}

/** A person's own notifications only, newest first. */
export async function listInbox(
  ctx: AppContext,
  actor: Actor,
  query: NotificationListQuery,
): Promise<NotificationPage> {
  authorize(actor, "notifications.use");
  const rows = await store.listNotifications(ctx.db, actor.workspaceId, actor.userId, {
    unreadOnly: query.unread === "true",
    before: positionOf(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    notifications: page.map(toView),
    nextCursor: rows.length > query.limit && last ? cursorOf(last) : null,
  };
}

export async function unreadCount(ctx: AppContext, actor: Actor): Promise<{ unread: number }> {
  authorize(actor, "notifications.use");
  return { unread: await store.countUnread(ctx.db, actor.workspaceId, actor.userId) };
}

/** Reading one twice keeps the first read time. Someone else's is not found. */
export async function markNotificationRead(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<Notification> {
  authorize(actor, "notifications.use");
  const found = await store.findNotification(ctx.db, actor.workspaceId, actor.userId, id);
  if (!found) throw new NotFound("not_found", "No such notification");
  await store.markRead(ctx.db, actor.workspaceId, actor.userId, ctx.now(), id);
  const row = await store.findNotification(ctx.db, actor.workspaceId, actor.userId, id);
  return toView(row ?? found);
}

export async function markAllRead(ctx: AppContext, actor: Actor): Promise<{ unread: number }> {
  authorize(actor, "notifications.use");
  await store.markRead(ctx.db, actor.workspaceId, actor.userId, ctx.now());
  return { unread: 0 };
}
