import type { Response } from "light-my-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestPasswordReset } from "../../src/auth/service.ts";
import { MAX_AMOUNT } from "../../src/money/schema.ts";
import { meStatus, newDevice, uniqueEmail } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import { deliveredTo, linkIn, outbox, tokenOf } from "../support/mail.ts";
import { addSite, month } from "../support/metrics.ts";
import { plainDraft } from "../support/sops.ts";
import { buildWorld, issueInvite, PASSWORD, type World } from "../support/world.ts";
import { addTask } from "../support/worth.ts";

/** What the routes below need: a signed-in owner, a contractor's browser and live tokens. */
interface Setting {
  app: TestApp;
  world: World;
  owner: ApiClient;
  contractor: ApiClient;
  inviteToken: string;
  resetToken: string;
  /** An app where first-run setup has not happened yet. */
  unsetApp: TestApp;
  /** A task area, a task in it and a site of the owner's workspace, for the routes on them. */
  areaId: string;
  taskId: string;
  siteId: string;
}

const nobody = ({ app }: Setting) => new ApiClient(app.server);
const nobodyOnUnsetApp = ({ unsetApp }: Setting) => new ApiClient(unsetApp.server);

interface BodyRoute {
  method: "POST" | "PATCH" | "PUT";
  route: string;
  /** Tells apart routes listed twice (one body shape each). */
  variant?: string;
  /** Who sends it; the owner unless said otherwise. */
  sender?: (setting: Setting) => ApiClient;
  path?: (setting: Setting) => string;
  /** A body the route accepts; each case spoils one thing in it. */
  valid: Record<string, unknown>;
  /** Fields that may be left out (partial updates); every other field is required. */
  optional?: readonly string[];
  /** Field → named wrong values for it. */
  wrong: Record<string, Record<string, unknown>>;
  /** Reads what the route would change; a rejected request must leave it as it was. */
  state: (setting: Setting) => Promise<unknown>;
}

const longText = (length: number) => "x".repeat(length);
const longEmail = `${"a".repeat(250)}@example.com`;
const wrongEmail = { "a number": 42, "too long": longEmail, "not an email": "dana-at-example" };
const wrongTimeZone = {
  "a number": 3,
  "too long": `Europe/${longText(60)}`,
  "not a time zone": "Mars/Olympus_Mons",
};
const wrongNewPassword = {
  "a number": 1234567890,
  "too long": longText(201),
  "too short": "short",
};
const wrongSecret = { "a number": 42, "too long": longText(201), "too short": "short" };
const wrongAmount = {
  negative: -100,
  "a fraction of a cent": 12.5,
  "above the maximum": MAX_AMOUNT + 1,
  "a string": "1200",
};
const wrongHours = (max: number) => ({
  negative: -1,
  "three decimals": 1.125,
  "above the maximum": max + 1,
  "a string": "6",
});
const wrongRating = { "0": 0, "6": 6, "a fraction": 2.5, "a string": "3" };
const wrongCount = {
  negative: -1,
  "a fraction": 1.5,
  "above the maximum": 1_000_000_000_001,
  "a string": "1000",
};
const wrongPercent = { negative: -1, "above 100": 100.5, "a string": "20" };

/** A body value known only once the world exists (a person's email, a live token). */
class Live {
  constructor(readonly read: (setting: Setting) => unknown) {}
}
const live = (read: (setting: Setting) => unknown) => new Live(read);

function resolve(body: Record<string, unknown>, setting: Setting): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      value instanceof Live ? value.read(setting) : value,
    ]),
  );
}

async function json(client: ApiClient, url: string): Promise<unknown> {
  const response = await client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function monthsOfSite({ owner, siteId }: Setting): Promise<unknown> {
  return json(owner, `/api/metrics/sites/${siteId}/periods`);
}

/** Every route that takes a body; later areas append theirs. */
const bodyRoutes: BodyRoute[] = [
  {
    method: "POST",
    route: "/api/setup",
    sender: nobodyOnUnsetApp,
    valid: {
      workspaceName: "Harbour Bikes",
      ownerName: "Ines",
      email: "ines@example.com",
      password: PASSWORD,
      currency: "EUR",
      timeZone: "Europe/Lisbon",
    },
    wrong: {
      workspaceName: { "a number": 1, "too long": longText(121), blank: "  " },
      ownerName: { "a number": 1, "too long": longText(121), blank: "  " },
      email: wrongEmail,
      password: wrongNewPassword,
      currency: { "a number": 978, "too long": "EURO", "an unknown code": "XYZ" },
      timeZone: wrongTimeZone,
    },
    // Still waiting for its first run, with no workspace made.
    state: (setting) => json(nobodyOnUnsetApp(setting), "/api/setup"),
  },
  {
    method: "POST",
    route: "/api/auth/sign-in",
    sender: nobody,
    valid: { email: live(({ world }) => world.owner.email), password: PASSWORD, remember: true },
    optional: ["remember"],
    wrong: {
      email: wrongEmail,
      password: { "a number": 42, "too long": longText(201), empty: "" },
      remember: { "a string": "yes" },
    },
    state: ({ owner }) => sessionIds(owner),
  },
  {
    method: "POST",
    route: "/api/auth/password-reset",
    sender: nobody,
    valid: { email: live(({ world }) => world.manager.email) },
    wrong: { email: wrongEmail },
    state: ({ owner }) => outbox(owner),
  },
  {
    method: "POST",
    route: "/api/auth/password-reset/confirm",
    sender: nobody,
    valid: { token: live(({ resetToken }) => resetToken), password: "a brand new password" },
    wrong: { token: wrongSecret, password: wrongNewPassword },
    // A reset that went through would have signed the contractor out everywhere.
    state: ({ contractor }) => meStatus(contractor),
  },
  {
    method: "POST",
    route: "/api/invites/preview",
    sender: nobody,
    valid: { token: live(({ inviteToken }) => inviteToken) },
    wrong: { token: wrongSecret },
    state: ({ owner }) => json(owner, "/api/invites"),
  },
  {
    method: "POST",
    route: "/api/invites/accept",
    sender: nobody,
    valid: {
      token: live(({ inviteToken }) => inviteToken),
      name: "Lena",
      password: PASSWORD,
      timeZone: "Europe/Oslo",
    },
    wrong: {
      token: wrongSecret,
      name: { "a number": 7, "too long": longText(121), blank: "   " },
      password: wrongNewPassword,
      timeZone: wrongTimeZone,
    },
    state: async ({ owner }) => [
      await json(owner, "/api/people"),
      await json(owner, "/api/invites"),
    ],
  },
  {
    method: "PATCH",
    route: "/api/me",
    valid: { name: "Dana W.", timeZone: "UTC" },
    optional: ["name", "timeZone"],
    wrong: {
      name: { "a number": 7, "too long": longText(121), blank: "   " },
      timeZone: wrongTimeZone,
    },
    state: ({ owner }) => json(owner, "/api/me"),
  },
  {
    method: "POST",
    route: "/api/me/password",
    valid: { currentPassword: PASSWORD, newPassword: "a brand new password" },
    wrong: {
      currentPassword: { "a number": 42, "too long": longText(201), empty: "" },
      newPassword: wrongNewPassword,
    },
    // A change that went through would have signed the owner's other devices out.
    state: ({ owner }) => sessionIds(owner),
  },
  {
    method: "POST",
    route: "/api/me/tokens",
    valid: { name: "Bookkeeping script" },
    wrong: { name: { "a number": 42, "too long": longText(81), blank: "  " } },
    state: ({ owner }) => json(owner, "/api/me/tokens"),
  },
  {
    method: "PATCH",
    route: "/api/workspace",
    valid: { name: "Maple Lane Soap", currency: "EUR", timeZone: "Europe/Paris" },
    optional: ["name", "currency", "timeZone"],
    wrong: {
      name: { "a number": 7, "too long": longText(121), blank: " " },
      currency: { "a number": 840, "too long": "EURO", "an unknown code": "XYZ" },
      timeZone: wrongTimeZone,
    },
    state: ({ owner }) => json(owner, "/api/workspace"),
  },
  {
    method: "PATCH",
    route: "/api/people/:id",
    path: ({ world }) => `/api/people/${world.contractor.id}`,
    valid: { role: "manager" },
    wrong: { role: { "a number": 1, "the owner role": "owner", "an unknown role": "boss" } },
    state: ({ owner }) => json(owner, "/api/people"),
  },
  {
    method: "POST",
    route: "/api/invites",
    valid: { email: "newcomer@example.com", role: "manager" },
    wrong: { email: wrongEmail, role: { "a number": 1, "the owner role": "owner" } },
    state: async ({ owner }) => [await json(owner, "/api/invites"), await outbox(owner)],
  },
  {
    method: "PUT",
    route: "/api/worth/earnings",
    variant: "profit over hours a year",
    valid: {
      basis: "hours",
      profitPerYear: 5_000_000,
      targetProfitPerYear: 10_000_000,
      hoursPerYear: 2080,
    },
    optional: ["targetProfitPerYear", "hoursPerYear"],
    wrong: {
      basis: { "an unknown basis": "weeks", "a number": 1 },
      profitPerYear: wrongAmount,
      targetProfitPerYear: wrongAmount,
      hoursPerYear: {
        negative: -1,
        zero: 0,
        "a fraction": 2080.5,
        "above the maximum": 8785,
        "a string": "2080",
      },
    },
    state: ({ owner }) => json(owner, "/api/worth"),
  },
  {
    method: "PUT",
    route: "/api/worth/earnings",
    variant: "profit over working days of so many hours",
    valid: {
      basis: "days",
      profitPerYear: 15_000_000,
      targetProfitPerYear: null,
      daysPerYear: 250,
      hoursPerDay: 8,
    },
    optional: ["targetProfitPerYear"],
    wrong: {
      profitPerYear: wrongAmount,
      daysPerYear: { zero: 0, "above the maximum": 367, "a fraction": 250.5, "a string": "250" },
      hoursPerDay: { ...wrongHours(24), zero: 0 },
    },
    state: ({ owner }) => json(owner, "/api/worth"),
  },
  {
    method: "POST",
    route: "/api/worth/areas",
    valid: { name: "Photography", defaultRate: 4500 },
    wrong: {
      name: { "a number": 7, "too long": longText(41), blank: "  " },
      defaultRate: wrongAmount,
    },
    state: ({ owner }) => json(owner, "/api/worth/areas"),
  },
  {
    method: "PUT",
    route: "/api/worth/areas/:id",
    path: ({ areaId }) => `/api/worth/areas/${areaId}`,
    valid: { name: "Bookkeeping", defaultRate: null },
    wrong: {
      name: { "a number": 7, "too long": longText(41), blank: "  " },
      defaultRate: wrongAmount,
    },
    state: ({ owner }) => json(owner, "/api/worth/areas"),
  },
  {
    method: "POST",
    route: "/api/worth/barter-skills",
    valid: { name: "copywriting" },
    wrong: { name: { "a number": 7, "too long": longText(61), blank: "  " } },
    state: ({ owner }) => json(owner, "/api/worth/barter-skills"),
  },
  {
    method: "POST",
    route: "/api/worth/tasks",
    valid: {
      name: "Write the newsletter",
      areaId: live(({ areaId }) => areaId),
      hoursPerWeek: 2.5,
      skill: 4,
      enjoyment: 2,
      strategic: false,
      needed: true,
      marketRate: 3000,
    },
    optional: ["strategic", "needed", "marketRate"],
    wrong: {
      name: { "a number": 7, "too long": longText(121), blank: "  " },
      areaId: { "not a UUID": "admin", "a number": 42 },
      hoursPerWeek: wrongHours(168),
      skill: wrongRating,
      enjoyment: wrongRating,
      strategic: { "a string": "yes" },
      needed: { "a number": 1 },
      marketRate: wrongAmount,
    },
    state: ({ owner }) => json(owner, "/api/worth/audit"),
  },
  {
    method: "PATCH",
    route: "/api/worth/tasks/:id",
    path: ({ taskId }) => `/api/worth/tasks/${taskId}`,
    valid: { name: "Answer support email", hoursPerWeek: 4.25, skill: 2, marketRate: null },
    optional: ["name", "hoursPerWeek", "skill", "marketRate"],
    wrong: {
      name: { "a number": 7, "too long": longText(121), blank: "  " },
      hoursPerWeek: wrongHours(168),
      skill: wrongRating,
      marketRate: wrongAmount,
    },
    state: ({ owner }) => json(owner, "/api/worth/audit"),
  },
  {
    method: "POST",
    route: "/api/metrics/sites",
    valid: { name: "Candle-making blog", url: "https://blog.example" },
    optional: ["url"],
    wrong: {
      name: { "a number": 7, "too long": longText(81), blank: "  " },
      url: {
        "a number": 42,
        "not a web address": "blog.example",
        "another scheme": "ftp://blog.example",
        "too long": `https://${longText(300)}`,
      },
    },
    state: ({ owner }) => json(owner, "/api/metrics/sites"),
  },
  {
    method: "PUT",
    route: "/api/metrics/sites/:id",
    path: ({ siteId }) => `/api/metrics/sites/${siteId}`,
    valid: { name: "Maple Lane shop", url: "https://shop.example" },
    optional: ["url"],
    wrong: {
      name: { "a number": 7, "too long": longText(81), blank: "  " },
      url: { "a number": 42, "not a web address": "shop.example" },
    },
    state: ({ owner }) => json(owner, "/api/metrics/sites"),
  },
  {
    method: "PUT",
    route: "/api/metrics/sites/:id/periods/:month",
    path: ({ siteId }) => `/api/metrics/sites/${siteId}/periods/2026-03`,
    valid: {
      visitors: 1000,
      prospects: 100,
      customers: 10,
      revenue: 100_000,
      trafficCost: 20_000,
      otherCosts: 10_000,
    },
    wrong: {
      visitors: wrongCount,
      prospects: { ...wrongCount, "more than the visitors": 1001 },
      customers: { ...wrongCount, "more than the visitors": 1001 },
      revenue: wrongAmount,
      trafficCost: wrongAmount,
      otherCosts: wrongAmount,
    },
    state: monthsOfSite,
  },
  {
    method: "PUT",
    route: "/api/budget",
    valid: {
      monthlyBudget: 25_000,
      minMonthlyProfit: 40_000,
      minMarginPercent: 20.5,
      reinvestPercent: 50,
      extraProfitOverride: 50_000,
    },
    optional: ["minMonthlyProfit", "minMarginPercent", "reinvestPercent", "extraProfitOverride"],
    wrong: {
      monthlyBudget: wrongAmount,
      minMonthlyProfit: wrongAmount,
      minMarginPercent: { ...wrongPercent, "three decimals": 12.345 },
      reinvestPercent: { ...wrongPercent, "a fraction": 50.5 },
      extraProfitOverride: wrongAmount,
    },
    state: ({ owner }) => json(owner, "/api/budget"),
  },
];

/** One rejected request per way the body can be wrong; `body` fills in the live values. */
function badBodies(route: BodyRoute) {
  const valid = route.valid;
  const cases: { name: string; field: string; body: (setting: Setting) => unknown }[] = [];
  const spoil = (changes: Record<string, unknown>, without?: string) => (setting: Setting) => {
    const body: Record<string, unknown> = { ...resolve(valid, setting), ...changes };
    if (without !== undefined) delete body[without];
    return body;
  };
  for (const field of Object.keys(valid)) {
    if (!route.optional?.includes(field)) {
      cases.push({ name: `missing ${field}`, field, body: spoil({}, field) });
    }
  }
  for (const [field, values] of Object.entries(route.wrong)) {
    for (const [label, value] of Object.entries(values)) {
      cases.push({ name: `${field} is ${label}`, field, body: spoil({ [field]: value }) });
    }
  }
  cases.push({ name: "an unknown field", field: "isAdmin", body: spoil({ isAdmin: true }) });
  cases.push({ name: "a list instead of an object", field: "body", body: (s) => [spoil({})(s)] });
  if (route.optional?.length === Object.keys(valid).length) {
    cases.push({ name: "nothing to change", field: "body", body: () => ({}) });
  }
  return cases;
}

/** Sends the request and checks the rejection changed nothing. */
async function expectRejectedWithoutWrites(
  route: BodyRoute,
  setting: Setting,
  send: (path: string) => Promise<Response>,
) {
  const before = await route.state(setting);
  const response = await send(route.path?.(setting) ?? route.route);
  expect(await route.state(setting)).toEqual(before);
  return response;
}

async function sessionIds(client: ApiClient): Promise<string[]> {
  const sessions = (await json(client, "/api/me/sessions")) as { id: string }[];
  return sessions.map((session) => session.id).sort();
}

let setting: Setting;

function senderOf(route: BodyRoute): ApiClient {
  return route.sender?.(setting) ?? setting.owner;
}

beforeAll(async () => {
  const app = await startTestApp();
  const world = await buildWorld(app);
  const owner = await newDevice(app, world.owner);
  await requestPasswordReset(app.ctx, world.contractor.email);
  const resetMail = await deliveredTo(app, world.contractor.email);
  const task = await addTask(owner, { area: "admin" });
  setting = {
    app,
    world,
    owner,
    contractor: await newDevice(app, world.contractor),
    inviteToken: (await issueInvite(owner, uniqueEmail("lena"), "contractor")).token,
    resetToken: tokenOf(linkIn(resetMail.body, "/reset-password")),
    unsetApp: await startTestApp(),
    areaId: task.areaId,
    taskId: task.id,
    siteId: (await addSite(owner)).id,
  };
});
afterAll(async () => {
  await setting.app.close();
  await setting.unsetApp.close();
});

for (const route of bodyRoutes) {
  describe(`${route.method} ${route.route}${route.variant ? ` (${route.variant})` : ""}`, () => {
    for (const bad of badBodies(route)) {
      it(`rejects ${bad.name} with 400 naming the field, and writes nothing`, async () => {
        const response = await expectRejectedWithoutWrites(route, setting, (path) =>
          senderOf(route).request(route.method, path, bad.body(setting)),
        );
        expectError(response, 400, "invalid_input", bad.field);
      });
    }

    it("rejects malformed JSON with 400, not 500, and writes nothing", async () => {
      const response = await expectRejectedWithoutWrites(route, setting, (path) =>
        senderOf(route).request(route.method, path, '{"oops": ', {
          "content-type": "application/json",
        }),
      );
      expectError(response, 400, "bad_request");
    });

    // Runs last: proves each case above failed only for the one thing it spoiled.
    it("accepts the unspoiled body", async () => {
      const path = route.path?.(setting) ?? route.route;
      const body = resolve(route.valid, setting);
      const response = await senderOf(route).request(route.method, path, body);
      expect(response.statusCode, response.body).toBeLessThan(300);
    });
  });
}

describe("an :id that is not a UUID", () => {
  // Every route with an :id, with a body it would accept; later areas append theirs.
  const routes: {
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
    route: string;
    body?: unknown;
  }[] = [
    { method: "DELETE", route: "/api/me/sessions/:id" },
    { method: "DELETE", route: "/api/me/tokens/:id" },
    { method: "PATCH", route: "/api/people/:id", body: { role: "manager" } },
    { method: "POST", route: "/api/people/:id/deactivate" },
    { method: "POST", route: "/api/people/:id/reactivate" },
    { method: "POST", route: "/api/invites/:id/resend" },
    { method: "POST", route: "/api/invites/:id/revoke" },
    { method: "PUT", route: "/api/worth/areas/:id", body: { name: "Renamed", defaultRate: null } },
    { method: "DELETE", route: "/api/worth/areas/:id" },
    { method: "DELETE", route: "/api/worth/barter-skills/:id" },
    { method: "PATCH", route: "/api/worth/tasks/:id", body: { hoursPerWeek: 1 } },
    { method: "DELETE", route: "/api/worth/tasks/:id" },
    { method: "PUT", route: "/api/metrics/sites/:id", body: { name: "Renamed site" } },
    { method: "DELETE", route: "/api/metrics/sites/:id" },
    { method: "GET", route: "/api/metrics/sites/:id/periods" },
    { method: "PUT", route: "/api/metrics/sites/:id/periods/2026-01", body: month() },
    { method: "DELETE", route: "/api/metrics/sites/:id/periods/2026-01" },
    { method: "GET", route: "/api/sops/:id" },
    { method: "PUT", route: "/api/sops/:id/draft", body: plainDraft() },
    { method: "DELETE", route: "/api/sops/:id/draft" },
    { method: "PATCH", route: "/api/sops/:id/links", body: { taskId: null, areaId: null } },
    { method: "POST", route: "/api/sops/:id/publish", body: { overrideReason: null } },
    { method: "GET", route: "/api/sops/:id/versions/1" },
    { method: "GET", route: "/api/sops/:id/diff?from=1&to=1" },
    { method: "GET", route: "/api/sops/:id/stuck" },
    { method: "GET", route: "/api/runs/:id" },
    {
      method: "POST",
      route: "/api/runs/:id/questions/0190a0a0-0000-7000-8000-000000000000/answer",
      body: { answer: "Yes" },
    },
  ];

  it.each(routes)("$method $route answers 400 naming id", async ({ method, route, body }) => {
    for (const id of ["not-a-uuid", "42", "01a209f1-2279-794a-b43d"]) {
      const response = await setting.owner.request(method, route.replace(":id", id), body);
      expectError(response, 400, "invalid_input", "id");
    }
  });
});

describe("a :month that is not a calendar month", () => {
  const months = ["2026-13", "2026-00", "2026-1", "26-01", "1969-12", "2026-01-01"];

  it.each(months)(
    "PUT a site's month %s answers 400 naming month, and writes nothing",
    async (bad) => {
      const before = await monthsOfSite(setting);
      const response = await setting.owner.put(
        `/api/metrics/sites/${setting.siteId}/periods/${bad}`,
        month(),
      );
      expectError(response, 400, "invalid_input", "month");
      expect(await monthsOfSite(setting)).toEqual(before);
    },
  );

  it.each(months)("DELETE a site's month %s answers 400 naming month", async (bad) => {
    const response = await setting.owner.delete(
      `/api/metrics/sites/${setting.siteId}/periods/${bad}`,
    );
    expectError(response, 400, "invalid_input", "month");
  });

  it.each([
    ["/api/metrics/summary?from=2026-13", "from"],
    ["/api/metrics/summary?to=2026-1", "to"],
    ["/api/metrics/summary?month=2026-01", "month"],
    ["/api/metrics/periods/import?mode=some", "mode"],
  ])("%s answers 400 naming %s", async (url, field) => {
    const response = url.includes("import")
      ? await setting.owner.postCsv(url, "site,month\n")
      : await setting.owner.get(url);
    expectError(response, 400, "invalid_input", field);
  });
});
