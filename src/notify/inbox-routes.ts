import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/actor.ts";
import { noContent, withErrors } from "../http/schema.ts";
import * as calendar from "./calendar-service.ts";
import * as schema from "./inbox-schema.ts";
import * as inbox from "./inbox-service.ts";
import * as preferences from "./preferences-service.ts";

const tags = ["Notifications"];
const calendarTags = ["Calendar feed"];
const idParams = z.strictObject({ id: z.uuid() });

export function inboxRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/notifications",
      {
        schema: {
          tags,
          summary: "Your own notifications, newest first, a page at a time",
          querystring: schema.notificationListQuery,
          response: { 200: schema.notificationPageSchema, ...withErrors },
        },
      },
      async (request) => inbox.listInbox(ctx, requireActor(request), request.query),
    );

    app.get(
      "/api/notifications/unread-count",
      {
        schema: {
          tags,
          summary: "How many of your notifications are unread",
          response: { 200: schema.unreadCountSchema, ...withErrors },
        },
      },
      async (request) => inbox.unreadCount(ctx, requireActor(request)),
    );

    app.post(
      "/api/notifications/:id/read",
      {
        schema: {
          tags,
          summary: "Mark one of your notifications read",
          params: idParams,
          response: { 200: schema.notificationSchema, ...withErrors },
        },
      },
      async (request) => inbox.markNotificationRead(ctx, requireActor(request), request.params.id),
    );

    app.post(
      "/api/notifications/read-all",
      {
        schema: {
          tags,
          summary: "Mark all your notifications read",
          response: { 200: schema.unreadCountSchema, ...withErrors },
        },
      },
      async (request) => inbox.markAllRead(ctx, requireActor(request)),
    );

    app.get(
      "/api/notification-preferences",
      {
        schema: {
          tags,
          summary: "Which notifications you also get by email, the daily digest and quiet hours",
          response: { 200: schema.notificationPreferencesSchema, ...withErrors },
        },
      },
      async (request) => preferences.getPreferences(ctx, requireActor(request)),
    );

    app.put(
      "/api/notification-preferences",
      {
        schema: {
          tags,
          summary: "Change your notification preferences",
          body: schema.notificationPreferencesSchema,
          response: { 200: schema.notificationPreferencesSchema, ...withErrors },
        },
      },
      async (request) => preferences.updatePreferences(ctx, requireActor(request), request.body),
    );

    app.get(
      "/api/calendar-feed",
      {
        schema: {
          tags: calendarTags,
          summary: "Whether you have a private calendar feed (its address is shown only once)",
          response: { 200: schema.calendarFeedSchema, ...withErrors },
        },
      },
      async (request) => calendar.getFeed(ctx, requireActor(request)),
    );

    app.post(
      "/api/calendar-feed",
      {
        schema: {
          tags: calendarTags,
          summary: "Make a new private calendar address; the previous one stops working",
          response: { 201: schema.newCalendarFeedSchema, ...withErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await calendar.createFeed(ctx, requireActor(request))),
    );

    app.delete(
      "/api/calendar-feed",
      {
        schema: {
          tags: calendarTags,
          summary: "Turn your private calendar address off",
          response: { 204: noContent, ...withErrors },
        },
      },
      async (request, reply) => {
        await calendar.revokeFeed(ctx, requireActor(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/calendar/:token.ics",
      {
        config: {
          rateLimit: { max: 60, timeWindow: "1 minute", hook: "preHandler" as const },
        },
        schema: {
          tags: calendarTags,
          summary:
            "Your calendar as iCalendar: milestone due dates, report due times, contract ends. The address is the credential; no sign-in",
          security: [],
          params: z.strictObject({ token: z.string().min(1).max(100) }),
          produces: ["text/calendar"],
        },
      },
      async (request, reply) => {
        const text = await calendar.renderFeed(ctx, request.params.token);
        return reply
          .type("text/calendar; charset=utf-8")
          .header("cache-control", "private, no-store")
          .header("content-disposition", 'inline; filename="handoff.ics"')
          .send(text);
      },
    );
  };
}
