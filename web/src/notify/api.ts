import { z } from "zod";
import {
  calendarFeedSchema,
  newCalendarFeedSchema,
  notificationPageSchema,
  notificationPreferencesSchema,
  notificationSchema,
  unreadCountSchema,
  type NotificationPreferences,
} from "../../../src/notify/inbox-schema.ts";
import { outboxMessageSchema } from "../../../src/notify/schema.ts";
import { api } from "../app/api.ts";

export const outboxKey = ["outbox"] as const;
export const inboxKey = ["notifications"] as const;
export const unreadCountKey = ["notifications", "unread-count"] as const;
export const preferencesKey = ["notification-preferences"] as const;
export const calendarFeedKey = ["calendar-feed"] as const;

export function fetchOutbox() {
  return api.get("/api/outbox", z.array(outboxMessageSchema));
}

export function fetchInbox(options: { unreadOnly: boolean; cursor: string | null }) {
  const query = new URLSearchParams({ limit: "30" });
  if (options.unreadOnly) query.set("unread", "true");
  if (options.cursor) query.set("cursor", options.cursor);
  return api.get(`/api/notifications?${query.toString()}`, notificationPageSchema);
}

export function fetchUnreadCount() {
  return api.get("/api/notifications/unread-count", unreadCountSchema);
}

export function markRead(id: string) {
  return api.post(`/api/notifications/${encodeURIComponent(id)}/read`, {}, notificationSchema);
}

export function markAllRead() {
  return api.post("/api/notifications/read-all", {}, unreadCountSchema);
}

export function fetchPreferences() {
  return api.get("/api/notification-preferences", notificationPreferencesSchema);
}

export function savePreferences(preferences: NotificationPreferences) {
  return api.put("/api/notification-preferences", preferences, notificationPreferencesSchema);
}

export function fetchCalendarFeed() {
  return api.get("/api/calendar-feed", calendarFeedSchema);
}

export function createCalendarFeed() {
  return api.post("/api/calendar-feed", {}, newCalendarFeedSchema);
}

export function revokeCalendarFeed() {
  return api.command("DELETE", "/api/calendar-feed");
}
