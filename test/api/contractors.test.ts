import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IssuedInvite } from "../../src/auth/schema.ts";
import type { Contractor, ContractorDetail, PeopleSettings } from "../../src/people/schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import {
  addPerson,
  areaId,
  channelId,
  directoryOf,
  inputOf,
  personInput,
} from "../support/directory.ts";
import { expectError } from "../support/errors.ts";
import { tokenOf } from "../support/mail.ts";
import { bodyOf, read } from "../support/worth.ts";
import { buildWorld, PASSWORD, type World } from "../support/world.ts";

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
});
afterAll(() => app.close());

const owner = () => world.owner.client;
const list = (query = "") => read<Contractor[]>(owner(), `/api/contractors${query}`);
const detail = (id: string) => read<ContractorDetail>(owner(), `/api/contractors/${id}`);

describe("adding and reading people", () => {
  it("creates a person with skills, a channel and a first rate in the history", async () => {
    const writing = await areaId(owner(), "content");
    const design = await areaId(owner(), "design");
    const upwork = await channelId(owner(), "Upwork");
    const made = await addPerson(owner(), {
      name: "Ravi Kumar",
      email: "Ravi@Example.com",
      country: "in",
      timeZone: "Asia/Kolkata",
      hourlyRate: 2500,
      rateCurrency: "USD",
      channelId: upwork,
      status: "active",
      skills: [
        { areaId: writing, level: 4, verified: true },
        { areaId: design, level: 2, verified: false },
      ],
    });
    expect(made).toMatchObject({
      name: "Ravi Kumar",
      email: "ravi@example.com",
      country: "IN",
      countryName: "India",
      channelName: "Upwork",
      status: "active",
      workingDays: [1, 2, 3, 4, 5],
      portal: { status: "none", inviteId: null, userId: null },
      rates: { hourly: { amount: 2500, currency: "USD" }, conversionNote: null },
      skills: [
        { areaId: writing, areaName: "content", level: 4, verified: true },
        { areaId: design, areaName: "design", level: 2, verified: false },
      ],
    });
    expect(made.rateHistory).toEqual([
      expect.objectContaining({
        hourlyRate: 2500,
        currency: "USD",
        changedByName: "Dana Whitfield",
      }),
    ]);
    expect(await detail(made.id)).toEqual(made);
  });

  it("a person without rates starts with an empty rate history", async () => {
    const made = await addPerson(owner());
    expect(made.rateHistory).toEqual([]);
  });

  it("managers may add and change people too", async () => {
    const made = bodyOf<ContractorDetail>(
      await world.manager.client.post("/api/contractors", personInput({ name: "By Manager" })),
      201,
    );
    expect(made.name).toBe("By Manager");
  });
});

describe("rates in another currency", () => {
  it("says in words when no exchange rate is set, then converts with the owner's rate", async () => {
    const made = await addPerson(owner(), {
      hourlyRate: 3000,
      projectRate: 50000,
      rateCurrency: "EUR",
    });
    expect(made.rates).toMatchObject({
      hourly: { amount: 3000, currency: "EUR" },
      hourlyInWorkspace: null,
      conversionNote: expect.stringContaining("No exchange rate from EUR to USD"),
    });
    bodyOf(
      await owner().put("/api/contractor-settings", {
        exchangeRates: [
          { currency: "EUR", rate: "1.08" },
          { currency: "JPY", rate: "0.0067" },
          { currency: "KWD", rate: "3.25" },
        ],
      }),
    );
    expect((await detail(made.id)).rates).toEqual({
      hourly: { amount: 3000, currency: "EUR" },
      project: { amount: 50000, currency: "EUR" },
      hourlyInWorkspace: { amount: 3240, currency: "USD" },
      projectInWorkspace: { amount: 54000, currency: "USD" },
      conversionNote: null,
    });
  });

  it("handles currencies with no and with three minor digits", async () => {
    // ¥5,000 × 0.0067 = $33.50; KWD 10.125 × 3.25 = $32.90625 → $32.91.
    const yen = await addPerson(owner(), { hourlyRate: 5000, rateCurrency: "JPY" });
    const dinar = await addPerson(owner(), { hourlyRate: 10125, rateCurrency: "KWD" });
    expect(yen.rates.hourlyInWorkspace).toEqual({ amount: 3350, currency: "USD" });
    expect(dinar.rates.hourlyInWorkspace).toEqual({ amount: 3291, currency: "USD" });
  });
});

describe("changing a person", () => {
  it("keeps every rate change, newest first, and only when a rate changes", async () => {
    const made = await addPerson(owner(), { hourlyRate: 2000 });
    const input = inputOf(made);
    bodyOf(await owner().put(`/api/contractors/${made.id}`, { ...input, notes: "Reliable" }));
    app.clock.advance(60_000);
    bodyOf(await owner().put(`/api/contractors/${made.id}`, { ...input, hourlyRate: 2400 }));
    app.clock.advance(60_000);
    const changed = bodyOf<ContractorDetail>(
      await world.manager.client.put(`/api/contractors/${made.id}`, {
        ...input,
        hourlyRate: 2400,
        rateCurrency: "EUR",
      }),
    );
    expect(changed.rateHistory.map((c) => [c.hourlyRate, c.currency, c.changedByName])).toEqual([
      [2400, "EUR", "Priya"],
      [2400, "USD", "Dana Whitfield"],
      [2000, "USD", "Dana Whitfield"],
    ]);
    expect(changed.notes).toBe("");
  });

  it("refuses an email another person already has", async () => {
    const first = await addPerson(owner());
    const second = await addPerson(owner());
    const before = await directoryOf(owner());
    expectError(
      await owner().put(`/api/contractors/${second.id}`, {
        ...inputOf(second),
        email: first.email,
      }),
      409,
      "contractor.email_taken",
      "email",
    );
    expect(await directoryOf(owner())).toEqual(before);
  });

  it("answers 404 for someone who is not there", async () => {
    const someone = await addPerson(owner());
    expectError(
      await owner().put("/api/contractors/0190a0a0-0000-7000-8000-000000000000", inputOf(someone)),
      404,
      "not_found",
    );
  });
});

describe("the portal link", () => {
  it("goes from none to invited to joined, and then the email is fixed", async () => {
    const made = await addPerson(owner(), { name: "Lena Park", email: "lena@example.com" });
    expect(made.portal.status).toBe("none");
    const issued = bodyOf<IssuedInvite>(
      await owner().post(`/api/contractors/${made.id}/invite`),
      201,
    );
    expect(issued.invite).toMatchObject({ email: "lena@example.com", role: "contractor" });
    expect((await detail(made.id)).portal).toEqual({
      status: "invited",
      inviteId: issued.invite.id,
      userId: null,
    });

    const lena = new ApiClient(app.server);
    const accepted = bodyOf<{ user: { id: string } }>(
      await lena.post("/api/invites/accept", {
        token: tokenOf(issued.link),
        name: "Lena Park",
        password: PASSWORD,
        timeZone: "Europe/Lisbon",
      }),
      201,
    );
    const joined = await detail(made.id);
    expect(joined.portal).toEqual({ status: "joined", inviteId: null, userId: accepted.user.id });

    expectError(
      await owner().put(`/api/contractors/${made.id}`, {
        ...inputOf(joined),
        email: "lena.new@example.com",
      }),
      409,
      "contractor.email_locked",
      "email",
    );
    expect((await detail(made.id)).email).toBe("lena@example.com");
    expectError(
      await owner().post(`/api/contractors/${made.id}/invite`),
      409,
      "contractor.portal_joined",
    );
    // Everything else can still change.
    const renamed = bodyOf<ContractorDetail>(
      await owner().put(`/api/contractors/${made.id}`, { ...inputOf(joined), notes: "Joined" }),
    );
    expect(renamed.notes).toBe("Joined");
  });

  it("only the owner sends invitations", async () => {
    const made = await addPerson(owner());
    expectError(
      await world.manager.client.post(`/api/contractors/${made.id}/invite`),
      403,
      "forbidden",
    );
    expect((await detail(made.id)).portal.status).toBe("none");
  });
});

describe("finding people", () => {
  let writing: string;
  let referral: string;

  beforeAll(async () => {
    writing = await areaId(owner(), "research");
    referral = await channelId(owner(), "Referral");
    await addPerson(owner(), {
      name: "Filter Early",
      notes: "found at the zinnia fair",
      status: "paused",
      timeZone: "America/Chicago",
      dayStart: "05:00",
      dayEnd: "11:00",
      skills: [{ areaId: writing, level: 5, verified: true }],
    });
    await addPerson(owner(), {
      name: "Filter Late",
      channelId: referral,
      timeZone: "America/Chicago",
      dayStart: "16:00",
      dayEnd: "23:00",
      skills: [{ areaId: writing, level: 2, verified: false }],
    });
  });

  const names = (people: Contractor[]) =>
    people.map((p) => p.name).filter((n) => n.startsWith("Filter"));

  it("searches name, email and notes", async () => {
    expect(names(await list("?q=ZINNIA"))).toEqual(["Filter Early"]);
    expect(names(await list("?q=filter%20late"))).toEqual(["Filter Late"]);
    expect(await list("?q=%25%25nobody")).toEqual([]);
  });

  it("narrows by skill and minimum level, status and channel", async () => {
    expect(names(await list(`?areaId=${writing}`))).toEqual(["Filter Early", "Filter Late"]);
    expect(names(await list(`?areaId=${writing}&minLevel=3`))).toEqual(["Filter Early"]);
    expect(names(await list("?status=paused"))).toEqual(["Filter Early"]);
    expect(names(await list(`?channelId=${referral}`))).toEqual(["Filter Late"]);
  });

  it("measures overlap with the owner's day and filters on it", async () => {
    const people = await list(`?areaId=${writing}`);
    // The owner works 09:00–17:00 in the workspace zone, America/Chicago.
    expect(people.map((p) => p.overlapHours)).toEqual([2, 1]);
    expect(names(await list(`?areaId=${writing}&minOverlapHours=1.5`))).toEqual(["Filter Early"]);
    bodyOf(await owner().put("/api/contractor-settings", { ownerDayStart: "06:00" }));
    expect((await list(`?areaId=${writing}`)).map((p) => p.overlapHours)).toEqual([5, 1]);
    bodyOf(await owner().put("/api/contractor-settings", { ownerDayStart: "09:00" }));
  });

  it("refuses a filter it cannot read", async () => {
    expectError(await owner().get("/api/contractors?minLevel=9"), 400, "invalid_input", "minLevel");
    expectError(await owner().get("/api/contractors?areaId=nope"), 400, "invalid_input", "areaId");
  });
});

describe("bad input writes nothing", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["an unknown time zone", { timeZone: "Mars/Olympus" }, "timeZone"],
    ["a malformed email", { email: "not-an-email" }, "email"],
    ["an unknown currency", { rateCurrency: "XYZ" }, "rateCurrency"],
    ["a fraction of a cent", { hourlyRate: 25.5 }, "hourlyRate"],
    [
      "a level out of range",
      { skills: [{ areaId: "0190a0a0-0000-7000-8000-000000000000", level: 6 }] },
      "skills.0.level",
    ],
    ["phone without a number", { contactMethod: "phone" }, "phone"],
    ["a day that ends before it starts", { dayStart: "18:00", dayEnd: "09:00" }, "dayEnd"],
  ];

  for (const [what, overrides, field] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await directoryOf(owner());
      expectError(
        await owner().post("/api/contractors", personInput(overrides)),
        400,
        "invalid_input",
        field,
      );
      expect(await directoryOf(owner())).toEqual(before);
    });
  }

  it("refuses unknown channels and areas by field", async () => {
    const before = await directoryOf(owner());
    const missing = "0190a0a0-0000-7000-8000-000000000000";
    expectError(
      await owner().post("/api/contractors", personInput({ channelId: missing })),
      400,
      "contractor.unknown_channel",
      "channelId",
    );
    expectError(
      await owner().post(
        "/api/contractors",
        personInput({ skills: [{ areaId: missing, level: 3, verified: false }] }),
      ),
      400,
      "contractor.unknown_area",
      "skills.0.areaId",
    );
    expect(await directoryOf(owner())).toEqual(before);
  });

  it("refuses a duplicate email in the workspace, whatever its case", async () => {
    await addPerson(owner(), { email: "twice@example.com" });
    const before = await directoryOf(owner());
    expectError(
      await owner().post("/api/contractors", personInput({ email: "TWICE@example.com" })),
      409,
      "contractor.email_taken",
      "email",
    );
    expect(await directoryOf(owner())).toEqual(before);
  });

  it("lets another workspace use the same email", async () => {
    await addPerson(owner(), { email: "shared@example.com" });
    const theirs = bodyOf<ContractorDetail>(
      await world.stranger.client.post(
        "/api/contractors",
        personInput({ email: "shared@example.com", rateCurrency: "EUR" }),
      ),
      201,
    );
    expect(theirs.email).toBe("shared@example.com");
  });
});

describe("settings", () => {
  it("starts with the defaults and keeps what the owner sets", async () => {
    const fresh = await read<PeopleSettings>(world.stranger.client, "/api/contractor-settings");
    expect(fresh).toEqual({
      minSkillLevel: 3,
      ownerDayStart: "09:00",
      ownerDayEnd: "17:00",
      ownerTimeZone: "Europe/Berlin",
      workspaceCurrency: "EUR",
      exchangeRates: [],
    });
    const saved = bodyOf<PeopleSettings>(
      await world.stranger.client.put("/api/contractor-settings", {
        minSkillLevel: 4,
        ownerDayStart: "08:30",
        ownerDayEnd: "16:30",
        exchangeRates: [{ currency: "USD", rate: "0.920000" }],
      }),
    );
    expect(saved).toMatchObject({
      minSkillLevel: 4,
      ownerDayStart: "08:30",
      ownerDayEnd: "16:30",
      exchangeRates: [{ currency: "USD", rate: "0.92" }],
    });
    expect(await read(world.stranger.client, "/api/contractor-settings")).toEqual(saved);
  });

  it("refuses a rate for the workspace's own currency, a bad decimal and a day out of order", async () => {
    const before = await read(owner(), "/api/contractor-settings");
    expectError(
      await owner().put("/api/contractor-settings", {
        exchangeRates: [{ currency: "USD", rate: "1" }],
      }),
      400,
      "people.own_currency",
      "exchangeRates.0.currency",
    );
    expectError(
      await owner().put("/api/contractor-settings", {
        exchangeRates: [{ currency: "EUR", rate: "1.0000001" }],
      }),
      400,
      "invalid_input",
      "exchangeRates.0.rate",
    );
    expectError(
      await owner().put("/api/contractor-settings", { ownerDayEnd: "08:00" }),
      400,
      "people.day_order",
      "ownerDayEnd",
    );
    expect(await read(owner(), "/api/contractor-settings")).toEqual(before);
  });

  it("managers read the settings but only the owner changes them", async () => {
    bodyOf(await world.manager.client.get("/api/contractor-settings"));
    expectError(
      await world.manager.client.put("/api/contractor-settings", { minSkillLevel: 1 }),
      403,
      "forbidden",
    );
  });
});

describe("CSV", () => {
  it("exports and imports back to the same directory", async () => {
    const csv = await owner().get("/api/contractors.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const before = await list();
    const result = bodyOf<{ created: number; updated: number }>(
      await owner().post("/api/contractors/import", csv.body, { "content-type": "text/csv" }),
    );
    expect(result).toEqual({ created: 0, updated: before.length });
    const after = await list();
    const comparable = (people: Contractor[]) => people.map(({ updatedAt: _u, ...rest }) => rest);
    expect(comparable(after)).toEqual(comparable(before));
  });

  it("creates new people and updates known ones by email", async () => {
    await addPerson(owner(), { email: "known@example.com", name: "Known Before" });
    const file = [
      "name,email,country,time_zone,day_start,day_end,working_days,contact_method,phone,chat_handle,hourly_rate,project_rate,rate_currency,channel,status,skills,notes",
      "Known After,known@example.com,PH,Asia/Manila,08:00,16:00,Mon Tue Wed,chat,,@known,18.50,,USD,Upwork,active,content:4*; design:3,Good",
      "Brand New,brandnew@example.com,,Europe/Kyiv,,,,phone,+380 44 000 0000,,,1200,EUR,,candidate,,",
    ].join("\n");
    const result = bodyOf<{ created: number; updated: number }>(
      await owner().post("/api/contractors/import", file, { "content-type": "text/csv" }),
    );
    expect(result).toEqual({ created: 1, updated: 1 });
    const people = await list("?q=example.com");
    const known = people.find((p) => p.email === "known@example.com");
    expect(known).toMatchObject({
      name: "Known After",
      timeZone: "Asia/Manila",
      workingDays: [1, 2, 3],
      contactMethod: "chat",
      chatHandle: "@known",
      hourlyRate: 1850,
      channelName: "Upwork",
      skills: [
        { areaName: "content", level: 4, verified: true },
        { areaName: "design", level: 3, verified: false },
      ],
    });
    const brandNew = people.find((p) => p.email === "brandnew@example.com");
    expect(brandNew).toMatchObject({
      phone: "+380 44 000 0000",
      projectRate: 120000,
      rateCurrency: "EUR",
    });
    const exported = (await owner().get("/api/contractors.csv")).body;
    expect(exported).toContain("+380 44 000 0000");
  });

  it("refuses the whole file with line-numbered problems", async () => {
    const before = await directoryOf(owner());
    const file = [
      "name,email,time_zone,rate_currency,hourly_rate,skills,channel,working_days",
      "Fine Person,fine-import@example.com,UTC,USD,10.00,,,",
      "Bad Zone,badzone@example.com,Mars/Base,USD,,,,",
      "Bad Rate,badrate@example.com,UTC,USD,10.005,,,",
      "Bad Skill,badskill@example.com,UTC,USD,,Juggling:3,Carrier pigeon,Funday",
      "Dup,fine-import@example.com,UTC,USD,,,,",
    ].join("\n");
    const response = await owner().post("/api/contractors/import", file, {
      "content-type": "text/csv",
    });
    expectError(response, 400, "csv.invalid");
    expect(response.json().error.fields).toEqual({
      "line 3: time_zone": expect.any(String),
      "line 4: hourly_rate": expect.any(String),
      "line 5: working_days": expect.any(String),
      "line 6: email": "The same email is on line 2",
    });
    expect(await directoryOf(owner())).toEqual(before);

    const names =
      "name,email,time_zone,rate_currency,skills,channel\nX,x-import@example.com,UTC,USD,Juggling:3,Carrier pigeon\n";
    const unknown = await owner().post("/api/contractors/import", names, {
      "content-type": "text/csv",
    });
    expectError(unknown, 400, "csv.invalid");
    expect(unknown.json().error.fields).toEqual({
      "line 2: skills": "No area is called “Juggling”",
      "line 2: channel": "No channel is called “Carrier pigeon”",
    });
    expectError(
      await owner().post("/api/contractors/import", "name,email\nA,a@example.com\n", {
        "content-type": "text/csv",
      }),
      400,
      "csv.invalid",
      "header: time_zone",
    );
    expect(await directoryOf(owner())).toEqual(before);
  });

  const importCsv = async (lines: string[]) =>
    bodyOf<{ created: number; updated: number }>(
      await owner().post("/api/contractors/import", lines.join("\n"), {
        "content-type": "text/csv",
      }),
    );

  async function fullPerson(email: string) {
    return addPerson(owner(), {
      email,
      name: "Full Before",
      country: "PT",
      timeZone: "Europe/Lisbon",
      dayStart: "08:00",
      dayEnd: "15:00",
      workingDays: [2, 3, 4],
      contactMethod: "phone",
      phone: "+351 21 000 0000",
      chatHandle: "@full",
      hourlyRate: 3000,
      projectRate: 90000,
      rateCurrency: "EUR",
      channelId: await channelId(owner(), "Referral"),
      notes: "Knows the product",
      status: "active",
      skills: [{ areaId: await areaId(owner(), "content"), level: 4, verified: true }],
    });
  }

  it("updates only the columns a file has, keeping the rest and the rate history", async () => {
    const made = await fullPerson("partial@example.com");
    app.clock.advance(60_000);
    expect(
      await importCsv([
        "name,email,time_zone,rate_currency",
        "Full After,PARTIAL@example.com,Europe/Lisbon,EUR",
        "Someone New,partial-new@example.com,UTC,USD",
      ]),
    ).toEqual({ created: 1, updated: 1 });
    const after = await detail(made.id);
    const { name: _name, updatedAt: _updated, ...kept } = made;
    expect(after).toMatchObject({ ...kept, name: "Full After" });
    expect(after.rateHistory).toEqual(made.rateHistory);
    const added = (await list("?q=partial-new@example.com"))[0];
    expect(added).toMatchObject({
      dayStart: "09:00",
      dayEnd: "17:00",
      workingDays: [1, 2, 3, 4, 5],
      contactMethod: "email",
      status: "candidate",
      notes: "",
      skills: [],
      channelId: null,
    });
  });

  it("a column that is there but blank means blank, also for someone known", async () => {
    const made = await fullPerson("blanked@example.com");
    app.clock.advance(60_000);
    await importCsv([
      "name,email,time_zone,rate_currency,notes,hourly_rate,skills,channel,status",
      "Full Before,blanked@example.com,Europe/Lisbon,EUR,,,,,",
    ]);
    const after = await detail(made.id);
    expect(after).toMatchObject({
      notes: "",
      hourlyRate: null,
      projectRate: 90000,
      skills: [],
      channelId: null,
      status: "candidate",
      phone: "+351 21 000 0000",
      workingDays: [2, 3, 4],
    });
    expect(after.rateHistory.map((change) => [change.hourlyRate, change.projectRate])).toEqual([
      [null, 90000],
      [3000, 90000],
    ]);
  });

  it("checks a known person's row with the values it keeps", async () => {
    const made = await fullPerson("kept-hours@example.com");
    const before = await directoryOf(owner());
    const response = await owner().post(
      "/api/contractors/import",
      "name,email,time_zone,rate_currency,day_start\nFull Before,kept-hours@example.com,Europe/Lisbon,EUR,16:00\n",
      { "content-type": "text/csv" },
    );
    expectError(response, 400, "csv.invalid", "line 2: day_end");
    expect(await directoryOf(owner())).toEqual(before);
    expect((await detail(made.id)).dayStart).toBe("08:00");
  });

  it("matches channel and area names whatever their case", async () => {
    const made = await addPerson(owner(), { email: "cased@example.com" });
    await importCsv([
      "name,email,time_zone,rate_currency,channel,skills",
      "Cased,cased@example.com,UTC,USD,upWORK,CONTENT:3",
    ]);
    expect(await detail(made.id)).toMatchObject({
      channelName: "Upwork",
      skills: [{ areaName: "content", level: 3 }],
    });
  });
});
