import type { Response } from "light-my-request";
import { expect } from "vitest";
import { createWorkspace } from "../../src/auth/service.ts";
import type { Area, Audit, AuditTask, Worth } from "../../src/worth/schema.ts";
import { newDevice, uniqueEmail } from "./accounts.ts";
import type { TestApp } from "./app.ts";
import type { ApiClient } from "./client.ts";
import { PASSWORD, type Person } from "./world.ts";

/** Whole dollars (or euros…) in cents, the minor units every amount is sent in. */
export const dollars = (amount: number): number => Math.round(amount * 100);

/** The body of an answer that must have the given status; fails the test otherwise. */
export function bodyOf<T>(response: Response, status = 200): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

/** GET that must answer 200, returning the body. */
export async function read<T>(client: ApiClient, url: string): Promise<T> {
  return bodyOf<T>(await client.get(url));
}

/** A workspace of its own in the given currency, with its owner signed in on a new device. */
export async function ownerOfNewWorkspace(app: TestApp, currency: string): Promise<Person> {
  const email = uniqueEmail(`owner-${currency.toLowerCase()}`);
  const created = await createWorkspace(
    app.ctx,
    {
      workspaceName: `${currency} Shop`,
      ownerName: "Another Owner",
      email,
      password: PASSWORD,
      currency,
      timeZone: "UTC",
    },
    { onlyIfFirst: false },
  );
  const person = { id: created.userId, workspaceId: created.workspaceId };
  return { ...person, email, client: await newDevice(app, person) };
}

/** PUT /api/worth/earnings on the hours basis: profit over hours worked in a year. */
export async function earnPerYear(
  client: ApiClient,
  profitPerYear: number,
  hoursPerYear = 2080,
): Promise<Worth> {
  return bodyOf<Worth>(
    await client.put("/api/worth/earnings", { basis: "hours", profitPerYear, hoursPerYear }),
  );
}

/** The seed's $150,000 over 250 days of 8 hours: $75 an hour. */
export async function earnSeventyFiveAnHour(client: ApiClient): Promise<Worth> {
  return bodyOf<Worth>(
    await client.put("/api/worth/earnings", {
      basis: "days",
      profitPerYear: dollars(150_000),
      daysPerYear: 250,
      hoursPerDay: 8,
    }),
  );
}

export async function areas(client: ApiClient): Promise<Area[]> {
  return read<Area[]>(client, "/api/worth/areas");
}

/** The id of an area by its name, making the default areas first if need be. */
export async function areaIdOf(client: ApiClient, name: string): Promise<string> {
  const area = (await areas(client)).find((candidate) => candidate.name === name);
  expect(area, `no area named ${name}`).toBeDefined();
  return area!.id;
}

export interface NewTask {
  name?: string;
  area?: string;
  hoursPerWeek?: number;
  skill?: number;
  enjoyment?: number;
  strategic?: boolean;
  needed?: boolean;
  marketRate?: number | null;
}

let taskCounter = 0;

/** Adds a task through the API: by default 6 h a week of admin at $12/h, skill and enjoyment 3. */
export async function addTask(client: ApiClient, task: NewTask = {}): Promise<AuditTask> {
  taskCounter += 1;
  const { area = "admin", name = `Task ${taskCounter}`, ...rest } = task;
  const response = await client.post("/api/worth/tasks", {
    name,
    areaId: await areaIdOf(client, area),
    hoursPerWeek: 6,
    skill: 3,
    enjoyment: 3,
    marketRate: dollars(12),
    ...rest,
  });
  return bodyOf<AuditTask>(response, 201);
}

export async function audit(client: ApiClient): Promise<Audit> {
  return read<Audit>(client, "/api/worth/audit");
}

/** Removes every task, so a test starts from an empty audit. */
export async function clearTasks(client: ApiClient): Promise<void> {
  for (const task of (await audit(client)).tasks) {
    expect((await client.delete(`/api/worth/tasks/${task.id}`)).statusCode).toBe(204);
  }
}
