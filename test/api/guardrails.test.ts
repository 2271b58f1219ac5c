import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Guardrails, Loyalty } from "../../src/guardrails/schema.ts";
import type { ContractorDetail } from "../../src/people/schema.ts";
import { dateOf } from "../../src/time/calendar.ts";
import { addDays } from "../../src/time/working-day.ts";
import type { CadenceView } from "../../src/work/schema.ts";
import { newDevice } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { activeContract, contractorIdOf } from "../support/contracts.ts";
import { addPerson, inputOf } from "../support/directory.ts";
import { handIn, milestonesOf, milestoneUrl, postMoney } from "../support/ledger.ts";
import { goodRatings } from "../support/reviews.ts";
import { areaIdOf, bodyOf, dollars, read } from "../support/worth.ts";
import { hourlyContract, reportBody } from "../support/work.ts";
import { buildWorld, invitePerson, type Person, type World } from "../support/world.ts";

/**
 * The guardrails over simulated days with the default numbers (3 slips in 30 days): Marco
 * never reports and is flagged at his third missed report, with Ana and Ravi from the design
 * bench as replacements; Ravi reports on time and has two deliveries accepted, so he is
 * reliable; Marco's open-ended hourly contract holds most of the open contract value. Each
 * request opens a fresh session, since moving the clock by days ends idle sessions.
 */

let app: TestApp;
let world: World;
let ravi: Person;
let marcoId: string;
let raviId: string;
let anaId: string;
let designId: string;

const owner = () => newDevice(app, world.owner);
const guardrails = async (person: Person = world.owner) =>
  read<Guardrails>(await newDevice(app, person), "/api/guardrails");

async function giveDesignSkill(contractorId: string, level: number): Promise<void> {
  const client = await owner();
  const person = await read<ContractorDetail>(client, `/api/contractors/${contractorId}`);
  bodyOf(
    await client.put(`/api/contractors/${contractorId}`, {
      ...inputOf(person),
      skills: [{ areaId: designId, level, verified: false }],
    }),
  );
}

/** Ravi reports an hour before his next report is due; the clock then moves just past it. */
async function raviReportsOnTime(): Promise<void> {
  const client = await newDevice(app, ravi);
  const due = (await read<CadenceView>(client, "/api/portal/cadence")).nextDue!.at;
  app.clock.advance(due - 3_600_000 - app.clock.now());
  bodyOf(await (await newDevice(app, ravi)).post("/api/reports", reportBody), 201);
  app.clock.advance(due + 60_000 - app.clock.now());
}

/** Ravi hands a milestone in early and the owner accepts it with ratings. */
async function raviDelivers(milestoneId: string): Promise<void> {
  bodyOf(await postMoney(await newDevice(app, ravi), milestoneUrl(milestoneId, "submit"), handIn));
  bodyOf(
    await postMoney(await owner(), milestoneUrl(milestoneId, "accept"), {
      feedback: "Clear and on brief.",
      ratings: goodRatings,
    }),
  );
}

function marcoFlag(data: Guardrails) {
  return data.slips.flagged.find((person) => person.contractorId === marcoId);
}

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
  ravi = await invitePerson(app, world.owner.client, "ravi@example.com", "contractor", "Ravi");
  marcoId = await contractorIdOf(world.contractor.client);
  raviId = await contractorIdOf(ravi.client);
  designId = await areaIdOf(world.owner.client, "design");
  anaId = (
    await addPerson(world.owner.client, {
      name: "Ana Reyes",
      status: "active",
      skills: [{ areaId: designId, level: 5, verified: true }],
    })
  ).id;
  await giveDesignSkill(marcoId, 4);
  await giveDesignSkill(raviId, 4);
});
afterAll(() => app.close());

describe("guardrails", () => {
  it("shows nothing to flag before any contract", async () => {
    const data = await guardrails();
    expect(data.slips).toEqual({ limit: 3, windowDays: 30, flagged: [] });
    expect(data.loyalty).toEqual({ windowDays: 60, reliable: [] });
    expect(data.concentration.holdings).toEqual([]);
    expect(data.warnings.filter((warning) => warning.kind !== "bench")).toEqual([]);
  });

  it("flags the person holding most of the open contract value, once", async () => {
    // Open-ended: counted as 13 weeks of 20 hours at $25, $6,500, against Ravi's $900.
    await hourlyContract(world.owner.client, world.contractor.client, { areaId: designId });
    const today = dateOf(app.clock.now(), "Europe/Kyiv");
    const milestone = (n: number) => ({
      title: `Shop banners, part ${n}`,
      deliverable: `Part ${n}`,
      dueDate: addDays(today, 14 * n),
      amount: dollars(300),
    });
    await activeContract(world.owner.client, ravi.client, {
      title: "Shop banners",
      areaId: designId,
      startDate: today,
      endDate: addDays(today, 45),
      payment: {
        kind: "fixed",
        total: dollars(900),
        milestones: [milestone(1), milestone(2), milestone(3)],
      },
    });
    const data = await guardrails(world.manager);
    expect(data.concentration).toMatchObject({ maxShareBasisPoints: 5000, currency: "USD" });
    expect(data.concentration.holdings).toEqual([
      {
        key: `concentration:${marcoId}`,
        contractorId: marcoId,
        contractorName: "Marco",
        areaId: null,
        areaName: null,
        held: dollars(6500),
        total: dollars(7400),
        shareBasisPoints: 8784,
        reason: expect.stringContaining(
          "Marco holds $6,500 of your $7,400 open contract value (87.84 %), more than the 50 % you allow one person.",
        ),
        action: { label: "Write the next contract for someone else", href: "/contracts/new" },
      },
    ]);
    expect(data.warnings).toContainEqual(
      expect.objectContaining({ kind: "concentration", title: "Too much work with Marco" }),
    );
  });

  it("flags Marco at the third missed report, not before, with the evidence and replacements", async () => {
    const contract = (await read<{ id: string; title: string }[]>(await owner(), "/api/contracts"))
      .filter((item) => item.title === "Shop banners")
      .at(0)!;
    const [first, second] = await milestonesOf(await owner(), contract.id);
    await raviDelivers(first!.id);
    await raviDelivers(second!.id);

    await raviReportsOnTime();
    await raviReportsOnTime();
    const twoMissed = await guardrails();
    expect(marcoFlag(twoMissed)).toBeUndefined();
    expect(twoMissed.warnings.filter((warning) => warning.kind === "slips")).toEqual([]);

    await raviReportsOnTime();
    const data = await guardrails();
    const flag = marcoFlag(data)!;
    expect(flag.evidence).toHaveLength(3);
    expect(flag.evidence.every((words) => /^The report due .* was missed\.$/.test(words))).toBe(
      true,
    );
    expect(flag.reason).toBe(
      "3 slips in the last 30 days: no excuses or delays. Line up a replacement from the bench.",
    );
    expect(flag.replacements).toHaveLength(1);
    const design = flag.replacements[0]!;
    expect(design).toMatchObject({ areaId: designId, areaName: "design", benchThin: false });
    // Ravi is rated, Ana is not: the rated one comes first; Marco is left out.
    expect(design.suggestions.map((person) => person.contractorId)).toEqual([raviId, anaId]);
    expect(design.suggestions[0]!.words).toMatch(/^Rated 4\.7 of 5, 0 open assignments, /);
    expect(flag.action).toEqual({ label: "Line up Ravi to take over", href: `/people/${raviId}` });
    expect(data.warnings).toContainEqual({
      kind: "slips",
      key: `slips:${marcoId}`,
      title: "Marco keeps slipping",
      reason: expect.stringContaining("3 slips in the last 30 days"),
      action: flag.action,
    });
    expect(data.slips.flagged.map((person) => person.contractorId)).toEqual([marcoId]);
  });

  it("follows the owner's slip limit", async () => {
    bodyOf(await (await owner()).put("/api/work-settings", { slipLimit: 4 }));
    expect(marcoFlag(await guardrails())).toBeUndefined();
    bodyOf(await (await owner()).put("/api/work-settings", { slipLimit: 3 }));
    expect(marcoFlag(await guardrails())).toBeDefined();
  });

  it("suggests the reliable person first for new work and a volume rate", async () => {
    const { loyalty } = await guardrails(world.manager);
    expect(
      await read<Loyalty>(await newDevice(app, world.manager), "/api/guardrails/loyalty"),
    ).toEqual(loyalty);
    expect(loyalty.reliable).toEqual([
      {
        contractorId: raviId,
        contractorName: "Ravi",
        reportsOnTime: { count: 3, of: 3 },
        // Both were handed in early: neither has fallen due, so neither counts yet.
        milestonesOnTime: { count: 0, of: 0 },
        accepted: 2,
        rating: 4.7,
        reason:
          "Reliable over the last 60 days: 3 of 3 reports on time, 2 deliveries accepted, none sent back. " +
          "Offer them new work first, and a volume rate for steady work.",
        action: { label: "Offer Ravi new work", href: `/contracts/new?contractorId=${raviId}` },
      },
    ]);
  });

  it("lists a thin bench among the warnings, with the way to hire", async () => {
    const client = await owner();
    const contentId = await areaIdOf(client, "content");
    await addPerson(client, {
      name: "Lone Writer",
      status: "active",
      skills: [{ areaId: contentId, level: 4, verified: false }],
    });
    const { warnings } = await guardrails();
    expect(warnings).toContainEqual({
      kind: "bench",
      key: `bench:${contentId}`,
      title: "Only one person can do content",
      reason: expect.stringContaining("Only one person can do content"),
      action: {
        label: "Start a hiring opening for content",
        href: `/hiring/new?areaId=${contentId}`,
      },
    });
    expect(warnings.map((warning) => warning.kind)).toEqual(["slips", "concentration", "bench"]);
  });

  it("shows another workspace only its own guardrails", async () => {
    const data = await guardrails(world.stranger);
    expect(data.slips.flagged).toEqual([]);
    expect(data.loyalty.reliable).toEqual([]);
    expect(data.concentration.holdings).toEqual([]);
    expect(
      await read<Loyalty>(await newDevice(app, world.stranger), "/api/guardrails/loyalty"),
    ).toEqual({ windowDays: 60, reliable: [] });
  });
});
