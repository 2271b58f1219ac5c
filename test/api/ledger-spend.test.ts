import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LedgerTransaction } from "../../src/ledger/schema.ts";
import type { Budget } from "../../src/metrics/schema.ts";
import type { Candidacy, ChannelAnalytics } from "../../src/people/schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { newDevice } from "../support/accounts.ts";
import { ApiClient } from "../support/client.ts";
import { acceptContract, contractBody, draftContract, sendContract } from "../support/contracts.ts";
import { channelId } from "../support/directory.ts";
import { candidacyUrl, newPerson, openingUrl, openOpening } from "../support/hiring.ts";
import {
  acceptedWork,
  fund,
  milestonesOf,
  postMoney,
  release,
  runningContract,
  summaryOf,
} from "../support/ledger.ts";
import { budget, planBudget } from "../support/metrics.ts";
import { tokenOf } from "../support/mail.ts";
import { bodyOf, dollars, read } from "../support/worth.ts";
import { buildWorld, PASSWORD, type World } from "../support/world.ts";

/** What the ledger's spend does to the budget and to channel analytics. */

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
});
afterAll(() => app.close());

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

describe("the budget's actual spend", () => {
  it("is null before anything is paid, then released work plus bonuses this month", async () => {
    const owner = world.owner.client;
    await planBudget(owner, { monthlyBudget: dollars(1_000) });
    expect(await budget(owner)).toMatchObject({
      actualSpend: null,
      roi: { spendSource: "budget" },
    });

    const { contract, contractorId, milestones } = await runningContract(
      owner,
      world.contractor.client,
    );
    // Escrow is money set aside, not spent.
    await fund(owner, contract.id, dollars(400));
    expect((await budget(owner)).actualSpend).toBeNull();

    await acceptedWork(world.manager.client, world.contractor.client, milestones[0]!.id);
    bodyOf(await release(owner, milestones[0]!.id));
    expect(await budget(owner)).toMatchObject({
      actualSpend: dollars(400),
      budgetLeft: dollars(600),
      roi: { spend: dollars(400), spendSource: "actual" },
    });

    const bonus = bodyOf<LedgerTransaction>(
      await postMoney(owner, "/api/bonuses", {
        contractorId,
        amount: dollars(50),
        currency: "USD",
        reason: "Finished early",
      }),
      201,
    );
    expect((await budget(world.manager.client)).actualSpend).toBe(dollars(450));
    // A payout moves money already counted when it was released: no more spend.
    bodyOf(
      await postMoney(owner, "/api/payouts", {
        contractorId,
        amount: dollars(400),
        currency: "USD",
        method: "paypal",
        reference: "PP-1",
        paidOn: "2026-01-01",
      }),
      201,
    );
    expect((await budget(owner)).actualSpend).toBe(dollars(450));
    bodyOf(
      await postMoney(owner, `/api/ledger/transactions/${bonus.id}/reverse`, { reason: "Twice" }),
      201,
    );
    expect((await budget(owner)).actualSpend).toBe(dollars(400));
    expect((await summaryOf(owner)).currencies[0]).toMatchObject({
      currency: "USD",
      spentThisMonth: dollars(400),
    });

    // Spend in another currency is never added to the workspace's.
    bodyOf(
      await postMoney(owner, "/api/bonuses", {
        contractorId,
        amount: 999,
        currency: "EUR",
        reason: "Trip",
      }),
      201,
    );
    expect((await budget(owner)).actualSpend).toBe(dollars(400));

    // A new month starts from nothing paid: zero, not the plan.
    app.clock.advance(40 * DAY);
    const later = await newDevice(app, world.owner);
    expect(await budget(later)).toMatchObject({
      actualSpend: 0,
      budgetLeft: dollars(1_000),
      roi: { spend: 0, spendSource: "actual" },
    });
    expect(
      (await summaryOf(later)).currencies.find((line) => line.currency === "USD")?.spentThisMonth,
    ).toBe(0);
  });
});

describe("channel analytics' cost per hire", () => {
  it("adds the channel's fee on work paid after the hire to test projects paid before it", async () => {
    const owner = await newDevice(app, world.owner);
    const upwork = await channelId(owner, "Upwork");
    bodyOf(await owner.put(`/api/channels/${upwork}`, { name: "Upwork", feeBasisPoints: 1000 }));
    const opening = await openOpening(owner, { title: "Writer" });
    const candidacy = bodyOf<Candidacy>(
      await owner.post(`${openingUrl(opening.id)}/candidates`, {
        person: { ...newPerson("Ana Lima"), channelId: upwork },
      }),
      201,
    );
    const issued = bodyOf<{ link: string }>(
      await owner.post(`/api/contractors/${candidacy.contractor.id}/invite`),
      201,
    );
    const ana = new ApiClient(app.server);
    bodyOf(
      await ana.post("/api/invites/accept", {
        token: tokenOf(issued.link),
        name: "Ana Lima",
        password: PASSWORD,
        timeZone: "America/Sao_Paulo",
      }),
      201,
    );

    // A $100 test project, paid while Ana is a candidate.
    const test = await draftContract(
      owner,
      candidacy.contractor.id,
      contractBody(candidacy.contractor.id, {
        title: "Test article",
        payment: {
          kind: "fixed",
          total: dollars(100),
          milestones: [
            {
              title: "One post",
              deliverable: "A post",
              dueDate: "2026-04-10",
              amount: dollars(100),
            },
          ],
        },
      }),
    );
    await sendContract(owner, test.id);
    await acceptContract(ana, test);
    const [testWork] = await milestonesOf(owner, test.id);
    await acceptedWork(owner, ana, testWork!.id);
    bodyOf(await release(owner, testWork!.id));

    app.clock.advance(MINUTE);
    bodyOf(await owner.post(`${candidacyUrl(candidacy.id)}/hire`));
    app.clock.advance(MINUTE);

    const job = await draftContract(owner, candidacy.contractor.id);
    await sendContract(owner, job.id);
    await acceptContract(ana, job);
    const [first] = await milestonesOf(owner, job.id);
    await acceptedWork(owner, ana, first!.id);
    bodyOf(await release(owner, first!.id));

    const analytics = await read<ChannelAnalytics>(owner, "/api/channels/analytics");
    const row = analytics.channels.find((channel) => channel.name === "Upwork");
    // 10 % of $400 of work, plus the $100 test project, for one hire.
    expect(row).toMatchObject({ hires: 1, costPerHire: dollars(140) });
    expect(analytics.notes).not.toContain(
      "Cost per hire appears once payments are recorded in Payments.",
    );
  });
});

describe("a workspace that has paid nothing", () => {
  it("keeps comparing the budget against the plan and leaves cost per hire empty", async () => {
    const other = await newDevice(app, world.stranger);
    expect((await read<Budget>(other, "/api/budget")).actualSpend).toBeNull();
    const analytics = await read<ChannelAnalytics>(other, "/api/channels/analytics");
    expect(analytics.channels.every((channel) => channel.costPerHire === null)).toBe(true);
  });
});
