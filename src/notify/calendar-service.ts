import ical from "ical-generator";
import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import { can, type Actor } from "../auth/rules.ts";
import { hashSecret, newSecret } from "../auth/secrets.ts";
import type { AppContext } from "../context.ts";
import { NotFound } from "../errors.ts";
import { ownContractorId } from "../people/portal-service.ts";
import { reportDues } from "../work/cadence-service.ts";
import { feedEvents, type FeedEvent } from "./calendar-rules.ts";
import * as store from "./calendar-store.ts";
import type { CalendarFeed, NewCalendarFeed } from "./inbox-schema.ts";

export async function getFeed(ctx: AppContext, actor: Actor): Promise<CalendarFeed> {
  authorize(actor, "notifications.use");
  const feed = await store.findActiveFeed(ctx.db, actor.workspaceId, actor.userId);
  return { active: feed !== undefined, createdAt: feed?.created_at ?? null };
}

/** A new private URL; any earlier one stops working. Only its hash is kept. */
export async function createFeed(ctx: AppContext, actor: Actor): Promise<NewCalendarFeed> {
  authorize(actor, "notifications.use");
  const token = newSecret();
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await store.revokeFeeds(trx, actor.workspaceId, actor.userId, now);
    await store.insertFeed(trx, {
      id: uuidv7(),
      workspace_id: actor.workspaceId,
      user_id: actor.userId,
      token_hash: hashSecret(token),
      created_at: now,
      revoked_at: null,
    });
  });
  return { url: new URL(`/calendar/${token}.ics`, ctx.config.publicUrl).href, createdAt: now };
}

export async function revokeFeed(ctx: AppContext, actor: Actor): Promise<void> {
  authorize(actor, "notifications.use");
  await store.revokeFeeds(ctx.db, actor.workspaceId, actor.userId, ctx.now());
}

/** The events of the person the feed belongs to; the feed stands in for their sign-in. */
async function eventsFor(ctx: AppContext, actor: Actor): Promise<FeedEvent[]> {
  const staff = can(actor, "contracts.read");
  const contractorId = staff ? null : await ownContractorId(ctx, actor);
  if (!staff && contractorId === null) return [];
  const rows = await store.activeContracts(ctx.db, actor.workspaceId, contractorId);
  const contracts = rows.map((row) => ({
    id: row.id,
    title: row.title,
    endDate: row.end_date,
    contractorId: row.contractor_id,
    contractorName: row.contractor_name,
  }));
  const milestones = await store.datedMilestones(
    ctx.db,
    actor.workspaceId,
    contracts.map((contract) => contract.id),
  );
  return feedEvents({
    staff,
    contracts,
    milestones: milestones.map((row) => ({
      id: row.id,
      contractId: row.contract_id,
      title: row.title,
      dueDate: row.due_date as string,
      status: row.status,
    })),
    reportDues: await reportDues(ctx, actor.workspaceId, ctx.now()),
  });
}

function utcMidnight(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The feed as iCalendar text; an unknown or revoked token is not found. */
export async function renderFeed(ctx: AppContext, token: string): Promise<string> {
  const feed = await store.findFeedByTokenHash(ctx.db, hashSecret(token));
  if (!feed) throw new NotFound("not_found", "No such calendar");
  const actor: Actor = {
    userId: feed.user_id,
    workspaceId: feed.workspace_id,
    role: feed.role,
    via: { kind: "token", tokenId: feed.id },
  };
  const calendar = ical({
    name: "Handoff",
    prodId: { company: "Handoff", product: "Handoff", language: "EN" },
    ttl: 60 * 60,
  });
  const stamp = new Date(ctx.now());
  for (const event of await eventsFor(ctx, actor)) {
    const url = new URL(event.link, ctx.config.publicUrl).href;
    const shared = {
      id: event.uid,
      stamp,
      summary: event.summary,
      description: `${event.description}\n${url}`,
      url,
    };
    if (event.allDay) {
      calendar.createEvent({ ...shared, allDay: true, start: utcMidnight(event.date) });
    } else {
      calendar.createEvent({ ...shared, start: new Date(event.start), end: new Date(event.end) });
    }
  }
  return calendar.toString();
}
