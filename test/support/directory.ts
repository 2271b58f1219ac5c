import type { ContractorDetail, ContractorInput } from "../../src/people/schema.ts";
import type { Area } from "../../src/worth/schema.ts";
import { uniqueEmail } from "./accounts.ts";
import type { ApiClient } from "./client.ts";
import { bodyOf, read } from "./worth.ts";

/** A valid new person for the directory; tests override what they are about. */
export function personInput(overrides: Partial<ContractorInput> = {}): Record<string, unknown> {
  return {
    name: "Ana Reyes",
    email: uniqueEmail("ana"),
    timeZone: "America/Chicago",
    rateCurrency: "USD",
    ...overrides,
  };
}

export async function addPerson(
  owner: ApiClient,
  overrides: Partial<ContractorInput> = {},
): Promise<ContractorDetail> {
  return bodyOf<ContractorDetail>(
    await owner.post("/api/contractors", personInput(overrides)),
    201,
  );
}

export async function areaId(owner: ApiClient, name: string): Promise<string> {
  const area = (await read<Area[]>(owner, "/api/worth/areas")).find((a) => a.name === name);
  if (!area) throw new Error(`no area ${name}`);
  return area.id;
}

export async function channelId(owner: ApiClient, name: string): Promise<string> {
  const channels = await read<{ id: string; name: string }[]>(owner, "/api/channels");
  const channel = channels.find((c) => c.name === name);
  if (!channel) throw new Error(`no channel ${name}`);
  return channel.id;
}

/** The whole directory as the owner sees it, to show a refused request changed nothing. */
export async function directoryOf(owner: ApiClient): Promise<unknown> {
  const people = await read<{ id: string }[]>(owner, "/api/contractors");
  const details = [];
  for (const person of people) details.push(await read(owner, `/api/contractors/${person.id}`));
  return { details, channels: await read(owner, "/api/channels") };
}

/** The input that PUT takes, from what GET gave. */
export function inputOf(person: ContractorDetail): Record<string, unknown> {
  return {
    name: person.name,
    email: person.email,
    country: person.country,
    timeZone: person.timeZone,
    dayStart: person.dayStart,
    dayEnd: person.dayEnd,
    workingDays: person.workingDays,
    contactMethod: person.contactMethod,
    phone: person.phone,
    chatHandle: person.chatHandle,
    hourlyRate: person.hourlyRate,
    projectRate: person.projectRate,
    rateCurrency: person.rateCurrency,
    channelId: person.channelId,
    notes: person.notes,
    status: person.status,
    skills: person.skills.map(({ areaId, level, verified }) => ({ areaId, level, verified })),
  };
}
