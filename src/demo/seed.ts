import type { Actor } from "../auth/rules.ts";
import { createWorkspace } from "../auth/service.ts";
import { newSecret } from "../auth/secrets.ts";
import { acceptInvite, createInvite } from "../auth/team-service.ts";
import type { AppContext } from "../context.ts";
import { monthOf } from "../time/calendar.ts";
import { seedBlueprints } from "./blueprints.ts";
import { seedContractsAndMoney } from "./contracts.ts";
import { demoBusiness } from "./business.ts";
import { seedPeople } from "./people.ts";
import { seedWork } from "./work.ts";
import { seedWorthAndMetrics } from "./worth-and-metrics.ts";

export interface DemoLogin {
  name: string;
  email: string;
  role: string;
  password: string;
}

/**
 * Builds the demo workspace through the same services the app uses, so the demo can
 * never hold data the app itself could not have made. Passwords are random and shown once.
 */
export async function seedDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const ownerPassword = newSecret().slice(0, 16);
  const { workspaceId, userId } = await createWorkspace(
    ctx,
    {
      workspaceName: demoBusiness.workspaceName,
      ownerName: demoBusiness.owner.name,
      email: demoBusiness.owner.email,
      password: ownerPassword,
      currency: demoBusiness.currency,
      timeZone: demoBusiness.timeZone,
    },
    { onlyIfFirst: true },
  );
  const owner: Actor = { userId, workspaceId, role: "owner", via: { kind: "command-line" } };
  const logins: DemoLogin[] = [{ ...demoBusiness.owner, role: "owner", password: ownerPassword }];
  const client = { ip: "127.0.0.1", userAgent: "handoff demo" };
  const people = new Map<string, Actor>();

  for (const person of demoBusiness.team) {
    const issued = await createInvite(ctx, owner, { email: person.email, role: person.role });
    const token = new URL(issued.link).searchParams.get("token") ?? "";
    const password = newSecret().slice(0, 16);
    const joined = await acceptInvite(
      ctx,
      { token, name: person.name, password, timeZone: person.timeZone },
      client,
    );
    people.set(person.email, {
      userId: joined.me.user.id,
      workspaceId,
      role: person.role,
      via: { kind: "command-line" },
    });
    logins.push({ name: person.name, email: person.email, role: person.role, password });
  }
  for (const invite of demoBusiness.pendingInvites) {
    await createInvite(ctx, owner, invite);
  }
  await seedWorthAndMetrics(ctx, owner, monthOf(ctx.now(), demoBusiness.timeZone));
  const writer = people.get("marco.writes@example.com");
  const assistant = people.get("jun.va@example.com");
  if (writer && assistant) {
    const inAWeek = new Date(ctx.now() + 7 * 24 * 60 * 60_000).toISOString().slice(0, 10);
    await seedBlueprints(ctx, owner, { writer, assistant }, inAWeek);
  }
  const twoDaysAgo = new Date(ctx.now() - 2 * 24 * 60 * 60_000).toISOString().slice(0, 10);
  await seedPeople(ctx, owner, twoDaysAgo);
  const designer = people.get("olena.design@example.com");
  if (writer && assistant && designer) {
    const team = { writer, assistant, designer };
    await seedWork(ctx, owner, team, await seedContractsAndMoney(ctx, owner, team));
  }
  return logins;
}
