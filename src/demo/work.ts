import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { sendBackWork, submitWork } from "../contracts/delivery-service.ts";
import { addDays } from "../contracts/timesheet-rules.ts";
import { listContractors } from "../people/service.ts";
import { dateOf } from "../time/calendar.ts";
import { instantAt } from "../time/working-day.ts";
import { getOwnCadence } from "../work/cadence-service.ts";
import { replyToReport, resolveBlocker, submitReport } from "../work/report-service.ts";
import { reportInput, type Report, type ReportForm } from "../work/schema.ts";
import { demoBusiness } from "./business.ts";
import { asOf } from "./clock.ts";
import { agreeContract, once, type DemoContractors, type DemoContracts } from "./contracts.ts";

/**
 * A few weeks of running the work, told through the services day by day: everyone reports
 * from the day their contract was signed. Marco reports on time and his posts are accepted
 * with high ratings, so his reports relaxed to weekly and he is the one to reward; Jun
 * misses reports and hands in a page late, so he is flagged; Olena reports every day.
 */

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

interface Slot {
  /** The contractor's local date the report is due on. */
  date: string;
  dueAt: number;
  /** The last report due before now. */
  latest: boolean;
}

/** What the contractor sends for a slot, or null when they let it pass. */
type Story = (sent: number, slot: Slot) => ReportForm | null;

/**
 * Walks the contractor's due reports from `since` up to now, asking the cadence what is due
 * next after each one, so the reports follow the cadence as it relaxes and tightens. Each
 * report goes in two hours before the end of the contractor's working day.
 */
async function reportAlong(
  ctx: AppContext,
  contractor: Actor,
  since: number,
  story: Story,
): Promise<Report[]> {
  const dueAfter = async (at: number) => (await getOwnCadence(asOf(ctx, at), contractor)).nextDue;
  const sent: Report[] = [];
  let due = await dueAfter(since);
  while (due && due.at < ctx.now()) {
    const following = await dueAfter(due.at + 1);
    const latest = !following || following.at >= ctx.now();
    const form = story(sent.length, { date: due.date, dueAt: due.at, latest });
    if (form) {
      sent.push(
        await submitReport(asOf(ctx, due.at - 2 * HOUR), contractor, reportInput.parse(form)),
      );
      due = await dueAfter(due.at + 1);
    } else {
      due = following;
    }
  }
  return sent;
}

/** The next line of a short rota, so a few weeks of reports do not all read the same. */
function rota<T>(lines: readonly T[], sent: number): T {
  return lines[sent % lines.length] as T;
}

const marcoDone = [
  "Rewrote the post on soy versus paraffin wax and tightened its title.",
  "Drafted the candle care guide and checked its keywords.",
  "Edited the gift guide post and added a call to action to the shop.",
  "Wrote meta descriptions for the posts finished this week.",
  "Reworked the scent pairing post after reading the comments on it.",
];
const marcoNext = [
  "Start the next post in the list.",
  "Proofread yesterday's draft with fresh eyes, then move on.",
  "Check the internal links between the rewritten posts.",
];

const olenaDone = [
  "Retouched eight product photos for the winter range.",
  "Cleaned the backgrounds of the gift set photos.",
  "Matched colours across the new jar candles.",
  "Exported web and print sizes to the catalogue folder.",
];

const junDone = [
  "Answered the overnight customer emails.",
  "Handled three exchange requests and a refund.",
  "Replied to two wholesale enquiries with the price list.",
  "Tagged the inbox by topic for the Friday note.",
];

const SEND_BACK_FEEDBACK = [
  "What worked: the questions are the ones customers actually ask.",
  "What to change: the cut-off dates are last year's, and the page needs the international shipping times.",
  "By when: the end of Thursday, so it is live before the holiday orders start.",
].join("\n");

export async function seedWork(
  ctx: AppContext,
  owner: Actor,
  people: DemoContractors,
  contracts: DemoContracts,
): Promise<void> {
  const startOf = (contract: { acceptedAt: number | null }) => contract.acceptedAt ?? ctx.now();

  // The top performer: every report on time, and after his second accepted delivery, weekly.
  const marco = await reportAlong(ctx, people.writer, startOf(contracts.blog), (sent) => ({
    done: rota(marcoDone, sent),
    next: rota(marcoNext, sent),
    minutes: 150 + (sent % 4) * 30,
    links: ["https://docs.example.com/maple-lane/blog"],
  }));
  const replies = [
    "Lovely, the new title says exactly what the post is about.",
    "Thank you, Marco. Customers have started quoting the care guide back to us.",
  ];
  for (const [position, body] of replies.entries()) {
    const report = marco[position * 7];
    if (report)
      await replyToReport(asOf(ctx, report.submittedAt + HOUR), owner, report.id, { body });
  }

  // A steady reporter: every working day, on time.
  await reportAlong(ctx, people.designer, startOf(contracts.retouching), (sent) => ({
    done: rota(olenaDone, sent),
    next: "Carry on with the next batch in the folder.",
    minutes: 120,
  }));

  // The one who slips: three reports missed in the last weeks, the latest among them.
  const now = ctx.now();
  const missAfter = [now - 16 * DAY, now - 8 * DAY];
  const jun = await reportAlong(ctx, people.assistant, startOf(contracts.inbox), (sent, slot) => {
    const due = missAfter[0];
    if (due !== undefined && slot.dueAt > due) {
      missAfter.shift();
      return null;
    }
    if (slot.latest) return null;
    return {
      done: rota(junDone, sent),
      next: "Keep the inbox under a day.",
      blockers:
        sent === 6
          ? "The courier's tracking page is down, so I cannot answer where-is-my-order emails."
          : "",
      minutes: 90 + (sent % 3) * 30,
    };
  });
  const blocked = jun.find((report) => report.blockers !== "");
  if (blocked) {
    const later = asOf(ctx, blocked.submittedAt + 3 * HOUR);
    await replyToReport(later, owner, blocked.id, {
      body: "The courier says it is back. Send people the tracking link from their order email meanwhile.",
    });
    await resolveBlocker(later, owner, blocked.id);
  }

  // And a page handed in two days late, then sent back with what to change.
  const junToday = dateOf(now, "Asia/Manila");
  const directory = new Map(
    (await listContractors(ctx, owner)).map((person) => [person.email, person.id]),
  );
  const faq = await agreeContract(ctx, owner, people.assistant, {
    contractorId: directory.get("jun.va@example.com") ?? "",
    title: "Holiday shipping FAQ",
    scope: "Write the shop's holiday shipping FAQ from the questions customers ask in the inbox.",
    deliverables: "One FAQ page ready to publish, with cut-off dates for every shipping zone.",
    startDate: addDays(junToday, -20),
    endDate: addDays(junToday, 10),
    payment: {
      kind: "fixed",
      total: 12_000,
      milestones: [
        {
          title: "Holiday shipping FAQ page",
          deliverable: "The FAQ page, ready to publish",
          dueDate: addDays(junToday, -8),
          amount: 12_000,
        },
      ],
    },
  });
  const page = faq.milestones[0];
  if (page) {
    await submitWork(
      asOf(ctx, instantAt(addDays(junToday, -6), "16:00", "Asia/Manila")),
      people.assistant,
      page.id,
      { note: "Sorry this is late. The FAQ page is in the shared folder.", links: [] },
      once("submit faq"),
    );
    await sendBackWork(
      asOf(ctx, instantAt(addDays(junToday, -6), "10:00", demoBusiness.timeZone)),
      owner,
      page.id,
      { feedback: SEND_BACK_FEEDBACK },
      once("send back faq"),
    );
  }
}
