import { newDevice } from "./accounts.ts";
import type { TestApp } from "./app.ts";
import type { ApiClient } from "./client.ts";
import type { Person, World } from "./world.ts";

/**
 * The shape of the table-driven permission test: each area's rows live beside it in
 * test/api/permissions/ and the test walks them all for every caller.
 */

/** Everyone who may knock: the three roles, the owner of another workspace, and nobody. */
export type Caller = "owner" | "manager" | "contractor" | "stranger" | "anonymous";
export const callers: readonly Caller[] = [
  "owner",
  "manager",
  "contractor",
  "stranger",
  "anonymous",
];

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

export const usualCodes: Record<number, string> = {
  401: "auth.required",
  403: "forbidden",
  404: "not_found",
};

export const everyone = (status: number): Record<Caller, number> => ({
  owner: status,
  manager: status,
  contractor: status,
  stranger: status,
  anonymous: status,
});
export const signedIn = (status: number): Record<Caller, number> => ({
  ...everyone(status),
  anonymous: 401,
});
/** Owner and manager may; the stranger reaches only their own workspace's copy. */
export const staff = (status: number): Record<Caller, number> => ({
  ...signedIn(status),
  contractor: 403,
});
/** Only the owner may; `stranger` is what the other workspace's owner gets. */
export const ownerOnly = (status: number, stranger: number): Record<Caller, number> => ({
  owner: status,
  manager: 403,
  contractor: 403,
  stranger,
  anonymous: 401,
});

export const someUuid = "0190a0a0-0000-7000-8000-000000000000";

export const csvHeaders = { "content-type": "text/csv" };

/** Owner and manager of the first workspace may; the stranger only gets at their own copy. */
export const staffOfFirstWorkspace = (status: number): Record<Caller, number> => ({
  ...staff(status),
  stranger: 404,
});

let made = 0;
/** A number no other request in this file has used, so a change would show. */
export const unique = () => {
  made += 1;
  return made;
};

/** The caller's own workspace: the stranger's for the stranger, the first one for the rest. */
export async function ownWorkspaceDevice(setting: RowSetting): Promise<ApiClient> {
  return setting.caller === "stranger"
    ? newDevice(setting.app, setting.world.stranger)
    : setting.ownerDevice();
}
