import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { IssuedInvite } from "../auth/schema.ts";
import { createInvite, getWorkspace, listInvites, listPeople } from "../auth/team-service.ts";
import type { AppContext } from "../context.ts";
import { Conflict, Invalid, NotFound, type FieldProblems } from "../errors.ts";
import { refuseIfProblems } from "../csv.ts";
import { areaNames } from "../worth/service.ts";
import {
  contractorRecord,
  contractorsFromCsv,
  contractorsToCsv,
  type ImportedContractor,
} from "./csv.ts";
import { ownColumns } from "./contractor-rows.ts";
import { rolledUpScore } from "./hiring-rules.ts";
import { listScores } from "./hiring-store.ts";
import {
  DEFAULT_MIN_SKILL_LEVEL,
  DEFAULT_OWNER_DAY,
  defaultChannels,
  nameKey,
  rateToMillionths,
} from "./rules.ts";
import type {
  Contractor,
  ContractorDetail,
  ContractorFilter,
  ContractorInput,
  PeopleSettings,
  peopleSettingsInput,
} from "./schema.ts";
import * as store from "./store.ts";
import {
  contractorView,
  namedSkills,
  portalOf,
  rateChangeView,
  settingsView,
  type DirectoryFacts,
  type SkillRow,
} from "./views.ts";
import type { z } from "zod";

type Db = AppContext["db"];

/**
 * The workspace's people settings, made with the default channels the first time either
 * is read. Inserting the settings row decides which caller seeds, so two first reads at
 * once seed the channels only once.
 */
export async function ensureSettings(
  ctx: AppContext,
  workspaceId: string,
): Promise<store.PeopleSettingsRow> {
  const existing = await store.findSettings(ctx.db, workspaceId);
  if (existing) return existing;
  const now = ctx.now();
  const row = {
    workspace_id: workspaceId,
    min_skill_level: DEFAULT_MIN_SKILL_LEVEL,
    owner_day_start: DEFAULT_OWNER_DAY.start,
    owner_day_end: DEFAULT_OWNER_DAY.end,
    exchange_rates: "{}",
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await store.insertSettingsIfMissing(trx, row))) return;
    await store.insertChannels(
      trx,
      defaultChannels.map((name, position) => ({
        id: uuidv7(),
        workspace_id: workspaceId,
        name,
        fee_basis_points: 0,
        position,
        archived_at: null,
        created_at: now,
      })),
    );
  });
  return (await store.findSettings(ctx.db, workspaceId)) ?? row;
}

export async function getSettings(ctx: AppContext, actor: Actor): Promise<PeopleSettings> {
  authorize(actor, "contractors.read");
  const workspace = await getWorkspace(ctx, actor);
  return settingsView(await ensureSettings(ctx, actor.workspaceId), workspace);
}

export async function updateSettings(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof peopleSettingsInput>,
): Promise<PeopleSettings> {
  authorize(actor, "people.settings");
  const workspace = await getWorkspace(ctx, actor);
  const current = await ensureSettings(ctx, actor.workspaceId);
  const dayStart = input.ownerDayStart ?? current.owner_day_start;
  const dayEnd = input.ownerDayEnd ?? current.owner_day_end;
  if (dayEnd <= dayStart) {
    throw new Invalid("people.day_order", "The owner's day ends after it starts", {
      ownerDayEnd: "The day ends after it starts",
    });
  }
  const own = input.exchangeRates?.findIndex((rate) => rate.currency === workspace.currency);
  if (own !== undefined && own >= 0) {
    throw new Invalid("people.own_currency", "The workspace currency needs no exchange rate", {
      [`exchangeRates.${own}.currency`]: `${workspace.currency} is the workspace currency`,
    });
  }
  await store.updateSettings(ctx.db, actor.workspaceId, {
    ...(input.minSkillLevel !== undefined && { min_skill_level: input.minSkillLevel }),
    owner_day_start: dayStart,
    owner_day_end: dayEnd,
    ...(input.exchangeRates && {
      exchange_rates: JSON.stringify(
        Object.fromEntries(
          input.exchangeRates.map((rate) => [rate.currency, rateToMillionths(rate.rate)]),
        ),
      ),
    }),
    updated_at: ctx.now(),
  });
  return getSettings(ctx, actor);
}

/** Everything a contractor's view needs besides its own rows, read once per answer. */
async function directoryFacts(ctx: AppContext, actor: Actor): Promise<DirectoryFacts> {
  const [workspace, settings, accounts, invites] = await Promise.all([
    getWorkspace(ctx, actor),
    ensureSettings(ctx, actor.workspaceId),
    listPeople(ctx, actor),
    listInvites(ctx, actor),
  ]);
  return { workspace, settings, accounts, invites, now: ctx.now() };
}

/** The skills of the people given, with their areas' names, by person. */
export async function skillsByPerson(
  ctx: AppContext,
  actor: Actor,
  contractorIds: readonly string[],
): Promise<Map<string, SkillRow[]>> {
  const [rows, names] = await Promise.all([
    store.listSkills(ctx.db, actor.workspaceId, contractorIds),
    areaNames(ctx, actor),
  ]);
  const byPerson = new Map<string, SkillRow[]>();
  for (const skill of namedSkills(rows, names)) {
    byPerson.set(skill.contractor_id, [...(byPerson.get(skill.contractor_id) ?? []), skill]);
  }
  return byPerson;
}

async function contractorViews(
  ctx: AppContext,
  actor: Actor,
  rows: readonly store.ContractorWithChannel[],
  facts: DirectoryFacts,
): Promise<Contractor[]> {
  const skills = await skillsByPerson(
    ctx,
    actor,
    rows.map((row) => row.id),
  );
  return rows.map((row) => contractorView(row, skills.get(row.id) ?? [], facts));
}

export async function listContractors(
  ctx: AppContext,
  actor: Actor,
  filter: ContractorFilter = {},
): Promise<Contractor[]> {
  authorize(actor, "contractors.read");
  const { minOverlapHours, ...query } = filter;
  const rows = await store.listContractors(ctx.db, actor.workspaceId, query);
  const people = await contractorViews(ctx, actor, rows, await directoryFacts(ctx, actor));
  return minOverlapHours === undefined
    ? people
    : people.filter((person) => person.overlapHours >= minOverlapHours);
}

async function requireContractor(db: Db, actor: Actor, contractorId: string) {
  const row = await store.findContractorWithChannel(db, actor.workspaceId, contractorId);
  if (!row) throw new NotFound("not_found", "Person not found");
  return row;
}

export async function getContractor(
  ctx: AppContext,
  actor: Actor,
  contractorId: string,
): Promise<ContractorDetail> {
  authorize(actor, "contractors.read");
  const row = await requireContractor(ctx.db, actor, contractorId);
  const [facts, skills, rateChanges, candidacies] = await Promise.all([
    directoryFacts(ctx, actor),
    skillsByPerson(ctx, actor, [row.id]),
    store.listRateChanges(ctx.db, actor.workspaceId, contractorId),
    store.candidaciesOf(ctx.db, actor.workspaceId, contractorId),
  ]);
  const scores = await listScores(
    ctx.db,
    actor.workspaceId,
    candidacies.map((candidacy) => candidacy.id),
  );
  return {
    ...contractorView(row, skills.get(row.id) ?? [], facts),
    rateHistory: rateChanges.map((change) => rateChangeView(change, facts.accounts)),
    candidacies: candidacies.map((candidacy) => ({
      id: candidacy.id,
      openingId: candidacy.opening_id,
      openingTitle: candidacy.opening_title,
      stage: candidacy.stage,
      score: rolledUpScore(scores.filter((score) => score.candidacy_id === candidacy.id)),
    })),
  };
}

function checkAreas(skills: ContractorInput["skills"], areas: Map<string, string>): void {
  const problems: FieldProblems = {};
  skills.forEach((skill, index) => {
    if (!areas.has(skill.areaId)) problems[`skills.${index}.areaId`] = "Choose one of your areas";
  });
  if (Object.keys(problems).length > 0) {
    throw new Invalid(
      "contractor.unknown_area",
      "A skill names an area that does not exist",
      problems,
    );
  }
}

/**
 * The directory's checks on a person's email and channel, for its own form and for hiring's
 * new candidates (whose fields sit under `person.`). `exceptId` may keep its own email.
 */
export async function checkPersonFields(
  db: Db,
  actor: Actor,
  person: { email: string; channelId: string | null },
  { fieldPrefix = "", exceptId }: { fieldPrefix?: string; exceptId?: string } = {},
): Promise<void> {
  const holder = await store.findContractorByEmail(db, actor.workspaceId, person.email);
  if (holder && holder.id !== exceptId) {
    throw new Conflict(
      "contractor.email_taken",
      `${holder.name} already has this email in the directory (contractor ${holder.id})`,
      { [`${fieldPrefix}email`]: "Someone in the directory already has this email" },
    );
  }
  if (person.channelId && !(await store.findChannel(db, actor.workspaceId, person.channelId))) {
    throw new Invalid("contractor.unknown_channel", "That channel does not exist", {
      [`${fieldPrefix}channelId`]: "Choose one of your channels",
    });
  }
}

function rowFields(input: ContractorInput) {
  return {
    name: input.name,
    email: input.email,
    ...ownColumns(input),
    hourly_rate: input.hourlyRate,
    project_rate: input.projectRate,
    rate_currency: input.rateCurrency,
    channel_id: input.channelId,
    notes: input.notes,
    status: input.status,
  };
}

function rateChanged(before: store.ContractorRow, input: ContractorInput): boolean {
  return (
    before.hourly_rate !== input.hourlyRate ||
    before.project_rate !== input.projectRate ||
    before.rate_currency !== input.rateCurrency
  );
}

/**
 * Writes a person and their skills, adding to the rate history when the rate is new or
 * changed (a record without any rate starts its history at its first rate).
 */
async function saveContractor(
  trx: Db,
  actor: Actor,
  before: store.ContractorRow | undefined,
  input: ContractorInput,
  now: number,
): Promise<string> {
  const id = before?.id ?? uuidv7();
  if (before) {
    await store.updateContractor(trx, actor.workspaceId, id, {
      ...rowFields(input),
      updated_at: now,
    });
  } else {
    await store.insertContractor(trx, {
      id,
      workspace_id: actor.workspaceId,
      ...rowFields(input),
      created_at: now,
      updated_at: now,
    });
  }
  await store.replaceSkills(
    trx,
    actor.workspaceId,
    id,
    input.skills.map((skill) => ({
      id: uuidv7(),
      workspace_id: actor.workspaceId,
      contractor_id: id,
      area_id: skill.areaId,
      level: skill.level,
      verified: skill.verified ? 1 : 0,
    })),
  );
  const hasRate = input.hourlyRate !== null || input.projectRate !== null;
  if (before ? rateChanged(before, input) : hasRate) {
    await store.insertRateChange(trx, {
      id: uuidv7(),
      workspace_id: actor.workspaceId,
      contractor_id: id,
      hourly_rate: input.hourlyRate,
      project_rate: input.projectRate,
      currency: input.rateCurrency,
      changed_at: now,
      changed_by: actor.via.kind === "command-line" ? null : actor.userId,
    });
  }
  return id;
}

export async function createContractor(
  ctx: AppContext,
  actor: Actor,
  input: ContractorInput,
): Promise<ContractorDetail> {
  authorize(actor, "contractors.manage");
  await ensureSettings(ctx, actor.workspaceId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    checkAreas(input.skills, await areaNames({ ...ctx, db: trx }, actor));
    await checkPersonFields(trx, actor, input);
    return saveContractor(trx, actor, undefined, input, ctx.now());
  });
  return getContractor(ctx, actor, id);
}

/** The portal account is found by email, so the email is fixed once someone has joined. */
async function checkEmailChange(
  ctx: AppContext,
  actor: Actor,
  before: store.ContractorRow,
  email: string,
): Promise<void> {
  if (before.email === email) return;
  const facts = await directoryFacts(ctx, actor);
  if (portalOf(before.email, facts).status === "joined") {
    throw new Conflict(
      "contractor.email_locked",
      "This person has a portal account, so their email stays as it is",
      { email: "Fixed: their portal account uses this email" },
    );
  }
}

export async function updateContractor(
  ctx: AppContext,
  actor: Actor,
  contractorId: string,
  input: ContractorInput,
): Promise<ContractorDetail> {
  authorize(actor, "contractors.manage");
  await ctx.db.transaction().execute(async (trx) => {
    const inTransaction = { ...ctx, db: trx };
    const before = await requireContractor(trx, actor, contractorId);
    await checkEmailChange(inTransaction, actor, before, input.email);
    checkAreas(input.skills, await areaNames(inTransaction, actor));
    await checkPersonFields(trx, actor, input, { exceptId: contractorId });
    await saveContractor(trx, actor, before, input, ctx.now());
  });
  return getContractor(ctx, actor, contractorId);
}

/** Sends the person an invitation to the portal as a contractor, under the same email. */
export async function inviteContractor(
  ctx: AppContext,
  actor: Actor,
  contractorId: string,
): Promise<IssuedInvite> {
  authorize(actor, "contractors.manage");
  const row = await requireContractor(ctx.db, actor, contractorId);
  if (portalOf(row.email, await directoryFacts(ctx, actor)).status === "joined") {
    throw new Conflict("contractor.portal_joined", "This person already has a portal account");
  }
  return createInvite(ctx, actor, { email: row.email, role: "contractor" });
}

export async function exportContractorsCsv(ctx: AppContext, actor: Actor): Promise<string> {
  return contractorsToCsv(await listContractors(ctx, actor));
}

/** Name → id by nameKey; of two names that differ only by case, the first wins. */
function idsByName(entries: readonly (readonly [id: string, name: string])[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [id, name] of entries) if (!ids.has(nameKey(name))) ids.set(nameKey(name), id);
  return ids;
}

/** Names in the file → ids, each unknown name a problem on its line. */
async function resolveNames(
  ctx: AppContext,
  actor: Actor,
  people: readonly ImportedContractor[],
): Promise<ContractorInput[]> {
  const [names, channelRows] = await Promise.all([
    areaNames(ctx, actor),
    store.listChannels(ctx.db, actor.workspaceId),
  ]);
  const areas = idsByName([...names]);
  const channels = idsByName(channelRows.map((row) => [row.id, row.name]));
  const problems: FieldProblems = {};
  const inputs = people.map((person) => {
    const channelId = person.channelName
      ? (channels.get(nameKey(person.channelName)) ?? null)
      : null;
    if (person.channelName && !channelId) {
      problems[`line ${person.line}: channel`] = `No channel is called “${person.channelName}”`;
    }
    const skills = person.skills.map((skill) => {
      const areaId = areas.get(nameKey(skill.areaName));
      if (!areaId)
        problems[`line ${person.line}: skills`] ??= `No area is called “${skill.areaName}”`;
      return { areaId: areaId ?? "", level: skill.level, verified: skill.verified };
    });
    if (new Set(skills.map((skill) => skill.areaId)).size !== skills.length) {
      problems[`line ${person.line}: skills`] ??= "Each skill area once";
    }
    return { ...person.input, channelId, skills };
  });
  refuseIfProblems(problems);
  return inputs;
}

/**
 * Imports a directory file: an email already in the directory updates that person, keeping
 * what they have in the columns the file leaves out; a new one adds them. All or nothing,
 * read and written in one transaction.
 */
export async function importContractorsCsv(
  ctx: AppContext,
  actor: Actor,
  text: string,
): Promise<{ created: number; updated: number }> {
  authorize(actor, "contractors.manage");
  await ensureSettings(ctx, actor.workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const inTransaction = { ...ctx, db: trx };
    const directory = await listContractors(inTransaction, actor);
    const known = new Map(directory.map((person) => [person.email, contractorRecord(person)]));
    const inputs = await resolveNames(inTransaction, actor, contractorsFromCsv(text, known));
    const now = ctx.now();
    let created = 0;
    for (const input of inputs) {
      const before = await store.findContractorByEmail(trx, actor.workspaceId, input.email);
      if (!before) created += 1;
      await saveContractor(trx, actor, before, input, now);
    }
    return { created, updated: inputs.length - created };
  });
}
