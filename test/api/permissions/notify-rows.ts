import { uuidv7 } from "uuidv7";
import { createFeed } from "../../../src/notify/calendar-service.ts";
import { actorFor } from "../../support/accounts.ts";
import type { Person } from "../../support/world.ts";
import {
  everyone,
  signedIn,
  type PermissionRow,
  type RowSetting,
} from "../../support/permissions.ts";

/**
 * Notifications, their preferences and the calendar feed belong to each person: everyone
 * signed in uses their own, nobody reaches anyone else's (404), and the private calendar
 * address opens without a sign-in because the address itself is the credential.
 */

/** A fresh unread notification of one person. */
async function notificationOf(setting: RowSetting, person: Person): Promise<string> {
  const id = uuidv7();
  await setting.app.ctx.db
    .insertInto("notifications")
    .values({
      id,
      workspace_id: person.workspaceId,
      user_id: person.id,
      kind: "work_submitted",
      cause_key: `row:${id}`,
      title: "Work handed in",
      body: "Waiting for your review.",
      link: "/contracts",
      created_at: setting.app.clock.now(),
      read_at: null,
      emailed_at: null,
    })
    .execute();
  return id;
}

const preferences = {
  emailKinds: ["milestone_overdue"],
  dailyDigest: false,
  quietStart: "22:00",
  quietEnd: "07:00",
};

export const notifyRows: PermissionRow[] = [
  { method: "GET", route: "/api/notifications", expect: signedIn(200) },
  { method: "GET", route: "/api/notifications/unread-count", expect: signedIn(200) },
  {
    method: "POST",
    route: "/api/notifications/:id/read",
    variant: "the caller's own",
    request: async (setting) => ({
      path: `/api/notifications/${await notificationOf(setting, setting.person)}/read`,
    }),
    expect: signedIn(200),
  },
  {
    method: "POST",
    route: "/api/notifications/:id/read",
    variant: "the owner's",
    request: async (setting) => ({
      path: `/api/notifications/${await notificationOf(setting, setting.world.owner)}/read`,
    }),
    expect: { owner: 200, manager: 404, contractor: 404, stranger: 404, anonymous: 401 },
  },
  { method: "POST", route: "/api/notifications/read-all", expect: signedIn(200) },
  { method: "GET", route: "/api/notification-preferences", expect: signedIn(200) },
  {
    method: "PUT",
    route: "/api/notification-preferences",
    request: async () => ({ path: "/api/notification-preferences", body: preferences }),
    expect: signedIn(200),
  },
  { method: "GET", route: "/api/calendar-feed", expect: signedIn(200) },
  { method: "POST", route: "/api/calendar-feed", expect: signedIn(201) },
  { method: "DELETE", route: "/api/calendar-feed", expect: signedIn(204) },
  {
    method: "GET",
    route: "/calendar/:token.ics",
    variant: "a live address",
    request: async (setting) => {
      const feed = await createFeed(setting.app.ctx, actorFor(setting.subject, "contractor"));
      return { path: new URL(feed.url).pathname };
    },
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/calendar/:token.ics",
    variant: "an address never given",
    request: async () => ({ path: "/calendar/never-given.ics" }),
    expect: everyone(404),
  },
];
