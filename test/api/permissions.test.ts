import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { permissionTable } from "../../src/auth/rules.ts";
import { requestPasswordReset } from "../../src/auth/service.ts";
import { currentSessionId, newDevice, uniqueEmail } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import { deliveredTo, linkIn, tokenOf } from "../support/mail.ts";
import { addSite, month, periodsCsv, putMonth } from "../support/metrics.ts";
import { addTask, areaIdOf, bodyOf, read } from "../support/worth.ts";
import {
  buildWorld,
  invitePerson,
  issueInvite,
  PASSWORD,
  type Person,
  type World,
} from "../support/world.ts";

/** Everyone who may knock: the three roles, the owner of another workspace, and nobody. */
export type Caller = "owner" | "manager" | "contractor" | "stranger" | "anonymous";
const callers: readonly Caller[] = ["owner", "manager", "contractor", "stranger", "anonymous"];

/** What a row may use to build its request. */
export interface RowSetting {
  app: TestApp;
  world: World;
  caller: Caller;
  /** The caller's account; the owner's for the anonymous caller, who has none. */
  person: Person;
  /** A contractor of the first workspace that rows may change freely; nobody acts as them. */
  subject: Person;
  /** A fresh signed-in browser of the first workspace's owner, for preparing data. */
  ownerDevice(): Promise<ApiClient>;
}

export interface PermissionRow {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The route as registered, e.g. /api/people/:id. */
  route: string;
  /** Tells apart rows on the same route. */
  variant?: string;
  /** The concrete path and a valid body; runs afresh for every caller, so it may create data. */
  request?: (
    setting: RowSetting,
  ) => Promise<{ path: string; body?: unknown; headers?: Record<string, string> }>;
  expect: Record<Caller, number>;
  /** Error codes other than the usual 401 auth.required, 403 forbidden, 404 not_found. */
  codes?: Record<number, string>;
  /**
   * Reads the first workspace; when given, a caller who may not change it (contractor,
   * stranger, nobody) must leave it exactly as it was, whatever the answer.
   */
  unchanged?: (setting: RowSetting) => Promise<unknown>;
}

const usualCodes: Record<number, string> = {
  401: "auth.required",
  403: "forbidden",
  404: "not_found",
};

const everyone = (status: number): Record<Caller, number> => ({
  owner: status,
  manager: status,
  contractor: status,
  stranger: status,
  anonymous: status,
});
const signedIn = (status: number): Record<Caller, number> => ({
  ...everyone(status),
  anonymous: 401,
});
/** Owner and manager may; the stranger reaches only their own workspace's copy. */
const staff = (status: number): Record<Caller, number> => ({
  ...signedIn(status),
  contractor: 403,
});
/** Only the owner may; `stranger` is what the other workspace's owner gets. */
const ownerOnly = (status: number, stranger: number): Record<Caller, number> => ({
  owner: status,
  manager: 403,
  contractor: 403,
  stranger,
  anonymous: 401,
});

const someUuid = "0190a0a0-0000-7000-8000-000000000000";

async function freshInvite(setting: RowSetting) {
  return issueInvite(await setting.ownerDevice(), uniqueEmail("invitee"), "contractor");
}

async function resetToken(setting: RowSetting, email: string): Promise<string> {
  await requestPasswordReset(setting.app.ctx, email);
  const mail = await deliveredTo(setting.app, email);
  return tokenOf(linkIn(mail.body, "/reset-password"));
}

/** Owner and manager of the first workspace may; the stranger only gets at their own copy. */
const staffOfFirstWorkspace = (status: number): Record<Caller, number> => ({
  ...staff(status),
  stranger: 404,
});

let made = 0;
/** A number no other request in this file has used, so a change would show. */
const unique = () => {
  made += 1;
  return made;
};

/** Everything the worth, metrics and budget areas hold for the first workspace. */
async function worthAndMetricsOfFirstWorkspace(setting: RowSetting): Promise<unknown> {
  const owner = await setting.ownerDevice();
  const urls = [
    "/api/worth",
    "/api/worth/areas",
    "/api/worth/barter-skills",
    "/api/worth/audit",
    "/api/metrics/sites",
    "/api/metrics/summary",
    "/api/budget",
  ];
  const answers: unknown[] = [];
  for (const url of urls) answers.push(await read(owner, url));
  answers.push((await owner.get("/api/metrics/periods.csv")).body);
  return answers;
}

/** The caller's own workspace: the stranger's for the stranger, the first one for the rest. */
async function ownWorkspaceDevice(setting: RowSetting): Promise<ApiClient> {
  return setting.caller === "stranger"
    ? newDevice(setting.app, setting.world.stranger)
    : setting.ownerDevice();
}

async function freshArea(setting: RowSetting): Promise<string> {
  const response = await (
    await setting.ownerDevice()
  ).post("/api/worth/areas", { name: `Area ${unique()}`, defaultRate: 1500 });
  return bodyOf<{ id: string }>(response, 201).id;
}

async function freshTask(setting: RowSetting): Promise<string> {
  return (await addTask(await setting.ownerDevice())).id;
}

async function freshSkill(setting: RowSetting): Promise<string> {
  const response = await (
    await setting.ownerDevice()
  ).post("/api/worth/barter-skills", { name: `Skill ${unique()}` });
  return bodyOf<{ id: string }>(response, 201).id;
}

/** A site of the first workspace with one month of numbers. */
async function freshSite(setting: RowSetting): Promise<string> {
  const owner = await setting.ownerDevice();
  const site = await addSite(owner);
  await putMonth(owner, site.id, "2026-01", month());
  return site.id;
}

const csvHeaders = { "content-type": "text/csv" };

/**
 * Every route × every caller → the status it must answer. Later areas append their rows
 * here; the last test fails when a documented route has no row.
 */
export const permissionRows: PermissionRow[] = [
  { method: "GET", route: "/api/health", expect: everyone(200) },
  { method: "GET", route: "/api/docs/json", expect: everyone(200) },
  { method: "GET", route: "/api/setup", expect: everyone(200) },
  {
    method: "POST",
    route: "/api/setup",
    request: async () => ({
      path: "/api/setup",
      body: {
        workspaceName: "Second Shop",
        ownerName: "Late Comer",
        email: uniqueEmail("late"),
        password: PASSWORD,
        currency: "USD",
        timeZone: "UTC",
      },
    }),
    expect: everyone(409),
    codes: { 409: "setup.done" },
  },
  {
    method: "POST",
    route: "/api/auth/sign-in",
    request: async ({ world }) => ({
      path: "/api/auth/sign-in",
      body: { email: world.manager.email, password: PASSWORD },
    }),
    expect: everyone(200),
  },
  { method: "POST", route: "/api/auth/sign-out", expect: everyone(204) },
  {
    method: "POST",
    route: "/api/auth/password-reset",
    request: async () => ({
      path: "/api/auth/password-reset",
      body: { email: uniqueEmail("nobody") },
    }),
    expect: everyone(204),
  },
  {
    method: "POST",
    route: "/api/auth/password-reset/confirm",
    request: async (setting) => ({
      path: "/api/auth/password-reset/confirm",
      body: { token: await resetToken(setting, setting.world.manager.email), password: PASSWORD },
    }),
    expect: everyone(204),
  },
  {
    method: "POST",
    route: "/api/invites/preview",
    request: async (setting) => ({
      path: "/api/invites/preview",
      body: { token: (await freshInvite(setting)).token },
    }),
    expect: everyone(200),
  },
  {
    method: "POST",
    route: "/api/invites/accept",
    request: async (setting) => ({
      path: "/api/invites/accept",
      body: {
        token: (await freshInvite(setting)).token,
        name: "New Person",
        password: PASSWORD,
        timeZone: "UTC",
      },
    }),
    expect: everyone(201),
  },
  { method: "GET", route: "/api/me", expect: signedIn(200) },
  {
    method: "PATCH",
    route: "/api/me",
    request: async () => ({ path: "/api/me", body: { timeZone: "Europe/Lisbon" } }),
    expect: signedIn(200),
  },
  {
    method: "POST",
    route: "/api/me/password",
    request: async () => ({
      path: "/api/me/password",
      body: { currentPassword: PASSWORD, newPassword: PASSWORD },
    }),
    expect: signedIn(204),
  },
  { method: "GET", route: "/api/me/sessions", expect: signedIn(200) },
  {
    method: "DELETE",
    route: "/api/me/sessions/:id",
    variant: "one of my other devices",
    request: async ({ app, person }) => ({
      path: `/api/me/sessions/${await currentSessionId(await newDevice(app, person))}`,
    }),
    expect: signedIn(204),
  },
  {
    method: "DELETE",
    route: "/api/me/sessions/:id",
    variant: "someone else's device",
    request: async ({ app, world, caller }) => {
      const victim = caller === "owner" ? world.manager : world.owner;
      return { path: `/api/me/sessions/${await currentSessionId(await newDevice(app, victim))}` };
    },
    expect: signedIn(404),
  },
  { method: "POST", route: "/api/me/sessions/sign-out-others", expect: signedIn(204) },
  { method: "GET", route: "/api/me/tokens", expect: signedIn(200) },
  {
    method: "POST",
    route: "/api/me/tokens",
    request: async () => ({ path: "/api/me/tokens", body: { name: "Zapier" } }),
    expect: signedIn(201),
  },
  {
    method: "DELETE",
    route: "/api/me/tokens/:id",
    variant: "my own token",
    request: async ({ app, person }) => {
      const created = await (await newDevice(app, person)).post("/api/me/tokens", { name: "t" });
      return { path: `/api/me/tokens/${created.json().apiToken.id}` };
    },
    expect: signedIn(204),
  },
  {
    method: "DELETE",
    route: "/api/me/tokens/:id",
    variant: "someone else's token",
    request: async ({ app, world, caller }) => {
      const victim = caller === "owner" ? world.manager : world.owner;
      const created = await (await newDevice(app, victim)).post("/api/me/tokens", { name: "t" });
      return { path: `/api/me/tokens/${created.json().apiToken.id}` };
    },
    expect: signedIn(404),
  },
  { method: "GET", route: "/api/workspace", expect: staff(200) },
  {
    method: "PATCH",
    route: "/api/workspace",
    request: async () => ({ path: "/api/workspace", body: { timeZone: "America/Chicago" } }),
    expect: ownerOnly(200, 200),
  },
  { method: "GET", route: "/api/people", expect: staff(200) },
  {
    method: "PATCH",
    route: "/api/people/:id",
    request: async ({ subject }) => ({
      path: `/api/people/${subject.id}`,
      body: { role: "contractor" },
    }),
    expect: ownerOnly(200, 404),
  },
  {
    method: "POST",
    route: "/api/people/:id/deactivate",
    request: async ({ subject }) => ({ path: `/api/people/${subject.id}/deactivate` }),
    expect: ownerOnly(200, 404),
  },
  {
    method: "POST",
    route: "/api/people/:id/reactivate",
    request: async ({ subject }) => ({ path: `/api/people/${subject.id}/reactivate` }),
    expect: ownerOnly(200, 404),
  },
  { method: "GET", route: "/api/invites", expect: staff(200) },
  {
    method: "POST",
    route: "/api/invites",
    request: async () => ({
      path: "/api/invites",
      body: { email: uniqueEmail("invitee"), role: "contractor" },
    }),
    expect: ownerOnly(201, 201),
  },
  {
    method: "POST",
    route: "/api/invites/:id/resend",
    request: async (setting) => ({
      path: `/api/invites/${(await freshInvite(setting)).id}/resend`,
    }),
    expect: ownerOnly(200, 404),
  },
  {
    method: "POST",
    route: "/api/invites/:id/revoke",
    request: async (setting) => ({
      path: `/api/invites/${(await freshInvite(setting)).id}/revoke`,
    }),
    expect: ownerOnly(200, 404),
  },
  { method: "GET", route: "/api/outbox", expect: ownerOnly(200, 200) },
  { method: "GET", route: "/api/worth", expect: staff(200) },
  {
    method: "PUT",
    route: "/api/worth/earnings",
    request: async () => ({
      path: "/api/worth/earnings",
      body: { basis: "hours", profitPerYear: 5_000_000 + unique(), hoursPerYear: 2080 },
    }),
    expect: staff(200),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  { method: "GET", route: "/api/worth/areas", expect: staff(200) },
  {
    method: "POST",
    route: "/api/worth/areas",
    request: async () => ({
      path: "/api/worth/areas",
      body: { name: `New area ${unique()}`, defaultRate: 2000 },
    }),
    expect: staff(201),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  {
    method: "PUT",
    route: "/api/worth/areas/:id",
    request: async (setting) => ({
      path: `/api/worth/areas/${await freshArea(setting)}`,
      body: { name: `Renamed ${unique()}`, defaultRate: null },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  {
    method: "DELETE",
    route: "/api/worth/areas/:id",
    request: async (setting) => ({ path: `/api/worth/areas/${await freshArea(setting)}` }),
    expect: staffOfFirstWorkspace(204),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  { method: "GET", route: "/api/worth/barter-skills", expect: staff(200) },
  {
    method: "POST",
    route: "/api/worth/barter-skills",
    request: async () => ({
      path: "/api/worth/barter-skills",
      body: { name: `Trade ${unique()}` },
    }),
    expect: staff(201),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  {
    method: "DELETE",
    route: "/api/worth/barter-skills/:id",
    request: async (setting) => ({
      path: `/api/worth/barter-skills/${await freshSkill(setting)}`,
    }),
    expect: staffOfFirstWorkspace(204),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  { method: "GET", route: "/api/worth/audit", expect: staff(200) },
  {
    method: "POST",
    route: "/api/worth/tasks",
    variant: "in an area of the caller's own workspace",
    request: async (setting) => ({
      path: "/api/worth/tasks",
      body: {
        name: `Task ${unique()}`,
        areaId: await areaIdOf(await ownWorkspaceDevice(setting), "admin"),
        hoursPerWeek: 2,
        skill: 3,
        enjoyment: 3,
      },
    }),
    expect: staff(201),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  {
    method: "POST",
    route: "/api/worth/tasks",
    variant: "in an area of the first workspace",
    request: async (setting) => ({
      path: "/api/worth/tasks",
      body: {
        name: `Task ${unique()}`,
        areaId: await freshArea(setting),
        hoursPerWeek: 2,
        skill: 3,
        enjoyment: 3,
      },
    }),
    expect: staffOfFirstWorkspace(201),
    codes: { 404: "worth.area_unknown" },
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  {
    method: "PATCH",
    route: "/api/worth/tasks/:id",
    request: async (setting) => ({
      path: `/api/worth/tasks/${await freshTask(setting)}`,
      body: { hoursPerWeek: 1, strategic: true },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  {
    method: "DELETE",
    route: "/api/worth/tasks/:id",
    request: async (setting) => ({ path: `/api/worth/tasks/${await freshTask(setting)}` }),
    expect: staffOfFirstWorkspace(204),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  { method: "GET", route: "/api/worth/tasks.csv", expect: staff(200) },
  {
    method: "POST",
    route: "/api/worth/tasks/import",
    request: async () => ({
      path: "/api/worth/tasks/import",
      body: `name,area,hours_per_week,skill,enjoyment\nImported ${unique()},admin,2,3,3\n`,
      headers: csvHeaders,
    }),
    expect: staff(201),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  { method: "GET", route: "/api/metrics/sites", expect: staff(200) },
  {
    method: "POST",
    route: "/api/metrics/sites",
    request: async () => ({
      path: "/api/metrics/sites",
      body: { name: `Site ${unique()}`, url: "https://shop.example" },
    }),
    expect: staff(201),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  {
    method: "PUT",
    route: "/api/metrics/sites/:id",
    request: async (setting) => ({
      path: `/api/metrics/sites/${await freshSite(setting)}`,
      body: { name: `Renamed site ${unique()}`, url: "" },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  {
    method: "DELETE",
    route: "/api/metrics/sites/:id",
    request: async (setting) => ({ path: `/api/metrics/sites/${await freshSite(setting)}` }),
    expect: staffOfFirstWorkspace(204),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  {
    method: "GET",
    route: "/api/metrics/sites/:id/periods",
    request: async (setting) => ({
      path: `/api/metrics/sites/${await freshSite(setting)}/periods`,
    }),
    expect: staffOfFirstWorkspace(200),
  },
  {
    method: "PUT",
    route: "/api/metrics/sites/:id/periods/:month",
    request: async (setting) => ({
      path: `/api/metrics/sites/${await freshSite(setting)}/periods/2026-02`,
      body: month({ visitors: 500 + unique() }),
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  {
    method: "DELETE",
    route: "/api/metrics/sites/:id/periods/:month",
    request: async (setting) => ({
      path: `/api/metrics/sites/${await freshSite(setting)}/periods/2026-01`,
    }),
    expect: staffOfFirstWorkspace(204),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  { method: "GET", route: "/api/metrics/summary", expect: staff(200) },
  { method: "GET", route: "/api/metrics/periods.csv", expect: staff(200) },
  {
    method: "POST",
    route: "/api/metrics/periods/import",
    request: async () => ({
      path: "/api/metrics/periods/import",
      body: periodsCsv([`Imported site ${unique()},2026-03,100,10,1,50.00,5.00,1.00`]),
      headers: csvHeaders,
    }),
    expect: staff(201),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
  { method: "GET", route: "/api/budget", expect: staff(200) },
  {
    method: "PUT",
    route: "/api/budget",
    request: async () => ({ path: "/api/budget", body: { monthlyBudget: 25_000 + unique() } }),
    expect: staff(200),
    unchanged: worthAndMetricsOfFirstWorkspace,
  },
];

let app: TestApp;
let world: World;
let subject: Person;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
  subject = await invitePerson(app, world.owner.client, "subject@example.com", "contractor");
});
afterAll(() => app.close());

/** Each request comes from a browser of its own, so no row can sign another row's caller out. */
async function deviceOf(caller: Caller): Promise<ApiClient> {
  return caller === "anonymous" ? new ApiClient(app.server) : newDevice(app, world[caller]);
}

function settingFor(caller: Caller): RowSetting {
  return {
    app,
    world,
    caller,
    person: caller === "anonymous" ? world.owner : world[caller],
    subject,
    ownerDevice: () => newDevice(app, world.owner),
  };
}

for (const row of permissionRows) {
  const title = `${row.method} ${row.route}${row.variant ? ` (${row.variant})` : ""}`;
  describe(title, () => {
    for (const caller of callers) {
      const status = row.expect[caller];
      it(`answers ${status} to the ${caller}`, async () => {
        const setting = settingFor(caller);
        const { path, body, headers } = row.request
          ? await row.request(setting)
          : { path: row.route, body: undefined, headers: undefined };
        const guarded = row.unchanged && !["owner", "manager"].includes(caller);
        const before = guarded ? await row.unchanged!(setting) : undefined;
        const response = await (await deviceOf(caller)).request(row.method, path, body, headers);
        expect(response.statusCode, response.body).toBe(status);
        if (guarded) expect(await row.unchanged!(setting)).toEqual(before);
        if (status >= 400) {
          expectError(response, status, row.codes?.[status] ?? usualCodes[status] ?? "");
        }
      });
    }
  });
}

describe("the permission table", () => {
  it("has a row for every route in the OpenAPI document", async () => {
    const document = (await world.anonymous.get("/api/docs/json")).json();
    const documented = Object.entries(document.paths as Record<string, object>).flatMap(
      ([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const covered = new Set(
      permissionRows.map((row) => `${row.method} ${row.route.replace(/:(\w+)/g, "{$1}")}`),
    );
    expect(documented.length).toBeGreaterThan(20);
    const missing = documented.filter((route) => !covered.has(route));
    expect(missing, "append a row to permissionRows for each of these").toEqual([]);
  });
});

describe("GET /api/me permissions", () => {
  it.each(["owner", "manager", "contractor"] as const)(
    "lists exactly what the %s role may do",
    async (role) => {
      const response = await (await deviceOf(role)).get("/api/me");
      expect(response.statusCode).toBe(200);
      expect(response.json().user.role).toBe(role);
      expect(response.json().permissions).toEqual([...permissionTable[role]]);
    },
  );

  it("gives a contractor only the portal and their own profile", async () => {
    const response = await (await deviceOf("contractor")).get("/api/me");
    expect(response.json().permissions.sort()).toEqual(["portal.use", "profile.manage"]);
  });
});

describe("what a refused caller learns", () => {
  it("a contractor asking for the people list gets only the error, no people", async () => {
    const response = await (await deviceOf("contractor")).get("/api/people");
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: { code: "forbidden", message: expect.any(String) },
    });
    for (const person of [world.owner, world.manager, world.contractor]) {
      expect(response.body).not.toContain(person.email);
      expect(response.body).not.toContain(person.id);
    }
  });

  it("an anonymous caller gets only the error", async () => {
    const response = await world.anonymous.get("/api/people");
    expect(response.json()).toEqual({
      error: { code: "auth.required", message: expect.any(String) },
    });
  });
});

describe("the owner of another workspace", () => {
  it("gets the same 404 for another workspace's person as for an id that exists nowhere", async () => {
    const stranger = await deviceOf("stranger");
    const elsewhere = await stranger.patch(`/api/people/${world.contractor.id}`, {
      role: "manager",
    });
    const nowhere = await stranger.patch(`/api/people/${someUuid}`, { role: "manager" });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toEqual(nowhere.json());
  });

  async function peopleOfFirstWorkspace() {
    return (await (await deviceOf("owner")).get("/api/people")).json() as {
      id: string;
      role: string;
      active: boolean;
    }[];
  }

  it("cannot change the role of the first workspace's contractor, and nothing changes", async () => {
    const before = await peopleOfFirstWorkspace();
    const response = await (
      await deviceOf("stranger")
    ).patch(`/api/people/${world.contractor.id}`, { role: "manager" });
    expectError(response, 404, "not_found");
    expect(await peopleOfFirstWorkspace()).toEqual(before);
    expect(before.find((person) => person.id === world.contractor.id)?.role).toBe("contractor");
  });

  it("cannot deactivate the first workspace's contractor, who stays signed in", async () => {
    const contractor = await deviceOf("contractor");
    const response = await (
      await deviceOf("stranger")
    ).post(`/api/people/${world.contractor.id}/deactivate`);
    expectError(response, 404, "not_found");
    expect((await contractor.get("/api/me")).statusCode).toBe(200);
    const row = (await peopleOfFirstWorkspace()).find((p) => p.id === world.contractor.id);
    expect(row?.active).toBe(true);
  });

  it("cannot revoke the first workspace's invite, which stays pending", async () => {
    const owner = await deviceOf("owner");
    const invite = await issueInvite(owner, uniqueEmail("kept"), "manager");
    const response = await (await deviceOf("stranger")).post(`/api/invites/${invite.id}/revoke`);
    expectError(response, 404, "not_found");
    const listed = (await owner.get("/api/invites")).json() as { id: string; status: string }[];
    expect(listed.find((row) => row.id === invite.id)?.status).toBe("pending");
    const preview = await world.anonymous.post("/api/invites/preview", { token: invite.token });
    expect(preview.statusCode).toBe(200);
  });

  it("sees only their own workspace's people, invites, outbox and settings", async () => {
    const stranger = await deviceOf("stranger");
    const people = (await stranger.get("/api/people")).json() as { id: string }[];
    expect(people.map((person) => person.id)).toEqual([world.stranger.id]);
    expect((await stranger.get("/api/invites")).json()).not.toContainEqual(
      expect.objectContaining({ email: world.contractor.email }),
    );
    const outbox = (await stranger.get("/api/outbox")).body;
    expect(outbox).not.toContain(world.contractor.email);
    expect((await stranger.get("/api/workspace")).json().name).toBe("Other Shop");
  });
});
