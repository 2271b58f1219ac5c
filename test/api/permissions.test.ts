import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { permissionTable } from "../../src/auth/rules.ts";
import type { Run } from "../../src/sops/schema.ts";
import { DEFAULT_JARGON } from "../../src/sops/rules.ts";
import { requestPasswordReset } from "../../src/auth/service.ts";
import { currentSessionId, newDevice, uniqueEmail } from "../support/accounts.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { ApiClient } from "../support/client.ts";
import { expectError } from "../support/errors.ts";
import { hiringRows } from "./permissions/hiring-rows.ts";
import { benchRows } from "./permissions/bench-rows.ts";
import { deliveredTo, linkIn, tokenOf } from "../support/mail.ts";
import { addSite, month, periodsCsv, putMonth } from "../support/metrics.ts";
import {
  ask,
  check,
  checkAll,
  createSop,
  officialeseDraft,
  plainDraft,
  pngBytes,
  publish,
  runUrl,
  saveDraft,
  sharedProcedure,
  sopUrl,
  startRun,
  step,
  uploadPng,
} from "../support/sops.ts";
import {
  callers,
  csvHeaders,
  everyone,
  ownerOnly,
  ownWorkspaceDevice,
  signedIn,
  someUuid,
  staff,
  staffOfFirstWorkspace,
  unique,
  usualCodes,
  type Caller,
  type PermissionRow,
  type RowSetting,
} from "../support/permissions.ts";
import { addTask, areaIdOf, bodyOf, read } from "../support/worth.ts";
import {
  buildWorld,
  invitePerson,
  issueInvite,
  PASSWORD,
  type Person,
  type World,
} from "../support/world.ts";
import { directoryRows } from "./permissions/directory-rows.ts";
import { timeRows } from "./permissions/time-rows.ts";
import { barterRows } from "./permissions/barter-rows.ts";
import { contractRows } from "./permissions/contracts-rows.ts";
import { ledgerRows } from "./permissions/ledger-rows.ts";
import { notifyRows } from "./permissions/notify-rows.ts";
import { workRows } from "./permissions/work-rows.ts";
import { reviewRows } from "./permissions/review-rows.ts";
import { dashboardRows } from "./permissions/dashboard-rows.ts";
import { guardrailRows } from "./permissions/guardrail-rows.ts";

async function freshInvite(setting: RowSetting) {
  return issueInvite(await setting.ownerDevice(), uniqueEmail("invitee"), "contractor");
}

async function resetToken(setting: RowSetting, email: string): Promise<string> {
  await requestPasswordReset(setting.app.ctx, email);
  const mail = await deliveredTo(setting.app, email);
  return tokenOf(linkIn(mail.body, "/reset-password"));
}

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

/** Every blueprint and checklist row of the first workspace, as stored (images by id only). */
async function blueprintsOfFirstWorkspace(setting: RowSetting): Promise<unknown> {
  const db = setting.app.ctx.db;
  const workspaceId = setting.world.workspaceId;
  const tables = [
    "sops",
    "sop_versions",
    "sop_shares",
    "checklist_runs",
    "run_steps",
    "run_questions",
  ] as const;
  const rows: unknown[] = [await read(await setting.ownerDevice(), "/api/sops/settings")];
  for (const table of tables) {
    rows.push(
      await db
        .selectFrom(table)
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .orderBy("id")
        .execute(),
    );
  }
  rows.push(
    await db
      .selectFrom("sop_images")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .orderBy("id")
      .execute(),
  );
  return rows;
}

/** A procedure of the first workspace that is only a draft. */
async function freshProcedure(setting: RowSetting): Promise<string> {
  return (await createSop(await setting.ownerDevice())).id;
}

/** A procedure of the first workspace published as version 1, shared with its contractor or not. */
async function publishedProcedure(
  setting: RowSetting,
  options: { shared: boolean; hardToFollow?: boolean } = { shared: true },
): Promise<string> {
  const draft = options.hardToFollow ? officialeseDraft() : plainDraft();
  const contractors = options.shared ? [setting.world.contractor.id] : [];
  return (await sharedProcedure(await setting.ownerDevice(), contractors, draft)).id;
}

/** A procedure whose shared version 1 shows an image in its first step; or an unshared one. */
async function procedureImage(setting: RowSetting, shared: boolean): Promise<string> {
  const owner = await setting.ownerDevice();
  const sop = await createSop(owner);
  const imageId = await uploadPng(owner, sop.id);
  const draft = plainDraft();
  draft.steps[0] = step("Open the blog editor.", { imageId });
  await saveDraft(owner, sop.id, draft);
  await publish(owner, sop.id);
  if (shared) {
    await owner.post(`${sopUrl(sop.id)}/shares`, {
      versionNumber: 1,
      contractorIds: [setting.world.contractor.id],
    });
  }
  return imageId;
}

let otherContractor: Promise<Person> | undefined;

/** A second contractor of the first workspace, for runs that are not the caller's. */
function secondContractor(setting: RowSetting): Promise<Person> {
  otherContractor ??= setting
    .ownerDevice()
    .then((owner) =>
      invitePerson(setting.app, owner, uniqueEmail("second-contractor"), "contractor", "Lena"),
    );
  return otherContractor;
}

/** A fresh open run of the first workspace: the contractor's own, or the second contractor's. */
async function freshRun(setting: RowSetting, whose: "own" | "other"): Promise<Run> {
  const contractorId =
    whose === "own" ? setting.world.contractor.id : (await secondContractor(setting)).id;
  const owner = await setting.ownerDevice();
  const sopId = (await sharedProcedure(owner, [contractorId])).id;
  return startRun(owner, { sopId, contractorId });
}

/** The contractor's (or the second contractor's) browser, for working a run in preparation. */
async function workerDevice(setting: RowSetting, whose: "own" | "other"): Promise<ApiClient> {
  const person = whose === "own" ? setting.world.contractor : await secondContractor(setting);
  return newDevice(setting.app, person);
}

/** Only the contractor running it may work a checklist; the staff and the stranger may not. */
const runner = (status: number): Record<Caller, number> => ({
  owner: 403,
  manager: 403,
  contractor: status,
  stranger: 403,
  anonymous: 401,
});
/** Owner and manager, and the contractor it belongs to; nobody of another workspace. */
const staffAndRunner = (contractor: number): Record<Caller, number> => ({
  ...staffOfFirstWorkspace(200),
  contractor,
});

const imageHeaders = { "content-type": "image/png" };

/** The routes that work one step of a run, each with the body it takes. */
const stepRoutes = [
  { action: "check", body: { note: "Done", link: "https://shop.example/offer" } },
  { action: "uncheck", body: undefined },
  { action: "questions", body: { question: "Which offer text do I paste?" } },
] as const;

function stepRows(): PermissionRow[] {
  return stepRoutes.flatMap(({ action, body }) => {
    const route = `/api/runs/:id/steps/:index/${action}`;
    const prepare = async (setting: RowSetting, whose: "own" | "other") => {
      const run = await freshRun(setting, whose);
      if (action === "uncheck") await check(await workerDevice(setting, whose), run.id, 0);
      return { path: `${runUrl(run.id)}/steps/0/${action}`, body };
    };
    return [
      {
        method: "POST" as const,
        route,
        variant: "the contractor's own run",
        request: (setting: RowSetting) => prepare(setting, "own"),
        expect: runner(200),
      },
      {
        method: "POST" as const,
        route,
        variant: "another contractor's run",
        request: (setting: RowSetting) => prepare(setting, "other"),
        expect: runner(404),
        unchanged: blueprintsOfFirstWorkspace,
      },
    ];
  });
}

/** The blueprint and checklist routes: the staff write procedures, contractors work their runs. */
const blueprintRows: PermissionRow[] = [
  { method: "GET", route: "/api/sops", expect: staff(200) },
  {
    method: "POST",
    route: "/api/sops",
    request: async () => ({ path: "/api/sops", body: plainDraft({ title: `SOP ${unique()}` }) }),
    expect: staff(201),
    unchanged: blueprintsOfFirstWorkspace,
  },
  { method: "GET", route: "/api/sops/templates", expect: staff(200) },
  {
    method: "POST",
    route: "/api/sops/from-template",
    request: async () => ({
      path: "/api/sops/from-template",
      body: { template: "answer-support-email" },
    }),
    expect: staff(201),
    unchanged: blueprintsOfFirstWorkspace,
  },
  { method: "GET", route: "/api/sops/settings", expect: staff(200) },
  {
    method: "PUT",
    route: "/api/sops/settings",
    request: async () => ({
      path: "/api/sops/settings",
      body: { minReadingEase: 60, jargon: [...DEFAULT_JARGON, `buzzword${unique()}`] },
    }),
    expect: ownerOnly(200, 200),
    unchanged: blueprintsOfFirstWorkspace,
  },
  {
    method: "GET",
    route: "/api/sops/:id",
    request: async (setting) => ({ path: sopUrl(await freshProcedure(setting)) }),
    expect: staffOfFirstWorkspace(200),
  },
  {
    method: "PUT",
    route: "/api/sops/:id/draft",
    request: async (setting) => ({
      path: `${sopUrl(await freshProcedure(setting))}/draft`,
      body: plainDraft({ title: `Edited ${unique()}` }),
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged: blueprintsOfFirstWorkspace,
  },
  {
    method: "DELETE",
    route: "/api/sops/:id/draft",
    request: async (setting) => {
      const owner = await setting.ownerDevice();
      const id = await publishedProcedure(setting, { shared: false });
      await saveDraft(owner, id, plainDraft({ title: "Next version" }));
      return { path: `${sopUrl(id)}/draft` };
    },
    expect: staffOfFirstWorkspace(204),
    unchanged: blueprintsOfFirstWorkspace,
  },
  {
    method: "PATCH",
    route: "/api/sops/:id/links",
    request: async (setting) => ({
      path: `${sopUrl(await freshProcedure(setting))}/links`,
      body: { taskId: await freshTask(setting), areaId: await freshArea(setting) },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged: blueprintsOfFirstWorkspace,
  },
  {
    method: "POST",
    route: "/api/sops/:id/publish",
    request: async (setting) => ({
      path: `${sopUrl(await freshProcedure(setting))}/publish`,
      body: { overrideReason: null },
    }),
    expect: staffOfFirstWorkspace(201),
    unchanged: blueprintsOfFirstWorkspace,
  },
  {
    method: "GET",
    route: "/api/sops/:id/versions/:number",
    variant: "shared with the contractor",
    request: async (setting) => ({
      path: `${sopUrl(await publishedProcedure(setting))}/versions/1`,
    }),
    expect: staffAndRunner(200),
  },
  {
    method: "GET",
    route: "/api/sops/:id/versions/:number",
    variant: "published but not shared with the contractor",
    request: async (setting) => ({
      path: `${sopUrl(await publishedProcedure(setting, { shared: false }))}/versions/1`,
    }),
    expect: staffAndRunner(404),
  },
  {
    method: "GET",
    route: "/api/sops/:id/versions/:number",
    variant: "a procedure that is only a draft",
    request: async (setting) => ({ path: `${sopUrl(await freshProcedure(setting))}/versions/1` }),
    expect: signedIn(404),
  },
  {
    method: "POST",
    route: "/api/sops/:id/versions/:number/override",
    request: async (setting) => ({
      path: `${sopUrl(await publishedProcedure(setting, { shared: false, hardToFollow: true }))}/versions/1/override`,
      body: { reason: "Our writers know these words from their training." },
    }),
    expect: ownerOnly(200, 404),
    unchanged: blueprintsOfFirstWorkspace,
  },
  {
    method: "GET",
    route: "/api/sops/:id/diff",
    request: async (setting) => ({
      path: `${sopUrl(await publishedProcedure(setting, { shared: false }))}/diff?from=1&to=1`,
    }),
    expect: staffOfFirstWorkspace(200),
  },
  {
    method: "POST",
    route: "/api/sops/:id/shares",
    request: async (setting) => ({
      path: `${sopUrl(await publishedProcedure(setting, { shared: false }))}/shares`,
      body: { versionNumber: 1, contractorIds: [setting.world.contractor.id] },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged: blueprintsOfFirstWorkspace,
  },
  {
    method: "DELETE",
    route: "/api/sops/:id/shares/:userId",
    request: async (setting) => ({
      path: `${sopUrl(await publishedProcedure(setting))}/shares/${setting.world.contractor.id}`,
    }),
    expect: staffOfFirstWorkspace(204),
    unchanged: blueprintsOfFirstWorkspace,
  },
  {
    method: "GET",
    route: "/api/sops/:id/versions/:number/job-post",
    request: async (setting) => ({
      path: `${sopUrl(await publishedProcedure(setting, { shared: false }))}/versions/1/job-post`,
    }),
    expect: staffOfFirstWorkspace(200),
  },
  {
    method: "GET",
    route: "/api/sops/:id/stuck",
    request: async (setting) => ({ path: `${sopUrl(await publishedProcedure(setting))}/stuck` }),
    expect: staffOfFirstWorkspace(200),
  },
  {
    method: "POST",
    route: "/api/sops/:id/images",
    request: async (setting) => ({
      path: `${sopUrl(await freshProcedure(setting))}/images`,
      body: pngBytes,
      headers: imageHeaders,
    }),
    expect: staffOfFirstWorkspace(201),
    unchanged: blueprintsOfFirstWorkspace,
  },
  {
    method: "GET",
    route: "/api/sops/images/:imageId",
    variant: "shown by a version shared with the contractor",
    request: async (setting) => ({
      path: `/api/sops/images/${await procedureImage(setting, true)}`,
    }),
    expect: staffAndRunner(200),
  },
  {
    method: "GET",
    route: "/api/sops/images/:imageId",
    variant: "of a procedure not shared with the contractor",
    request: async (setting) => ({
      path: `/api/sops/images/${await procedureImage(setting, false)}`,
    }),
    expect: staffAndRunner(404),
  },
  {
    method: "GET",
    route: "/api/portal/sops",
    expect: { owner: 403, manager: 403, contractor: 200, stranger: 403, anonymous: 401 },
  },
  { method: "GET", route: "/api/runs", expect: signedIn(200) },
  {
    method: "POST",
    route: "/api/runs",
    request: async (setting) => ({
      path: "/api/runs",
      body: {
        sopId: await publishedProcedure(setting),
        versionNumber: 1,
        contractorId: setting.world.contractor.id,
        dueDate: "2026-12-01",
      },
    }),
    expect: staffOfFirstWorkspace(201),
    unchanged: blueprintsOfFirstWorkspace,
  },
  {
    method: "GET",
    route: "/api/runs/:id",
    variant: "the contractor's own run",
    request: async (setting) => ({ path: runUrl((await freshRun(setting, "own")).id) }),
    expect: staffAndRunner(200),
  },
  {
    method: "GET",
    route: "/api/runs/:id",
    variant: "another contractor's run",
    request: async (setting) => ({ path: runUrl((await freshRun(setting, "other")).id) }),
    expect: staffAndRunner(404),
  },
  ...stepRows(),
  {
    method: "POST",
    route: "/api/runs/:id/questions/:questionId/answer",
    request: async (setting) => {
      const run = await freshRun(setting, "own");
      const asked = await ask(await workerDevice(setting, "own"), run.id, 0, "Which offer?");
      return {
        path: `${runUrl(run.id)}/questions/${asked.questions[0]!.id}/answer`,
        body: { answer: "The one pinned in the shop." },
      };
    },
    expect: staffOfFirstWorkspace(200),
    unchanged: blueprintsOfFirstWorkspace,
  },
  ...(["own", "other"] as const).map((whose): PermissionRow => ({
    method: "POST",
    route: "/api/runs/:id/submit",
    variant: whose === "own" ? "the contractor's own run" : "another contractor's run",
    request: async (setting) => {
      const run = await freshRun(setting, whose);
      await checkAll(await workerDevice(setting, whose), run);
      return { path: `${runUrl(run.id)}/submit` };
    },
    expect: runner(whose === "own" ? 200 : 404),
    ...(whose === "other" && { unchanged: blueprintsOfFirstWorkspace }),
  })),
];

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
  ...blueprintRows,
  ...hiringRows,
  ...benchRows,
  ...directoryRows,
  ...timeRows,
  ...barterRows,
  ...contractRows,
  ...ledgerRows,
  ...notifyRows,
  ...workRows,
  ...reviewRows,
  ...dashboardRows,
  ...guardrailRows,
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

  it("gives a contractor only the portal, their own profile and their own checklists", async () => {
    const response = await (await deviceOf("contractor")).get("/api/me");
    expect(response.json().permissions.sort()).toEqual([
      "contracts.respond",
      "notifications.use",
      "portal.use",
      "profile.manage",
      "reports.write",
      "runs.work",
    ]);
  });

  it("lets the owner and the manager write procedures, and only the owner set the bar", async () => {
    const owner = (await (await deviceOf("owner")).get("/api/me")).json().permissions;
    const manager = (await (await deviceOf("manager")).get("/api/me")).json().permissions;
    expect(owner).toEqual(expect.arrayContaining(["sops.read", "sops.manage", "sops.settings"]));
    expect(manager).toEqual(expect.arrayContaining(["sops.read", "sops.manage"]));
    expect(manager).not.toContain("sops.settings");
    expect(owner).not.toContain("runs.work");
    expect(manager).not.toContain("runs.work");
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
