import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { listChannels, updateChannel } from "../people/channel-service.ts";
import {
  addInterview,
  addReference,
  addReviewCheck,
  addSampleLink,
  saveScorecard,
} from "../people/evidence-service.ts";
import {
  addCandidate,
  createOpening,
  hire,
  moveCandidacy,
  updateOpening,
} from "../people/hiring-service.ts";
import {
  channelInput,
  contractorInput,
  interviewInput,
  openingInput,
  referenceInput,
  scorecardInput,
  stageMove,
} from "../people/schema.ts";
import { createContractor, updateSettings } from "../people/service.ts";
import { listAreas } from "../worth/service.ts";

interface Person {
  name: string;
  email: string;
  country: string;
  timeZone: string;
  /** Per hour, in minor units of the currency. */
  rate: { amount: number; currency: string };
  channel: string;
  /** Area name → level 1–5. */
  skills: Record<string, number>;
  verified: string[];
  status: "active" | "paused" | "candidate";
  notes?: string;
}

/**
 * The candle shop's bench: people across its skill areas and time zones. Design has one
 * active designer (the other is paused), so the bench warning shows, and a design opening
 * is half-way through its pipeline. Rates are per hour in minor units of their currency.
 */
const bench: Person[] = [
  {
    name: "Marco Santos",
    email: "marco.writes@example.com",
    country: "BR",
    timeZone: "America/Sao_Paulo",
    rate: { amount: 2800, currency: "USD" },
    channel: "Referral",
    skills: { content: 4, SEO: 3 },
    verified: ["content"],
    status: "active",
  },
  {
    name: "Olena Kovalenko",
    email: "olena.design@example.com",
    country: "UA",
    timeZone: "Europe/Kyiv",
    rate: { amount: 3500, currency: "EUR" },
    channel: "Upwork",
    skills: { design: 5, web: 3 },
    verified: ["design"],
    status: "active",
  },
  {
    name: "Jun dela Cruz",
    email: "jun.va@example.com",
    country: "PH",
    timeZone: "Asia/Manila",
    rate: { amount: 45_000, currency: "PHP" },
    channel: "Own network",
    skills: { support: 4, admin: 4 },
    verified: ["support"],
    status: "active",
  },
  {
    name: "Rohan Mehta",
    email: "rohan.builds@example.com",
    country: "IN",
    timeZone: "Asia/Kolkata",
    rate: { amount: 2200, currency: "USD" },
    channel: "Upwork",
    skills: { web: 4, SEO: 4 },
    verified: [],
    status: "active",
  },
  {
    name: "Aisha Bello",
    email: "aisha.social@example.com",
    country: "NG",
    timeZone: "Africa/Lagos",
    rate: { amount: 1600, currency: "USD" },
    channel: "PeoplePerHour",
    skills: { traffic: 4, content: 3 },
    verified: ["traffic"],
    status: "active",
  },
  {
    name: "Inês Carvalho",
    email: "ines.illustrates@example.com",
    country: "PT",
    timeZone: "Europe/Lisbon",
    rate: { amount: 4000, currency: "EUR" },
    channel: "Search engine",
    skills: { design: 4 },
    verified: [],
    status: "paused",
    notes: "On a long project for another client until the spring.",
  },
];

/** Hired through the closed virtual-assistant opening, so the channel numbers have a hire. */
const assistant: Person = {
  name: "Lucía Fernández",
  email: "lucia.assists@example.com",
  country: "AR",
  timeZone: "America/Argentina/Buenos_Aires",
  rate: { amount: 1500, currency: "USD" },
  channel: "Search engine",
  skills: { support: 3, admin: 3, traffic: 3 },
  verified: [],
  status: "candidate",
};

const fees: Record<string, number> = { Upwork: 1000, Fiverr: 2000, PeoplePerHour: 1500 };

export async function seedPeople(ctx: AppContext, owner: Actor, interviewDate: string) {
  await updateSettings(ctx, owner, {
    exchangeRates: [
      { currency: "EUR", rate: "1.08" },
      { currency: "PHP", rate: "0.0172" },
    ],
  });
  const channels = new Map((await listChannels(ctx, owner)).map((c) => [c.name, c.id]));
  for (const [name, feeBasisPoints] of Object.entries(fees)) {
    const id = channels.get(name);
    if (id) await updateChannel(ctx, owner, id, channelInput.parse({ name, feeBasisPoints }));
  }
  const areas = new Map((await listAreas(ctx, owner)).map((area) => [area.name, area.id]));

  const addToDirectory = (person: Person) =>
    createContractor(
      ctx,
      owner,
      contractorInput.parse({
        name: person.name,
        email: person.email,
        country: person.country,
        timeZone: person.timeZone,
        hourlyRate: person.rate.amount,
        rateCurrency: person.rate.currency,
        channelId: channels.get(person.channel) ?? null,
        status: person.status,
        notes: person.notes ?? "",
        skills: Object.entries(person.skills).map(([area, level]) => ({
          areaId: areas.get(area),
          level,
          verified: person.verified.includes(area),
        })),
      }),
    );
  for (const person of bench) await addToDirectory(person);

  const stage = (id: string, to: string, reason?: string) =>
    moveCandidacy(ctx, owner, id, stageMove.parse({ stage: to, reason }));
  const newCandidate = (
    openingId: string,
    person: { name: string; email: string; timeZone: string; country: string },
    channel: string,
  ) =>
    addCandidate(ctx, owner, openingId, {
      person: { ...person, channelId: channels.get(channel) ?? null },
    });
  const score = (id: string, scores: Record<string, number>, notes: Record<string, string> = {}) =>
    saveScorecard(
      ctx,
      owner,
      id,
      scorecardInput.parse({
        scores: Object.entries(scores).map(([criterion, value]) => ({
          criterion,
          score: value,
          note: notes[criterion] ?? "",
        })),
      }),
    );

  // Last season's hire: a virtual assistant found through a search engine.
  const lucia = await addToDirectory(assistant);
  const vaOpening = await createOpening(
    ctx,
    owner,
    openingInput.parse({ title: "Virtual assistant", areaId: areas.get("support") }),
  );
  const luciaCard = await addCandidate(ctx, owner, vaOpening.id, { contractorId: lucia.id });
  await score(luciaCard.id, {
    communication: 5,
    professionalism: 4,
    references: 4,
    test_project: 4,
  });
  await hire(ctx, owner, luciaCard.id);
  const sam = await newCandidate(
    vaOpening.id,
    {
      name: "Sam Carter",
      email: "sam.carter@example.com",
      timeZone: "America/New_York",
      country: "US",
    },
    "Upwork",
  );
  await score(sam.id, { communication: 3, professionalism: 2 });
  await stage(sam.id, "rejected", "Could not start for two months.");
  await updateOpening(ctx, owner, vaOpening.id, { status: "closed" });

  // This season's design opening, half-way through.
  const design = await createOpening(
    ctx,
    owner,
    openingInput.parse({
      title: "Design specialist",
      areaId: areas.get("design"),
      jobPost:
        "Maple Lane Candles needs a second designer for product photos and the printed catalogue. " +
        "About 4 hours a week, paid per hour. Send two or three samples of product photography.",
    }),
  );
  const thandiwe = await newCandidate(
    design.id,
    {
      name: "Thandiwe Nkosi",
      email: "thandiwe.studio@example.com",
      timeZone: "Africa/Johannesburg",
      country: "ZA",
    },
    "Referral",
  );
  await addSampleLink(ctx, owner, thandiwe.id, {
    title: "Soap brand product shoot",
    url: "https://portfolio.example.com/thandiwe/soap-shoot",
  });
  await addReference(
    ctx,
    owner,
    thandiwe.id,
    referenceInput.parse({
      name: "Grace Molefe, Lavender Lane Soaps",
      contact: "grace@lavenderlane.example",
      contacted: true,
      said: "Delivered every shoot on time for two years; easy to brief.",
    }),
  );
  await addReviewCheck(ctx, owner, thandiwe.id, {
    source: "Behance profile",
    summary: "Twelve client comments, all positive about lighting and turnaround.",
  });
  await addInterview(
    ctx,
    owner,
    thandiwe.id,
    interviewInput.parse({
      heldOn: interviewDate,
      questions: [
        {
          question: "How do you keep colours true for candles in photos?",
          answer: "A grey card in every set-up and one colour profile for the whole catalogue.",
        },
        { question: "How many hours a week can you give us?", answer: "Five, Monday to Thursday." },
      ],
      notes: "Clear and organised. Asked good questions about our brand.",
    }),
  );
  await score(
    thandiwe.id,
    { communication: 5, professionalism: 5, samples: 5, references: 4, reviews: 4 },
    { samples: "Soft, warm light that suits candles." },
  );
  await stage(thandiwe.id, "test_project");

  const mei = await newCandidate(
    design.id,
    {
      name: "Mei Lin Tan",
      email: "meilin.design@example.com",
      timeZone: "Asia/Kuala_Lumpur",
      country: "MY",
    },
    "Upwork",
  );
  await addSampleLink(ctx, owner, mei.id, {
    title: "Tea shop catalogue",
    url: "https://portfolio.example.com/meilin/tea-catalogue",
  });
  await addReviewCheck(ctx, owner, mei.id, {
    source: "Upwork profile",
    summary: "4.9 stars over 31 jobs; one client mentions slow replies.",
  });
  await score(mei.id, { communication: 3, samples: 4, reviews: 4 });
  await stage(mei.id, "interview");

  const bruno = await newCandidate(
    design.id,
    {
      name: "Bruno Costa",
      email: "bruno.costa@example.com",
      timeZone: "America/Sao_Paulo",
      country: "BR",
    },
    "Fiverr",
  );
  await addSampleLink(ctx, owner, bruno.id, {
    title: "Gig portfolio",
    url: "https://portfolio.example.com/bruno/gigs",
  });
  await stage(bruno.id, "screening");

  await newCandidate(
    design.id,
    {
      name: "Kwame Mensah",
      email: "kwame.visuals@example.com",
      timeZone: "Africa/Accra",
      country: "GH",
    },
    "Own network",
  );

  const pedro = await newCandidate(
    design.id,
    {
      name: "Pedro Alves",
      email: "pedro.alves@example.com",
      timeZone: "Europe/Lisbon",
      country: "PT",
    },
    "Fiverr",
  );
  await score(
    pedro.id,
    { communication: 3, samples: 1 },
    { samples: "Stock photos, not his own." },
  );
  await stage(pedro.id, "rejected", "The samples were stock photos.");
}
