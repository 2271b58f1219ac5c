import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FunnelNumbers } from "../../src/metrics/rules.ts";
import type { Site } from "../../src/metrics/schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import type { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import {
  addSite,
  importPeriods,
  month,
  periodsCsv,
  periodsOf,
  planBudget,
  putMonth,
  sites,
  summary,
} from "../support/metrics.ts";
import { setUpWorkspace } from "../support/world.ts";
import { bodyOf, ownerOfNewWorkspace } from "../support/worth.ts";

let app: TestApp;
let owner: ApiClient;

beforeAll(async () => {
  app = await startTestApp();
  owner = (await setUpWorkspace(app)).owner.client;
});
afterAll(() => app.close());

/** A workspace of its own, so the sums in a test are only that test's numbers. */
async function freshOwner(): Promise<ApiClient> {
  return (await ownerOfNewWorkspace(app, "USD")).client;
}

const known = (value: number) => ({ value, reason: null });
const unknown = (reason: string) => ({ value: null, reason });

describe("sites", () => {
  it("are added, listed by name and renamed; a name already taken is refused (409)", async () => {
    const client = await freshOwner();
    const shop = await addSite(client, "Shop", "https://shop.example");
    expect(shop).toEqual({
      id: expect.any(String),
      name: "Shop",
      url: "https://shop.example",
      months: 0,
    });
    const blog = await addSite(client, "Blog");
    expect(await sites(client)).toEqual([blog, shop]);

    const renamed = await client.put(`/api/metrics/sites/${blog.id}`, {
      name: "Candle blog",
      url: "https://blog.example",
    });
    expect(bodyOf<Site>(renamed)).toEqual({
      ...blog,
      name: "Candle blog",
      url: "https://blog.example",
    });

    const before = await sites(client);
    expectError(
      await client.post("/api/metrics/sites", { name: "Shop" }),
      409,
      "metrics.site_exists",
      "name",
    );
    expectError(
      await client.put(`/api/metrics/sites/${blog.id}`, { name: "Shop" }),
      409,
      "metrics.site_exists",
      "name",
    );
    expect(await sites(client)).toEqual(before);
  });

  it("removing a site removes its months with it", async () => {
    const client = await freshOwner();
    const shop = await addSite(client, "Shop");
    const kept = await addSite(client, "Kept");
    await putMonth(client, shop.id, "2026-01", month());
    await putMonth(client, shop.id, "2026-02", month());
    await putMonth(client, kept.id, "2026-01", month({ visitors: 700 }));
    expect((await sites(client)).find((site) => site.id === shop.id)?.months).toBe(2);

    expect((await client.delete(`/api/metrics/sites/${shop.id}`)).statusCode).toBe(204);
    expect(await sites(client)).toEqual([{ ...kept, months: 1 }]);
    expectError(await client.get(`/api/metrics/sites/${shop.id}/periods`), 404, "not_found");
    expect((await summary(client)).totals.visitors).toBe(700);
    const left = await app.ctx.db
      .selectFrom("funnel_periods")
      .select("id")
      .where("site_id", "=", shop.id)
      .execute();
    expect(left).toEqual([]);
    expect((await addSite(client, "Shop")).months).toBe(0);
    expectError(await client.delete(`/api/metrics/sites/${shop.id}`), 404, "not_found");
  });
});

describe("a month's figures", () => {
  it("are the funnel's rates, value and cost per visitor, break-even, profit and margin", async () => {
    const site = await addSite(owner);
    const numbers: FunnelNumbers = {
      visitors: 10_000,
      prospects: 1_200,
      customers: 150,
      revenue: 750_000,
      trafficCost: 100_000,
      otherCosts: 50_000,
    };
    const saved = await putMonth(owner, site.id, "2026-03", numbers);
    expect(saved).toEqual({
      siteId: site.id,
      month: "2026-03",
      ...numbers,
      figures: {
        visitorToProspect: known(12),
        visitorToCustomer: known(1.5),
        prospectToCustomer: known(12.5),
        valuePerVisitor: known(75),
        costPerVisitor: known(15),
        breakEvenCostPerVisitor: known(70),
        profit: 600_000,
        margin: known(80),
      },
    });
    expect(await periodsOf(owner, site.id)).toEqual([saved]);
  });

  it("are rounded once: percentages to two decimals, money to the cent, halves away from zero", async () => {
    const site = await addSite(owner);
    const saved = await putMonth(owner, site.id, "2026-03", {
      visitors: 8,
      prospects: 3,
      customers: 1,
      revenue: 1_000,
      trafficCost: 300,
      otherCosts: 104,
    });
    expect(saved.figures).toEqual({
      visitorToProspect: known(37.5),
      visitorToCustomer: known(12.5),
      prospectToCustomer: known(33.33),
      valuePerVisitor: known(125),
      costPerVisitor: known(51), // 404 / 8 = 50.5
      breakEvenCostPerVisitor: known(112), // 896 / 8
      profit: 596,
      margin: known(59.6),
    });
  });

  it("have no value but a reason when there is nothing to divide by, never NaN", async () => {
    const site = await addSite(owner);
    const response = await owner.put(`/api/metrics/sites/${site.id}/periods/2026-04`, {
      visitors: 0,
      prospects: 0,
      customers: 0,
      revenue: 0,
      trafficCost: 5_000,
      otherCosts: 0,
    });
    expect(response.body).not.toMatch(/NaN|Infinity/);
    expect(bodyOf<{ figures: unknown }>(response).figures).toEqual({
      visitorToProspect: unknown("No visitors in this period"),
      visitorToCustomer: unknown("No visitors in this period"),
      prospectToCustomer: unknown("No prospects in this period"),
      valuePerVisitor: unknown("No visitors in this period"),
      costPerVisitor: unknown("No visitors in this period"),
      breakEvenCostPerVisitor: unknown("No visitors in this period"),
      profit: -5_000,
      margin: unknown("No revenue in this period"),
    });

    const noProspects = await putMonth(owner, site.id, "2026-05", month({ prospects: 0 }));
    expect(noProspects.figures.prospectToCustomer).toEqual(unknown("No prospects in this period"));
    expect(noProspects.figures.visitorToCustomer).toEqual(known(1));
  });

  it("show a loss as a negative profit and margin", async () => {
    const site = await addSite(owner);
    const saved = await putMonth(
      owner,
      site.id,
      "2026-03",
      month({ revenue: 10_000, trafficCost: 12_000, otherCosts: 3_000 }),
    );
    expect(saved.figures).toMatchObject({ profit: -5_000, margin: known(-50) });
  });

  it("are replaced by a second PUT and gone after DELETE; months read over a range", async () => {
    const site = await addSite(owner);
    await putMonth(owner, site.id, "2026-01", month());
    await putMonth(owner, site.id, "2026-02", month());
    await putMonth(owner, site.id, "2026-03", month());
    const replaced = await putMonth(owner, site.id, "2026-02", month({ visitors: 4_000 }));
    expect(replaced.figures.valuePerVisitor).toEqual(known(25));

    const inRange = await periodsOf(owner, site.id, "?from=2026-02&to=2026-03");
    expect(inRange.map((period) => [period.month, period.visitors])).toEqual([
      ["2026-02", 4_000],
      ["2026-03", 1_000],
    ]);
    expect((await sites(owner)).find((row) => row.id === site.id)?.months).toBe(3);

    const path = `/api/metrics/sites/${site.id}/periods/2026-02`;
    expect((await owner.delete(path)).statusCode).toBe(204);
    expect((await periodsOf(owner, site.id)).map((period) => period.month)).toEqual([
      "2026-01",
      "2026-03",
    ]);
    expectError(await owner.delete(path), 404, "not_found");
  });
});

describe("the summary", () => {
  let client: ApiClient;
  const range = "?from=2026-01&to=2026-03";

  beforeAll(async () => {
    client = await freshOwner();
    const shop = await addSite(client, "Shop");
    const blog = await addSite(client, "Blog");
    const put = (siteId: string, when: string, numbers: FunnelNumbers) =>
      putMonth(client, siteId, when, numbers);
    // Outside the range: must not count.
    await put(shop.id, "2025-12", month({ visitors: 500, revenue: 50_000 }));
    await put(shop.id, "2026-01", month());
    await put(shop.id, "2026-02", {
      visitors: 2_000,
      prospects: 150,
      customers: 30,
      revenue: 300_000,
      trafficCost: 40_000,
      otherCosts: 10_000,
    });
    await put(blog.id, "2026-01", {
      visitors: 3_000,
      prospects: 300,
      customers: 6,
      revenue: 30_000,
      trafficCost: 0,
      otherCosts: 5_000,
    });
    await put(
      blog.id,
      "2026-03",
      month({
        visitors: 0,
        prospects: 0,
        customers: 0,
        revenue: 0,
        trafficCost: 0,
        otherCosts: 2_000,
      }),
    );
  });

  it("sums the months in the range, then derives the figures from the sums", async () => {
    const result = await summary(client, range);
    expect(result).toMatchObject({ currency: "USD", from: "2026-01", to: "2026-03", months: 3 });
    expect(result.totals).toEqual({
      visitors: 6_000,
      prospects: 550,
      customers: 46,
      revenue: 430_000,
      trafficCost: 60_000,
      otherCosts: 27_000,
      figures: {
        visitorToProspect: known(9.17),
        visitorToCustomer: known(0.77),
        prospectToCustomer: known(8.36),
        valuePerVisitor: known(72),
        costPerVisitor: known(15), // 87,000 / 6,000 = 14.5
        breakEvenCostPerVisitor: known(67),
        profit: 343_000,
        margin: known(79.77),
      },
    });
    expect(
      result.sites.map((site) => [site.name, site.totals.visitors, site.figures.profit]),
    ).toEqual([
      ["Blog", 3_000, 23_000],
      ["Shop", 3_000, 320_000],
    ]);
    expect(result.monthlyProfit).toBe(114_333);
    expect(result.monthlyRevenue).toBe(143_333);
  });

  it("gives the trend month by month, oldest first", async () => {
    expect((await summary(client, range)).trend).toEqual([
      { month: "2026-01", revenue: 130_000, profit: 95_000, visitors: 4_000 },
      { month: "2026-02", revenue: 300_000, profit: 250_000, visitors: 2_000 },
      { month: "2026-03", revenue: 0, profit: -2_000, visitors: 0 },
    ]);
    const everything = await summary(client);
    expect(everything).toMatchObject({ from: null, to: null, months: 4 });
    expect(everything.trend[0]).toEqual({
      month: "2025-12",
      revenue: 50_000,
      profit: 20_000,
      visitors: 500,
    });
  });

  it("affords the whole monthly profit when the owner sets no floor", async () => {
    await planBudget(client, { monthlyBudget: 0 });
    expect((await summary(client, range)).maxAffordableSpend).toBe(114_333);
  });

  it("keeps the minimum monthly profit from the budget plan", async () => {
    await planBudget(client, { monthlyBudget: 0, minMonthlyProfit: 100_000 });
    expect((await summary(client, range)).maxAffordableSpend).toBe(14_333);
  });

  it("keeps the minimum margin from the budget plan", async () => {
    await planBudget(client, { monthlyBudget: 0, minMarginPercent: 20 });
    // 20 % of $1,433.33 revenue is $286.67 to keep.
    expect((await summary(client, range)).maxAffordableSpend).toBe(85_666);
  });

  it("keeps the larger of the two floors, and never goes below zero", async () => {
    await planBudget(client, { monthlyBudget: 0, minMonthlyProfit: 100_000, minMarginPercent: 20 });
    expect((await summary(client, range)).maxAffordableSpend).toBe(14_333);
    await planBudget(client, { monthlyBudget: 0, minMonthlyProfit: 100_000, minMarginPercent: 75 });
    expect((await summary(client, range)).maxAffordableSpend).toBe(6_833);
    await planBudget(client, { monthlyBudget: 0, minMonthlyProfit: 200_000 });
    expect((await summary(client, range)).maxAffordableSpend).toBe(0);
  });

  it("is all zeros and reasons for a range with no months", async () => {
    const empty = await summary(client, "?from=2030-01&to=2030-12");
    expect(empty).toMatchObject({
      months: 0,
      trend: [],
      monthlyProfit: 0,
      monthlyRevenue: 0,
      maxAffordableSpend: 0,
    });
    expect(empty.totals.figures.valuePerVisitor).toEqual(unknown("No visitors in this period"));
  });
});

describe("importing months from CSV", () => {
  const goodLine = "Shop,2026-01,1000,100,10,1000.00,200.00,100.00";
  const badFile = periodsCsv([
    goodLine,
    "Shop,2026-13,1000,100,10,1000.00,200.00,100.00",
    "Shop,2026-02,-5,100,10,1000.00,200.00,100.00",
    "Shop,2026-03,100,101,10,1000.00,200.00,100.00",
    "",
    "Shop,2026-04,100,10,10,12.345,200.00,100.00",
    "shop,2026-01,1000,100,10,1000.00,200.00,100.00",
    ",2026-05,100,10,1,1.00,1.00,1.00",
    "New site,2026-01,1,1,1,1.00,1.00,1.00",
  ]);
  const problems = [
    { line: 3, column: "month", message: "Use a month like 2026-03" },
    { line: 4, column: "visitors", message: "Use a whole number" },
    { line: 5, column: "prospects", message: "Prospects cannot exceed visitors" },
    { line: 7, column: "revenue", message: "Use an amount like 1250.00 in USD" },
    { line: 8, column: "month", message: "Same site and month as line 2" },
    { line: 9, column: "site", message: "Name the site (at most 80 characters)" },
  ];

  async function state(client: ApiClient) {
    return [await sites(client), await summary(client)];
  }

  it("writes nothing unless every line is valid, and lists each problem as line N: column", async () => {
    const client = await freshOwner();
    await addSite(client, "Shop");
    const before = await state(client);
    const response = await client.postCsv("/api/metrics/periods/import", badFile);
    expectError(response, 400, "csv.invalid");
    expect(response.json().error.message).toBe("6 problems found; nothing was imported");
    expect(response.json().error.fields).toEqual(
      Object.fromEntries(problems.map((p) => [`line ${p.line}: ${p.column}`, p.message])),
    );
    expect(await state(client)).toEqual(before);
  });

  it("with mode=valid imports the valid lines and lists the rest", async () => {
    const client = await freshOwner();
    const shop = await addSite(client, "Shop");
    expect(await importPeriods(client, badFile, "valid")).toEqual({
      imported: 2,
      skipped: 6,
      errors: problems,
    });
    const listed = await sites(client);
    expect(listed.map((site) => [site.name, site.url, site.months])).toEqual([
      ["New site", "", 1],
      ["Shop", "", 1],
    ]);
    expect(await periodsOf(client, shop.id)).toEqual([
      expect.objectContaining({
        month: "2026-01",
        visitors: 1000,
        revenue: 100_000,
        otherCosts: 10_000,
      }),
    ]);
  });

  it("creates the sites it doesn't know, matches known ones whatever the case, and replaces months", async () => {
    const client = await freshOwner();
    const shop = await addSite(client, "Shop", "https://shop.example");
    const first = await importPeriods(
      client,
      periodsCsv([goodLine, "Shop,2026-02,10,1,1,1.00,1.00,1.00", "Blog,2026-01,5,1,0,0,0,0"]),
    );
    expect(first).toEqual({ imported: 3, skipped: 0, errors: [] });
    expect((await sites(client)).map((site) => [site.name, site.months])).toEqual([
      ["Blog", 1],
      ["Shop", 2],
    ]);

    await importPeriods(client, periodsCsv(["shop,2026-02,20,2,2,3.00,0.50,0.25"]));
    expect((await sites(client)).map((site) => [site.name, site.url, site.months])).toEqual([
      ["Blog", "", 1],
      ["Shop", "https://shop.example", 2],
    ]);
    expect((await periodsOf(client, shop.id, "?from=2026-02"))[0]).toMatchObject({
      visitors: 20,
      prospects: 2,
      customers: 2,
      revenue: 300,
      trafficCost: 50,
      otherCosts: 25,
    });
  });

  it("reports a line with too few cells by its line and column, and keeps the rest in mode=valid", async () => {
    const client = await freshOwner();
    const csv = periodsCsv([
      "Shop,2026-01,1000,100,10,1000.00,100.00,100.00",
      "Shop,2026-02,1000,100",
    ]);
    expect(await importPeriods(client, csv, "valid")).toEqual({
      imported: 1,
      skipped: 1,
      errors: [
        { line: 3, column: "revenue", message: "Use an amount like 1250.00 in USD" },
        { line: 3, column: "traffic_cost", message: "Use an amount like 1250.00 in USD" },
        { line: 3, column: "other_costs", message: "Use an amount like 1250.00 in USD" },
        { line: 3, column: "customers", message: "Use a whole number" },
      ],
    });
  });

  it("exports names that look like formulas as plain text, so a spreadsheet runs nothing", async () => {
    const client = await freshOwner();
    await addSite(client, "=HYPERLINK(1)");
    await importPeriods(client, periodsCsv(["=HYPERLINK(1),2026-01,10,1,1,1.00,0.00,0.00"]));
    const exported = (await client.get("/api/metrics/periods.csv")).body.split("\n");
    expect(exported[1]).toBe("'=HYPERLINK(1),2026-01,10,1,1,1.00,0.00,0.00");
  });

  it("refuses a file that lacks a column, even in mode=valid, and anything that is not CSV", async () => {
    const client = await freshOwner();
    const before = await state(client);
    const noCosts =
      "site,month,visitors,prospects,customers,revenue,traffic_cost\nShop,2026-01,1,1,1,1,1\n";
    for (const url of ["/api/metrics/periods/import", "/api/metrics/periods/import?mode=valid"]) {
      const response = await client.postCsv(url, noCosts);
      expectError(response, 400, "csv.invalid");
      expect(response.json().error.fields).toEqual({ "line 1: other_costs": "Missing column" });
    }
    expectError(
      await client.postCsv(
        "/api/metrics/periods/import?mode=valid",
        periodsCsv([goodLine, `"unclosed,1`]),
      ),
      400,
      "csv.invalid",
    );
    expectError(
      await client.postCsv("/api/metrics/periods/import", ""),
      400,
      "csv.invalid",
      "line 1: file",
    );
    expectError(
      await client.post("/api/metrics/periods/import", { site: "Shop" }),
      400,
      "invalid_input",
      "body",
    );
    expectError(await client.post("/api/metrics/periods/import"), 400, "invalid_input", "body");
    expect(await state(client)).toEqual(before);
  });

  it("exports every month with money in major units, and the export imports back the same", async () => {
    const client = await freshOwner();
    const shop = await addSite(client, "Maple Lane, the shop");
    const blog = await addSite(client, "Blog");
    await putMonth(client, shop.id, "2026-01", month({ revenue: 123_456 }));
    await putMonth(client, blog.id, "2026-01", month({ trafficCost: 5 }));
    await putMonth(client, blog.id, "2026-02", month({ otherCosts: 0 }));

    const response = await client.get("/api/metrics/periods.csv");
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = response.body.split("\n");
    expect(lines).toEqual([
      "site,month,visitors,prospects,customers,revenue,traffic_cost,other_costs",
      '"Maple Lane, the shop",2026-01,1000,100,10,1234.56,200.00,100.00',
      "Blog,2026-01,1000,100,10,1000.00,0.05,100.00",
      "Blog,2026-02,1000,100,10,1000.00,200.00,0.00",
      "",
    ]);

    const elsewhere = await freshOwner();
    expect(await importPeriods(elsewhere, response.body)).toEqual({
      imported: 3,
      skipped: 0,
      errors: [],
    });
    const again = (await elsewhere.get("/api/metrics/periods.csv")).body.split("\n");
    expect([...again].sort()).toEqual([...lines].sort());
    expect((await summary(elsewhere)).totals).toEqual((await summary(client)).totals);
  });

  it("imports 100,000 months (100 sites × 1,000 months) and the summary adds up", async () => {
    const client = await freshOwner();
    const cents = (amount: number) =>
      `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, "0")}`;
    const expected = {
      visitors: 0,
      prospects: 0,
      customers: 0,
      revenue: 0,
      trafficCost: 0,
      otherCosts: 0,
    };
    const lines: string[] = [];
    for (let site = 0; site < 100; site += 1) {
      for (let index = 0; index < 1000; index += 1) {
        const when = `${1980 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
        const visitors = 1000 + ((site * 7 + index) % 500);
        const numbers = {
          visitors,
          prospects: Math.floor(visitors / 10),
          customers: (site + index) % 20,
          revenue: 10_000 + ((site * 31 + index * 17) % 90_000),
          trafficCost: (index * 13) % 5_000,
          otherCosts: site * 10,
        };
        for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
          expected[key] += numbers[key];
        }
        lines.push(
          [
            `Site ${site}`,
            when,
            numbers.visitors,
            numbers.prospects,
            numbers.customers,
            cents(numbers.revenue),
            cents(numbers.trafficCost),
            cents(numbers.otherCosts),
          ].join(","),
        );
      }
    }

    expect(await importPeriods(client, periodsCsv(lines))).toEqual({
      imported: 100_000,
      skipped: 0,
      errors: [],
    });
    const result = await summary(client);
    const { figures, ...totals } = result.totals;
    expect(totals).toEqual(expected);
    expect(figures.profit).toBe(expected.revenue - expected.trafficCost - expected.otherCosts);
    expect(result.months).toBe(1000);
    expect(result.trend).toHaveLength(1000);
    expect(result.trend[0]?.month).toBe("1980-01");
    expect(result.trend.at(-1)?.month).toBe("2063-04");
    const listed = await sites(client);
    expect(listed).toHaveLength(100);
    expect(listed.every((site) => site.months === 1000)).toBe(true);
  }, 120_000);
});
