import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Area, AuditTask, Worth } from "../../src/worth/schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { addPerson, inputOf } from "../support/directory.ts";
import { expectError } from "../support/errors.ts";
import { setUpWorkspace } from "../support/world.ts";
import {
  addTask,
  areaIdOf,
  areas,
  audit,
  bodyOf,
  clearTasks,
  dollars,
  earnPerYear,
  earnSeventyFiveAnHour,
  ownerOfNewWorkspace,
  read,
} from "../support/worth.ts";

let app: TestApp;
let owner: ApiClient;

beforeAll(async () => {
  app = await startTestApp();
  owner = (await setUpWorkspace(app)).owner.client;
});
afterAll(() => app.close());

const worth = (client: ApiClient) => read<Worth>(client, "/api/worth");

describe("hourly value", () => {
  it("is unknown until the owner enters what the business earns", async () => {
    const fresh = await ownerOfNewWorkspace(app, "USD");
    expect(await worth(fresh.client)).toEqual({
      currency: "USD",
      earnings: null,
      hourlyValue: null,
      targetHourlyValue: null,
    });
  });

  it("$50,000 over 2,080 h is $24.04 an hour, with the working written out", async () => {
    const saved = await earnPerYear(owner, dollars(50_000), 2080);
    expect(saved.hourlyValue).toEqual({
      perHour: 2404,
      perDay: 19231,
      working: [
        "$50,000 ÷ 2,080 h = $24.04 per hour",
        "$50,000 ÷ 2,080 h × 8 h = $192.31 per day (a working day of 8 h)",
      ],
    });
    expect(saved.earnings).toMatchObject({
      basis: "hours",
      profitPerYear: 5_000_000,
      targetProfitPerYear: null,
      hoursPerYear: 2080,
    });
    expect(await worth(owner)).toEqual(saved);
  });

  it("counts the seed's 2,080 hours when the owner gives no hours", async () => {
    const response = await owner.put("/api/worth/earnings", {
      basis: "hours",
      profitPerYear: dollars(50_000),
    });
    const saved = bodyOf<Worth>(response);
    expect(saved.earnings?.hoursPerYear).toBe(2080);
    expect(saved.hourlyValue?.perHour).toBe(2404);
  });

  it("$150,000 over 250 days is $600 a day, and over 8-hour days $75 an hour", async () => {
    const saved = await earnSeventyFiveAnHour(owner);
    expect(saved.hourlyValue).toEqual({
      perHour: 7500,
      perDay: 60000,
      working: ["$150,000 ÷ 250 days = $600 per day", "$150,000 ÷ (250 days × 8 h) = $75 per hour"],
    });
    expect(saved.earnings).toMatchObject({
      basis: "days",
      profitPerYear: 15_000_000,
      daysPerYear: 250,
      hoursPerDay: 8,
    });
    expect(await worth(owner)).toEqual(saved);
  });

  it("gives the value of an hour at the target profit too", async () => {
    const byHours = bodyOf<Worth>(
      await owner.put("/api/worth/earnings", {
        basis: "hours",
        profitPerYear: dollars(50_000),
        targetProfitPerYear: dollars(100_000),
      }),
    );
    // $100,000 / 2,080 h = $48.0769… → $48.08
    expect(byHours.targetHourlyValue?.perHour).toBe(4808);
    expect(byHours.hourlyValue?.perHour).toBe(2404);

    const byDays = bodyOf<Worth>(
      await owner.put("/api/worth/earnings", {
        basis: "days",
        profitPerYear: dollars(150_000),
        targetProfitPerYear: dollars(200_000),
        daysPerYear: 250,
        hoursPerDay: 7.5,
      }),
    );
    // $200,000 / 250 days = $800; / (250 × 7.5 h) = $106.666… → $106.67
    expect(byDays.targetHourlyValue).toMatchObject({ perDay: 80000, perHour: 10667 });
    expect(byDays.targetHourlyValue?.working[1]).toBe(
      "$200,000 ÷ (250 days × 7.5 h) = $106.67 per hour",
    );
    expect(byDays.hourlyValue).toMatchObject({ perDay: 60000, perHour: 8000 });
  });

  it("refuses a currency or a field of the other basis, naming it, and keeps what was saved", async () => {
    const before = await earnSeventyFiveAnHour(owner);
    expectError(
      await owner.put("/api/worth/earnings", {
        basis: "hours",
        profitPerYear: dollars(50_000),
        currency: "EUR",
      }),
      400,
      "invalid_input",
      "currency",
    );
    expectError(
      await owner.put("/api/worth/earnings", {
        basis: "hours",
        profitPerYear: dollars(50_000),
        daysPerYear: 250,
      }),
      400,
      "invalid_input",
      "daysPerYear",
    );
    expect(await worth(owner)).toEqual(before);
  });
});

describe("task areas", () => {
  const names = ["content", "SEO", "design", "web", "traffic", "admin", "support", "research"];
  const ratesOf = (list: Area[]) => Object.fromEntries(list.map((a) => [a.name, a.defaultRate]));

  it("are made from the rate card on first read, in US dollars for a USD workspace", async () => {
    const fresh = await ownerOfNewWorkspace(app, "USD");
    const listed = await areas(fresh.client);
    expect(listed.map((area) => area.name)).toEqual([...names, "other"]);
    expect(ratesOf(listed)).toEqual({
      content: 2500,
      SEO: 3000,
      design: 3500,
      web: 4000,
      traffic: 3000,
      admin: 1200,
      support: 1500,
      research: 2000,
      other: 2000,
    });
    expect(listed.every((area) => area.taskCount === 0)).toBe(true);
    expect(await areas(fresh.client)).toEqual(listed);
  });

  it("are made once when several requests read them first at the same time", async () => {
    const fresh = await ownerOfNewWorkspace(app, "USD");
    const answers = await Promise.all([
      fresh.client.get("/api/worth/areas"),
      fresh.client.get("/api/worth/areas"),
      fresh.client.post("/api/worth/areas", { name: "Video", defaultRate: null }),
      fresh.client.get("/api/worth/areas"),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 201, 200]);
    const listed = await areas(fresh.client);
    expect(listed.map((area) => area.name)).toEqual([...names, "other", "Video"]);
  });

  it("are estimated in euros for a EUR workspace", async () => {
    const fresh = await ownerOfNewWorkspace(app, "EUR");
    expect(ratesOf(await areas(fresh.client))).toEqual({
      content: 2400,
      SEO: 2900,
      design: 3300,
      web: 3800,
      traffic: 2900,
      admin: 1100,
      support: 1400,
      research: 1900,
      other: 1900,
    });
  });

  it("have no estimate in a currency without a rate card", async () => {
    const fresh = await ownerOfNewWorkspace(app, "JPY");
    const listed = await areas(fresh.client);
    expect(listed).toHaveLength(9);
    expect(listed.every((area) => area.defaultRate === null)).toBe(true);
  });

  it("can be added and renamed; a name already taken is refused with 409", async () => {
    const created = await owner.post("/api/worth/areas", {
      name: "Photography",
      defaultRate: 4500,
    });
    const area = bodyOf<Area>(created, 201);
    expect(area).toMatchObject({ name: "Photography", defaultRate: 4500, taskCount: 0 });
    expect((await areas(owner)).at(-1)).toEqual(area);

    const renamed = await owner.put(`/api/worth/areas/${area.id}`, {
      name: "Product photos",
      defaultRate: null,
    });
    expect(bodyOf<Area>(renamed)).toEqual({ ...area, name: "Product photos", defaultRate: null });

    const before = await areas(owner);
    expectError(
      await owner.post("/api/worth/areas", { name: "admin", defaultRate: null }),
      409,
      "worth.area_exists",
      "name",
    );
    expectError(
      await owner.put(`/api/worth/areas/${area.id}`, { name: "support", defaultRate: null }),
      409,
      "worth.area_exists",
      "name",
    );
    expect(await areas(owner)).toEqual(before);
  });

  it("cannot be removed while a task uses it (409); can once the task moves", async () => {
    const area = bodyOf<Area>(
      await owner.post("/api/worth/areas", { name: "Packaging", defaultRate: 1800 }),
      201,
    );
    const task = await addTask(owner, { area: "Packaging" });
    expect((await areas(owner)).find((a) => a.id === area.id)?.taskCount).toBe(1);

    expectError(await owner.delete(`/api/worth/areas/${area.id}`), 409, "worth.area_in_use");
    expect((await areas(owner)).some((a) => a.id === area.id)).toBe(true);

    const moved = await owner.patch(`/api/worth/tasks/${task.id}`, {
      areaId: await areaIdOf(owner, "admin"),
    });
    expect(bodyOf<AuditTask>(moved).areaName).toBe("admin");
    expect((await owner.delete(`/api/worth/areas/${area.id}`)).statusCode).toBe(204);
    expect((await areas(owner)).some((a) => a.id === area.id)).toBe(false);
    expectError(await owner.delete(`/api/worth/areas/${area.id}`), 404, "not_found");
    await clearTasks(owner);
  });

  it("cannot be removed while a person's skill or an opening uses it (409, nothing removed)", async () => {
    const area = bodyOf<Area>(
      await owner.post("/api/worth/areas", { name: "Video", defaultRate: 2500 }),
      201,
    );
    const person = await addPerson(owner, {
      skills: [{ areaId: area.id, level: 3, verified: false }],
    });
    expectError(await owner.delete(`/api/worth/areas/${area.id}`), 409, "worth.area_in_use");
    expect((await areas(owner)).some((a) => a.id === area.id)).toBe(true);

    bodyOf(await owner.put(`/api/contractors/${person.id}`, { ...inputOf(person), skills: [] }));
    const opening = bodyOf<{ id: string }>(
      await owner.post("/api/openings", { title: "Video editor", areaId: area.id }),
      201,
    );
    expectError(await owner.delete(`/api/worth/areas/${area.id}`), 409, "worth.area_in_use");
    bodyOf(await owner.put(`/api/openings/${opening.id}`, { areaId: null }));
    expect((await owner.delete(`/api/worth/areas/${area.id}`)).statusCode).toBe(204);
  });
});

describe("the task audit", () => {
  beforeEach(async () => {
    await earnSeventyFiveAnHour(owner);
    await clearTasks(owner);
    const skills = await read<{ id: string }[]>(owner, "/api/worth/barter-skills");
    for (const skill of skills) await owner.delete(`/api/worth/barter-skills/${skill.id}`);
  });

  it("delegates 6 h of $12 work when the hour is worth $75, and says why", async () => {
    const task = await addTask(owner, {
      name: "Answer customer emails",
      area: "support",
      hoursPerWeek: 6,
      marketRate: dollars(12),
    });
    expect(task).toMatchObject({
      name: "Answer customer emails",
      areaName: "support",
      hoursPerWeek: 6,
      marketRate: 1200,
      effectiveRate: 1200,
      rateIsEstimate: false,
      recommendation: "delegate",
      reason:
        "Costs $12/h to have done; your hour is worth $75. Doing it yourself costs you $378 a week.",
      weeklyCost: 37800,
    });
    const listed = await audit(owner);
    expect(listed.hourlyValue).toBe(7500);
    expect(listed.tasks).toEqual([task]);
  });

  it("uses the area's estimate when the task has no market rate, and says it is one", async () => {
    const task = await addTask(owner, { area: "support", hoursPerWeek: 4, marketRate: null });
    expect(task).toMatchObject({
      marketRate: null,
      effectiveRate: 1500,
      rateIsEstimate: true,
      recommendation: "delegate",
      reason:
        "Costs $15/h to have done; your hour is worth $75. Doing it yourself costs you $240 a week.",
      weeklyCost: 24000,
    });
  });

  it("asks for a market rate when neither the task nor its area has one", async () => {
    await owner.post("/api/worth/areas", { name: "Legal", defaultRate: null });
    const task = await addTask(owner, { area: "Legal", marketRate: null });
    expect(task).toMatchObject({
      effectiveRate: null,
      rateIsEstimate: false,
      recommendation: "keep",
      reason: "Add what it costs to have it done to compare it with your hour.",
      weeklyCost: 0,
    });
  });

  it("re-judges a changed task and leaves the fields not sent as they were", async () => {
    const task = await addTask(owner, { area: "admin", hoursPerWeek: 6, marketRate: dollars(12) });
    const patch = async (changes: Record<string, unknown>) =>
      bodyOf<AuditTask>(await owner.patch(`/api/worth/tasks/${task.id}`, changes));

    const renamed = await patch({ name: "Bookkeeping" });
    expect(renamed).toEqual({ ...task, name: "Bookkeeping" });

    expect(await patch({ hoursPerWeek: 2.5 })).toMatchObject({
      name: "Bookkeeping",
      hoursPerWeek: 2.5,
      recommendation: "delegate",
      weeklyCost: 15750,
    });
    expect(await patch({ strategic: true })).toMatchObject({
      recommendation: "keep",
      reason: "Only you can do it: vision and key relationships stay with the owner.",
      weeklyCost: 0,
      marketRate: 1200,
    });
    expect(await patch({ strategic: false, needed: false })).toMatchObject({
      recommendation: "eliminate",
      reason: "You marked it as no longer needed: stop doing it and free 2.5 h a week.",
    });
    expect(await patch({ needed: true, marketRate: null })).toMatchObject({
      marketRate: null,
      effectiveRate: 1200,
      rateIsEstimate: true,
      recommendation: "delegate",
    });
    const last = await patch({ skill: 4 });
    expect(last.skill).toBe(4);
    expect((await audit(owner)).tasks).toEqual([last]);
  });

  it("removes a task; removing it again answers 404", async () => {
    const kept = await addTask(owner);
    const gone = await addTask(owner);
    expect((await owner.delete(`/api/worth/tasks/${gone.id}`)).statusCode).toBe(204);
    expect((await audit(owner)).tasks).toEqual([kept]);
    expectError(await owner.delete(`/api/worth/tasks/${gone.id}`), 404, "not_found");
    expectError(await owner.patch(`/api/worth/tasks/${gone.id}`, { skill: 2 }), 404, "not_found");
  });

  it("refuses a task in an area that is not the workspace's, and writes nothing", async () => {
    const elsewhere = await ownerOfNewWorkspace(app, "USD");
    const foreignArea = await areaIdOf(elsewhere.client, "admin");
    const body = { name: "Sneaky", areaId: foreignArea, hoursPerWeek: 1, skill: 3, enjoyment: 3 };
    expectError(await owner.post("/api/worth/tasks", body), 404, "worth.area_unknown", "areaId");
    const task = await addTask(owner);
    expectError(
      await owner.patch(`/api/worth/tasks/${task.id}`, { areaId: foreignArea }),
      404,
      "worth.area_unknown",
      "areaId",
    );
    expect((await audit(owner)).tasks).toEqual([task]);
    expect((await audit(elsewhere.client)).tasks).toEqual([]);
  });

  it("barters weak work that is dear to buy when the owner has a skill to trade", async () => {
    const skill = bodyOf<{ id: string; name: string }>(
      await owner.post("/api/worth/barter-skills", { name: "copywriting" }),
      201,
    );
    expectError(
      await owner.post("/api/worth/barter-skills", { name: "Copywriting" }),
      409,
      "worth.skill_exists",
      "name",
    );
    const task = await addTask(owner, { area: "web", skill: 1, marketRate: dollars(90) });
    expect(task).toMatchObject({
      recommendation: "barter",
      reason:
        "Having it done costs $90/h, more than your hour ($75), and you're not strong at it: trade your copywriting for it.",
      weeklyCost: 0,
    });
    expect((await audit(owner)).totals.freeableHoursPerWeek).toBe(6);

    expect((await owner.delete(`/api/worth/barter-skills/${skill.id}`)).statusCode).toBe(204);
    expect((await audit(owner)).tasks[0]).toMatchObject({
      recommendation: "keep",
      reason:
        "Having it done costs $90/h, more than your hour ($75): keep it until your hourly value grows.",
    });
    expectError(await owner.delete(`/api/worth/barter-skills/${skill.id}`), 404, "not_found");
  });

  it("keeps strategic work however cheap it would be to have done", async () => {
    const task = await addTask(owner, { strategic: true, marketRate: dollars(5) });
    expect(task).toMatchObject({ recommendation: "keep", weeklyCost: 0 });
  });

  it("totals the hours that could be freed, the monthly cost and the weekly cost of the rows", async () => {
    await owner.post("/api/worth/barter-skills", { name: "copywriting" });
    await addTask(owner, { hoursPerWeek: 6, marketRate: dollars(12) }); // delegate, $378 a week
    await addTask(owner, { area: "support", hoursPerWeek: 2.5, marketRate: null }); // delegate at $15
    await addTask(owner, { hoursPerWeek: 3, skill: 1, marketRate: dollars(90) }); // barter
    await addTask(owner, { hoursPerWeek: 4, strategic: true }); // keep
    await addTask(owner, { hoursPerWeek: 1, needed: false, marketRate: dollars(40) }); // eliminate
    await addTask(owner, { hoursPerWeek: 2, marketRate: dollars(75) }); // keep: same as the hour

    const { tasks, totals } = await audit(owner);
    expect(tasks.map((task) => task.recommendation)).toEqual([
      "delegate",
      "delegate",
      "barter",
      "keep",
      "eliminate",
      "keep",
    ]);
    // (6 h × $12 + 2.5 h × $15) × 52 / 12 = $474.50; $378 + 2.5 h × $60 = $528 a week.
    expect(totals).toEqual({
      freeableHoursPerWeek: 12.5,
      monthlyDelegationCost: 47450,
      weeklyCostOfLowValueWork: 52800,
    });

    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const delegated = tasks.filter((task) => task.recommendation === "delegate");
    expect(totals.weeklyCostOfLowValueWork).toBe(sum(tasks.map((task) => task.weeklyCost)));
    expect(totals.freeableHoursPerWeek).toBe(
      sum(tasks.filter((t) => t.recommendation !== "keep").map((t) => t.hoursPerWeek)),
    );
    expect(totals.monthlyDelegationCost).toBe(
      Math.round((sum(delegated.map((t) => t.hoursPerWeek * t.effectiveRate!)) * 52) / 12),
    );
  });
});

describe("tasks as CSV", () => {
  const header = "name,area,hours_per_week,skill,enjoyment,strategic,needed,market_rate";

  beforeEach(async () => {
    await earnSeventyFiveAnHour(owner);
    await clearTasks(owner);
  });

  async function exported(client: ApiClient): Promise<string> {
    const response = await client.get("/api/worth/tasks.csv");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    return response.body;
  }

  /** The audit without the ids, which differ between workspaces. */
  async function auditRows(client: ApiClient) {
    return (await audit(client)).tasks.map(({ id: _id, areaId: _area, ...rest }) => rest);
  }

  it("exports every task with rates in major units, and imports back to the same audit", async () => {
    await owner.post("/api/worth/areas", { name: "Video", defaultRate: 5000 });
    await addTask(owner, { name: "Answer emails", area: "support", marketRate: dollars(12.5) });
    await addTask(owner, { name: 'Edit "how to" clips', area: "Video", hoursPerWeek: 1.25 });
    await addTask(owner, { name: "Scent ideas", area: "research", strategic: true, skill: 5 });
    await addTask(owner, {
      name: "Old catalogue",
      area: "design",
      needed: false,
      marketRate: null,
    });

    const csv = await exported(owner);
    expect(csv.split("\n")).toEqual([
      header,
      "Answer emails,support,6,3,3,no,yes,12.50",
      '"Edit ""how to"" clips",Video,1.25,3,3,no,yes,12.00',
      "Scent ideas,research,6,5,3,yes,yes,12.00",
      "Old catalogue,design,6,3,3,no,no,",
      "",
    ]);

    const elsewhere = await ownerOfNewWorkspace(app, "USD");
    await earnSeventyFiveAnHour(elsewhere.client);
    const imported = await elsewhere.client.postCsv("/api/worth/tasks/import", csv);
    expect(bodyOf(imported, 201)).toEqual({ imported: 4 });
    expect(await auditRows(elsewhere.client)).toEqual(await auditRows(owner));
    expect(await exported(elsewhere.client)).toBe(csv);
    // The area the file named and the workspace lacked was made, without an estimate.
    expect((await areas(elsewhere.client)).find((area) => area.name === "Video")).toMatchObject({
      defaultRate: null,
      taskCount: 1,
    });
  });

  it("imports all or nothing, listing each bad cell as line N: column", async () => {
    const kept = await addTask(owner);
    const areasBefore = await areas(owner);
    const csv = [
      header,
      "Good task,Brand new area,2,3,3,no,yes,10.00",
      "Too good,admin,2,6,3,no,yes,10.00",
      "",
      "Negative,admin,-1,3,3,no,yes,10.00",
      "Thousandths,admin,1.125,0,3,maybe,yes,10.005",
      ",,200,3,3,no,yes,1000000000000.00",
      "Words,admin,six,3,3,no,yes,ten",
    ].join("\n");
    const response = await owner.postCsv("/api/worth/tasks/import", csv);
    expectError(response, 400, "csv.invalid");
    expect(response.json().error.fields).toEqual({
      "line 3: skill": "Choose 1 to 5",
      "line 5: hours_per_week": "Hours cannot be negative",
      "line 6: hours_per_week": "Use at most two decimals",
      "line 6: skill": "Choose 1 to 5",
      "line 6: strategic": "Use yes or no",
      "line 6: market_rate": "Use an amount like 12.50 in USD",
      "line 7: area": "Name an area (at most 40 characters)",
      "line 7: name": "Name the task",
      "line 7: hours_per_week": "At most 168 hours",
      "line 7: market_rate": "That amount is too large",
      "line 8: hours_per_week": "Enter a number of hours",
      "line 8: market_rate": "Use an amount like 12.50 in USD",
    });
    expect((await audit(owner)).tasks).toEqual([kept]);
    expect(await areas(owner)).toEqual(areasBefore);
  });

  it("refuses a file that lacks a column, or has no rows, or is not CSV", async () => {
    const before = await audit(owner);
    const missing = await owner.postCsv(
      "/api/worth/tasks/import",
      "name,area,skill,enjoyment\nEmails,admin,3,3\n",
    );
    expectError(missing, 400, "csv.invalid", "header: hours_per_week");
    expect(Object.keys(missing.json().error.fields)).toEqual(["header: hours_per_week"]);

    expectError(
      await owner.postCsv("/api/worth/tasks/import", `${header}\n`),
      400,
      "csv.invalid",
      "file",
    );
    expectError(
      await owner.postCsv("/api/worth/tasks/import", `${header}\n"unclosed,admin,1,3,3\n`),
      400,
      "csv.unreadable",
    );
    expectError(
      await owner.post("/api/worth/tasks/import", { name: "not a file" }),
      400,
      "invalid_input",
      "body",
    );
    expect(await audit(owner)).toEqual(before);
  });

  it("reads rates in the workspace's currency: whole yen in a JPY workspace", async () => {
    const yen = await ownerOfNewWorkspace(app, "JPY");
    const columns = "name,area,hours_per_week,skill,enjoyment,market_rate";
    const refused = await yen.client.postCsv(
      "/api/worth/tasks/import",
      `${columns}\nPacking,admin,3,3,3,1500.50\n`,
    );
    expectError(refused, 400, "csv.invalid", "line 2: market_rate");
    expect(refused.json().error.fields["line 2: market_rate"]).toBe(
      "Use an amount like 12.50 in JPY",
    );

    const accepted = await yen.client.postCsv(
      "/api/worth/tasks/import",
      `${columns}\nPacking,admin,3,3,3,1500\n`,
    );
    expect(bodyOf(accepted, 201)).toEqual({ imported: 1 });
    expect((await audit(yen.client)).tasks[0]).toMatchObject({
      marketRate: 1500,
      strategic: false,
      needed: true,
    });
    expect((await exported(yen.client)).split("\n")[1]).toBe("Packing,admin,3,3,3,no,yes,1500");
  });
});
