import { uuidv7 } from "uuidv7";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { acceptWork, releasePayment, submitWork } from "../contracts/delivery-service.ts";
import { submitMonth } from "../contracts/retainer-service.ts";
import { contractInput, type Contract } from "../contracts/schema.ts";
import { acceptContract, createContract, getDocument, sendContract } from "../contracts/service.ts";
import { addDays, weekOf } from "../contracts/timesheet-rules.ts";
import { logTime, submitWeek } from "../contracts/timesheet-service.ts";
import { addMonths } from "../contracts/retainer-rules.ts";
import type { IdempotentRequest } from "../http/idempotency.ts";
import type { RatingsInput } from "../work/performance-schema.ts";
import { recordDelivery, createBarter } from "../ledger/barter-service.ts";
import { barterInput, deliveryInput } from "../ledger/barter-schema.ts";
import { fundEscrow, giveBonus, recordPayout } from "../ledger/service.ts";
import { listContractors } from "../people/service.ts";
import { dateOf, monthOf } from "../time/calendar.ts";
import { instantAt } from "../time/working-day.ts";
import { demoBusiness } from "./business.ts";
import { asOf } from "./clock.ts";

/**
 * The candle shop's contracts and money, made through the same services the app uses so
 * the ledger balances: a blog relaunch at a fixed price part-way paid, the customer inbox
 * by the hour, photo retouching on a monthly retainer, a big shop build still a draft
 * because the huge-project guard flags it, and a barter with a photographer. Each contract
 * was agreed on its start date, and the work was handed in and reviewed on the days it was,
 * so the reporting and performance records start when the work did.
 */

export interface DemoContractors {
  writer: Actor;
  assistant: Actor;
  designer: Actor;
}

const client = { ip: "127.0.0.1", userAgent: "handoff demo" };
const HOUR = 60 * 60_000;
const GUARD_REASON =
  "We are still building the bench; a second person for this work is on the hiring plan.";

/** Each demo movement once: a key of its own, as the web app makes one per action. */
export function once(action: string): IdempotentRequest {
  return { key: uuidv7(), fingerprint: { demo: action } };
}

/** The contracts under which the demo's contractors report. */
export interface DemoContracts {
  blog: Contract;
  inbox: Contract;
  retouching: Contract;
}

type ContractForm = Record<string, unknown> & { startDate: string };

/** Drawn up, sent and signed on the morning of its start date, the owner's time. */
export async function agreeContract(
  ctx: AppContext,
  owner: Actor,
  contractor: Actor,
  form: ContractForm,
): Promise<Contract> {
  const then = asOf(ctx, instantAt(form.startDate, "09:00", demoBusiness.timeZone));
  const draft = await createContract(then, owner, contractInput.parse(form));
  await sendContract(then, owner, draft.id, { guardReason: GUARD_REASON });
  const document = await getDocument(then, contractor, draft.id);
  return acceptContract(
    then,
    contractor,
    draft.id,
    { typedName: draft.contractorName, textHash: document.textHash },
    client,
  );
}

export async function seedContractsAndMoney(
  ctx: AppContext,
  owner: Actor,
  people: DemoContractors,
): Promise<DemoContracts> {
  const today = dateOf(ctx.now(), "America/Chicago");
  const reviewedOn = (day: string) => asOf(ctx, instantAt(day, "10:00", demoBusiness.timeZone));
  /** The first morning after a week or month, unless that morning has not come yet today. */
  const byNow = (instant: number) => asOf(ctx, Math.min(instant, ctx.now()));
  const directory = new Map(
    (await listContractors(ctx, owner)).map((person) => [person.email, person.id]),
  );
  const personId = (email: string) => directory.get(email) ?? "";

  const agreed = (contractor: Actor, form: ContractForm) =>
    agreeContract(ctx, owner, contractor, form);

  // A fixed price part-way through: one milestone paid, one accepted, one waiting for review.
  const marcoId = personId("marco.writes@example.com");
  const blog = await agreed(people.writer, {
    contractorId: marcoId,
    title: "Spring blog relaunch",
    scope:
      "Rewrite the ten most visited blog posts in plain English, keep their keywords and end each with a call to action.",
    deliverables: "Ten rewritten posts as shared documents, with new titles and meta descriptions.",
    startDate: addDays(today, -45),
    endDate: addDays(today, 30),
    reportCadence: "weekly",
    payment: {
      kind: "fixed",
      total: 120_000,
      milestones: [
        {
          title: "First three posts",
          deliverable: "Posts 1–3",
          dueDate: addDays(today, -30),
          amount: 40_000,
        },
        {
          title: "Next four posts",
          deliverable: "Posts 4–7",
          dueDate: addDays(today, -10),
          amount: 40_000,
        },
        {
          title: "Last three posts",
          deliverable: "Posts 8–10",
          dueDate: addDays(today, 20),
          amount: 40_000,
        },
      ],
    },
  });
  const blogStarted = (blog.acceptedAt ?? ctx.now()) + HOUR;
  await fundEscrow(
    asOf(ctx, blogStarted),
    owner,
    blog.id,
    { amount: 120_000, currency: "USD" },
    once("fund blog"),
  );
  const [first, second, third] = blog.milestones;
  // Marco hands in mid-afternoon his time, two days before each due date, and Dana reviews
  // the next morning hers.
  const handIn = (milestoneId: string, day: string, note: string) =>
    submitWork(
      asOf(ctx, instantAt(day, "15:00", "America/Sao_Paulo")),
      people.writer,
      milestoneId,
      { note, links: ["https://docs.example.com/maple-lane/blog"] },
      once(`submit ${milestoneId}`),
    );
  const accept = (milestoneId: string, day: string, ratings: RatingsInput) =>
    acceptWork(
      reviewedOn(day),
      owner,
      milestoneId,
      { feedback: "Reads well. Thank you!", ratings },
      once(`accept ${milestoneId}`),
    );
  if (first && second && third) {
    await handIn(first.id, addDays(today, -32), "Posts 1–3 are in the shared folder.");
    await accept(first.id, addDays(today, -31), { quality: 5, timeliness: 5, communication: 5 });
    await releasePayment(reviewedOn(addDays(today, -31)), owner, first.id, once("release first"));
    await handIn(second.id, addDays(today, -12), "Posts 4–7 are ready for review.");
    await accept(second.id, addDays(today, -11), { quality: 5, timeliness: 5, communication: 4 });
    await handIn(third.id, addDays(today, -1), "The last three posts, well ahead of the due date.");
  }
  await recordPayout(
    reviewedOn(addDays(today, -5)),
    owner,
    {
      contractorId: marcoId,
      amount: 40_000,
      currency: "USD",
      method: "paypal",
      reference: "PP-7Y2K-4410",
      paidOn: addDays(today, -5),
    },
    once("payout marco"),
  );
  await giveBonus(
    ctx,
    owner,
    {
      contractorId: marcoId,
      amount: 15_000,
      currency: "USD",
      reason: "Year-end thank you: every post delivered on time this year.",
    },
    once("bonus marco"),
  );

  // By the hour: last week's time submitted, this week's being logged.
  const junToday = dateOf(ctx.now(), "Asia/Manila");
  const inbox = await agreed(people.assistant, {
    contractorId: personId("jun.va@example.com"),
    title: "Customer inbox",
    scope: "Answer the shop's customer emails within one working day, in the shop's friendly tone.",
    deliverables: "Replies sent, and a short note each Friday of anything that needs the owner.",
    startDate: addDays(junToday, -40),
    endDate: null,
    payment: { kind: "hourly", hourlyRate: 900, weeklyCapMinutes: 15 * 60 },
    volumeDiscount: { after: 100, basisPoints: 500 },
  });
  const lastWeek = addDays(weekOf(junToday), -7);
  const work = [
    "Answered shipping questions",
    "Refunds and exchanges",
    "Wholesale enquiries",
    "Updated the FAQ answers",
    "Inbox zero before the weekend",
  ];
  for (const [day, description] of work.entries()) {
    await logTime(ctx, people.assistant, inbox.id, {
      workDate: addDays(lastWeek, day),
      minutes: 150,
      description,
    });
  }
  await submitWeek(
    byNow(instantAt(addDays(lastWeek, 7), "09:30", "Asia/Manila")),
    people.assistant,
    inbox.id,
    { week: lastWeek, note: "A busy week after the newsletter went out." },
    once("submit week"),
  );
  await logTime(ctx, people.assistant, inbox.id, {
    workDate: junToday,
    minutes: 90,
    description: "Morning inbox",
  });

  // A monthly retainer: two months ago paid, last month waiting for review.
  const thisMonth = monthOf(ctx.now(), "Europe/Kyiv");
  const older = addMonths(thisMonth, -2);
  const previous = addMonths(thisMonth, -1);
  const retouching = await agreed(people.designer, {
    contractorId: personId("olena.design@example.com"),
    title: "Product photo retouching",
    scope: "Retouch every new product photo: true colours, clean background, web and print sizes.",
    deliverables: "Retouched photos in the shared catalogue folder by the end of each month.",
    startDate: `${older}-01`,
    endDate: null,
    payment: { kind: "retainer", monthlyAmount: 30_000 },
  });
  const paid = await submitMonth(
    asOf(ctx, instantAt(`${previous}-01`, "10:00", "Europe/Kyiv")),
    people.designer,
    retouching.id,
    { month: older, note: "42 photos retouched for the autumn range.", links: [] },
    once("submit older month"),
  );
  if (paid.milestoneId) {
    const reviewed = reviewedOn(`${previous}-02`);
    await acceptWork(
      reviewed,
      owner,
      paid.milestoneId,
      {
        feedback: "True colours and clean edges, as always.",
        ratings: { quality: 5, timeliness: 4, communication: 4 },
      },
      once("accept month"),
    );
    await releasePayment(reviewed, owner, paid.milestoneId, once("release month"));
  }
  await submitMonth(
    byNow(instantAt(`${thisMonth}-01`, "10:00", "Europe/Kyiv")),
    people.designer,
    retouching.id,
    {
      month: previous,
      note: "35 photos retouched, and the catalogue cover in two versions.",
      links: ["https://photos.example.com/maple-lane/catalogue"],
    },
    once("submit previous month"),
  );

  // Too big for one person: the guard flags it, so it waits as a draft.
  await createContract(
    ctx,
    owner,
    contractInput.parse({
      contractorId: personId("rohan.builds@example.com"),
      title: "New online shop build",
      scope: "Move the shop to a new platform, with product pages, checkout and the blog.",
      deliverables: "The new shop live, with every product and post moved over.",
      startDate: addDays(today, 14),
      endDate: addDays(today, 104),
      payment: {
        kind: "fixed",
        total: 800_000,
        milestones: [
          {
            title: "Design",
            deliverable: "Page designs",
            dueDate: addDays(today, 35),
            amount: 200_000,
          },
          {
            title: "Catalogue",
            deliverable: "Products moved",
            dueDate: addDays(today, 60),
            amount: 200_000,
          },
          {
            title: "Checkout",
            deliverable: "Payments working",
            dueDate: addDays(today, 85),
            amount: 200_000,
          },
          {
            title: "Launch",
            deliverable: "The shop live",
            dueDate: addDays(today, 104),
            amount: 200_000,
          },
        ],
      },
    }),
  );

  // Candles for photos, valued by each side: the shop has received more than it gave so far.
  const barter = await createBarter(
    ctx,
    owner,
    barterInput.parse({
      partner: "Hollow Oak Photography",
      gives: "Scented candles for their studio and their clients' gift boxes",
      gets: "Product photos for the autumn catalogue",
      givesValue: 60_000,
      getsValue: 90_000,
      notes: "Photos in two sessions; candles delivered monthly.",
    }),
  );
  const deliveries = [
    {
      side: "given",
      value: 30_000,
      note: "First box of 40 candles",
      deliveredOn: addDays(today, -20),
    },
    {
      side: "received",
      value: 45_000,
      note: "First session: 20 edited photos",
      deliveredOn: addDays(today, -12),
    },
  ];
  for (const delivery of deliveries) {
    await recordDelivery(
      ctx,
      owner,
      barter.id,
      deliveryInput.parse({ ...delivery, currency: "USD" }),
      once(`barter ${delivery.note}`),
    );
  }
  return { blog, inbox, retouching };
}
