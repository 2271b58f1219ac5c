import { expect } from "vitest";
import type { NotificationPage } from "../../src/notify/inbox-schema.ts";
import { sweep, type SweepSummary } from "../../src/notify/sweep-service.ts";
import { addDays, localDateOf, type WorkingWeek } from "../../src/time/working-day.ts";
import { milestoneDueAt } from "../../src/work/rules.ts";
import type { TestApp } from "./app.ts";
import {
  acceptContract,
  contractBody,
  contractorIdOf,
  draftContract,
  sendContract,
} from "./contracts.ts";
import { handIn, milestonesOf, milestoneUrl, postMoney } from "./ledger.ts";
import type { World } from "./world.ts";
import { bodyOf, dollars, read } from "./worth.ts";
import type { ApiClient } from "./client.ts";
import { textOf, type MailServer } from "./smtp.ts";

const HOUR = 3_600_000;

/**
 * Notifications for tests: the sweep run the way `handoff sweep` runs it, the inbox as a
 * person reads it, and the mail the test SMTP server received.
 */

export async function sweepAndDeliver(app: TestApp): Promise<SweepSummary> {
  const summary = await sweep(app.ctx);
  expect(summary.failed).toBe(0);
  await deliverMail(app);
  return summary;
}

/** Sends everything in the outbox, waiting for a dispatch the sweep may have woken. */
export async function deliverMail(app: TestApp): Promise<void> {
  await app.mail.idle();
  while ((await app.mail.dispatchDue()) > 0);
  await app.mail.idle();
}

export async function inboxOf(client: ApiClient, query = ""): Promise<NotificationPage> {
  return read<NotificationPage>(client, `/api/notifications${query}`);
}

/** Every notification row of a workspace as stored, in a fixed order. */
export function notificationRowsOf(app: TestApp, workspaceId: string) {
  return app.ctx.db
    .selectFrom("notifications")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("user_id")
    .orderBy("cause_key")
    .execute();
}

export async function weekOf(app: TestApp, contractorId: string): Promise<WorkingWeek> {
  const row = await app.ctx.db
    .selectFrom("contractors")
    .select(["time_zone", "day_start", "day_end", "working_days"])
    .where("id", "=", contractorId)
    .executeTakeFirstOrThrow();
  return {
    timeZone: row.time_zone,
    dayStart: row.day_start,
    dayEnd: row.day_end,
    workingDays: JSON.parse(row.working_days) as number[],
  };
}

/** The due date whose end of working day falls after `now + fromMs` and by `now + toMs`. */
export function dueDateBetween(now: number, week: WorkingWeek, fromMs: number, toMs: number) {
  const today = localDateOf(now, week.timeZone);
  for (let offset = -3; offset <= 10; offset += 1) {
    const date = addDays(today, offset);
    const dueAt = milestoneDueAt(date, week);
    if (dueAt > now + fromMs && dueAt <= now + toMs) return { date, dueAt };
  }
  throw new Error("no such due date");
}

/** Messages the test SMTP server received for one address whose text contains `about`. */
export function mailTo(smtp: MailServer, to: string, about: string) {
  return smtp.received.filter((mail) => mail.to.includes(to) && textOf(mail.raw).includes(about));
}

/**
 * A running contract with one milestone overdue, one due within a day and one handed in for
 * review, and a second contract sent but not accepted yet.
 */
export async function busyWorkspace(app: TestApp, world: World) {
  const contractorId = await contractorIdOf(world.contractor.client);
  const week = await weekOf(app, contractorId);
  const now = app.clock.now();
  const today = localDateOf(now, week.timeZone);
  const overdue = dueDateBetween(now, week, -30 * HOUR, -6 * HOUR);
  const soon = dueDateBetween(now, week, 0, 24 * HOUR);
  const later = dueDateBetween(now, week, 5 * 24 * HOUR, 6 * 24 * HOUR);
  const milestone = (title: string, dueDate: string) => ({
    title,
    deliverable: `${title} as Google Docs`,
    dueDate,
    amount: dollars(400),
  });
  const terms = {
    startDate: addDays(today, -10),
    endDate: addDays(today, 20),
    payment: {
      kind: "fixed" as const,
      total: dollars(1200),
      milestones: [
        milestone("Keyword list", overdue.date),
        milestone("Draft posts", soon.date),
        milestone("Final posts", later.date),
      ],
    },
  };
  const draft = await draftContract(world.owner.client, contractorId, terms);
  await sendContract(world.owner.client, draft.id);
  const running = await acceptContract(world.contractor.client, draft);
  const [, , final] = await milestonesOf(world.owner.client, running.id);
  bodyOf(await postMoney(world.contractor.client, milestoneUrl(final!.id, "submit"), handIn));
  const waiting = await draftContract(world.owner.client, contractorId, {
    ...contractBody(contractorId, terms),
    title: "Newsletter",
  });
  await sendContract(world.owner.client, waiting.id);
  return { running, waiting, contractorId };
}
