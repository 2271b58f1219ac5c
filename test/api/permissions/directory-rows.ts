import type { Channel, ContractorDetail } from "../../../src/people/schema.ts";
import { uniqueEmail } from "../../support/accounts.ts";
import { directoryOf, personInput } from "../../support/directory.ts";
import {
  csvHeaders,
  ownerOnly,
  staff,
  staffOfFirstWorkspace,
  unique,
  type Caller,
  type PermissionRow,
  type RowSetting,
} from "../../support/permissions.ts";
import { bodyOf, read } from "../../support/worth.ts";

/** The contractor directory, its channels and settings, and the contractor's own profile. */

async function firstDirectory(setting: RowSetting): Promise<unknown> {
  const owner = await setting.ownerDevice();
  return {
    directory: await directoryOf(owner),
    settings: await read(owner, "/api/contractor-settings"),
  };
}

async function freshPerson(setting: RowSetting): Promise<ContractorDetail> {
  const owner = await setting.ownerDevice();
  return bodyOf<ContractorDetail>(
    await owner.post("/api/contractors", personInput({ email: uniqueEmail("row") })),
    201,
  );
}

async function freshChannel(setting: RowSetting): Promise<Channel> {
  const owner = await setting.ownerDevice();
  return bodyOf<Channel>(await owner.post("/api/channels", { name: `Row ${unique()}` }), 201);
}

const contractorOnly = (status: number): Record<Caller, number> => ({
  owner: 403,
  manager: 403,
  contractor: status,
  stranger: 403,
  anonymous: 401,
});

const ownFields = {
  timeZone: "Europe/Kyiv",
  dayStart: "08:00",
  dayEnd: "16:00",
  contactMethod: "chat",
  chatHandle: "@subject",
};

export const directoryRows: PermissionRow[] = [
  { method: "GET", route: "/api/contractors", expect: staff(200) },
  {
    method: "POST",
    route: "/api/contractors",
    request: async () => ({
      path: "/api/contractors",
      body: personInput({ email: uniqueEmail("post"), rateCurrency: "EUR" }),
    }),
    expect: staff(201),
    unchanged: firstDirectory,
  },
  { method: "GET", route: "/api/contractors.csv", expect: staff(200) },
  {
    method: "POST",
    route: "/api/contractors/import",
    request: async () => ({
      path: "/api/contractors/import",
      body: `name,email,time_zone,rate_currency\nImported,${uniqueEmail("csv")},UTC,USD\n`,
      headers: csvHeaders,
    }),
    expect: staff(200),
    unchanged: firstDirectory,
  },
  {
    method: "GET",
    route: "/api/contractors/:id",
    request: async (setting) => ({ path: `/api/contractors/${(await freshPerson(setting)).id}` }),
    expect: staffOfFirstWorkspace(200),
  },
  {
    method: "PUT",
    route: "/api/contractors/:id",
    request: async (setting) => {
      const person = await freshPerson(setting);
      return {
        path: `/api/contractors/${person.id}`,
        body: personInput({ email: person.email, notes: `Changed ${unique()}` }),
      };
    },
    expect: staffOfFirstWorkspace(200),
    unchanged: firstDirectory,
  },
  {
    method: "POST",
    route: "/api/contractors/:id/invite",
    request: async (setting) => ({
      path: `/api/contractors/${(await freshPerson(setting)).id}/invite`,
    }),
    expect: ownerOnly(201, 404),
    unchanged: firstDirectory,
  },
  { method: "GET", route: "/api/contractor-settings", expect: staff(200) },
  {
    method: "PUT",
    route: "/api/contractor-settings",
    request: async () => ({
      path: "/api/contractor-settings",
      body: { minSkillLevel: (unique() % 5) + 1 },
    }),
    expect: ownerOnly(200, 200),
    unchanged: firstDirectory,
  },
  { method: "GET", route: "/api/channels", expect: staff(200) },
  {
    method: "POST",
    route: "/api/channels",
    request: async () => ({ path: "/api/channels", body: { name: `Channel ${unique()}` } }),
    expect: staff(201),
    unchanged: firstDirectory,
  },
  {
    method: "PUT",
    route: "/api/channels/:id",
    request: async (setting) => ({
      path: `/api/channels/${(await freshChannel(setting)).id}`,
      body: { name: `Renamed ${unique()}`, feeBasisPoints: 1000 },
    }),
    expect: staffOfFirstWorkspace(200),
    unchanged: firstDirectory,
  },
  {
    method: "DELETE",
    route: "/api/channels/:id",
    request: async (setting) => ({ path: `/api/channels/${(await freshChannel(setting)).id}` }),
    expect: staffOfFirstWorkspace(204),
    unchanged: firstDirectory,
  },
  { method: "GET", route: "/api/portal/profile", expect: contractorOnly(200) },
  {
    method: "PUT",
    route: "/api/portal/profile",
    request: async () => ({ path: "/api/portal/profile", body: ownFields }),
    expect: contractorOnly(200),
  },
];
