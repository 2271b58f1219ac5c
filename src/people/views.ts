import type { InviteView, Person } from "../auth/schema.ts";
import { countryName } from "./countries.ts";
import { millionthsToRate, overlapHours, rateView, type ExchangeRates } from "./rules.ts";
import type { Channel, Contractor, OwnProfile, PeopleSettings, RateChange } from "./schema.ts";
import type {
  ChannelRow,
  ContractorRow,
  ContractorSkillRow,
  ContractorWithChannel,
  PeopleSettingsRow,
  RateChangeRow,
} from "./store.ts";

export function exchangeRatesOf(row: PeopleSettingsRow): ExchangeRates {
  return JSON.parse(row.exchange_rates) as ExchangeRates;
}

export function settingsView(
  row: PeopleSettingsRow,
  workspace: { currency: string; timeZone: string },
): PeopleSettings {
  return {
    minSkillLevel: row.min_skill_level,
    ownerDayStart: row.owner_day_start,
    ownerDayEnd: row.owner_day_end,
    ownerTimeZone: workspace.timeZone,
    workspaceCurrency: workspace.currency,
    exchangeRates: Object.entries(exchangeRatesOf(row))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, millionths]) => ({ currency, rate: millionthsToRate(millionths) })),
  };
}

export type SkillRow = ContractorSkillRow & { area_name: string };

/** Skills with their areas' names, strongest first, then by area. */
export function namedSkills(
  rows: readonly ContractorSkillRow[],
  areaNames: ReadonlyMap<string, string>,
): SkillRow[] {
  return rows
    .map((row) => ({ ...row, area_name: areaNames.get(row.area_id) ?? "" }))
    .sort((a, b) => b.level - a.level || a.area_name.localeCompare(b.area_name));
}

/** What a contractor's view needs beyond the row: the workspace, settings and accounts. */
export interface DirectoryFacts {
  workspace: { currency: string; timeZone: string };
  settings: PeopleSettingsRow;
  accounts: readonly Person[];
  invites: readonly InviteView[];
  now: number;
}

export function portalOf(email: string, facts: Pick<DirectoryFacts, "accounts" | "invites">) {
  const account = facts.accounts.find(
    (person) => person.email === email && person.role === "contractor",
  );
  if (account) return { status: "joined" as const, inviteId: null, userId: account.id };
  const invite = facts.invites.find(
    (candidate) =>
      candidate.email === email &&
      candidate.role === "contractor" &&
      candidate.status === "pending",
  );
  if (invite) return { status: "invited" as const, inviteId: invite.id, userId: null };
  return { status: "none" as const, inviteId: null, userId: null };
}

function skillViews(skills: readonly SkillRow[]) {
  return skills.map((skill) => ({
    areaId: skill.area_id,
    areaName: skill.area_name,
    level: skill.level,
    verified: skill.verified === 1,
  }));
}

export function workingDaysOf(row: ContractorRow): number[] {
  return JSON.parse(row.working_days) as number[];
}

export function contractorView(
  row: ContractorWithChannel,
  skills: readonly SkillRow[],
  facts: DirectoryFacts,
): Contractor {
  const workingDays = workingDaysOf(row);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    country: row.country,
    countryName: row.country === null ? null : countryName(row.country),
    timeZone: row.time_zone,
    dayStart: row.day_start,
    dayEnd: row.day_end,
    workingDays,
    contactMethod: row.contact_method,
    phone: row.phone,
    chatHandle: row.chat_handle,
    hourlyRate: row.hourly_rate,
    projectRate: row.project_rate,
    rateCurrency: row.rate_currency,
    rates: rateView(
      { hourly: row.hourly_rate, project: row.project_rate, currency: row.rate_currency },
      facts.workspace.currency,
      exchangeRatesOf(facts.settings),
    ),
    channelId: row.channel_id,
    channelName: row.channel_name,
    notes: row.notes,
    status: row.status,
    skills: skillViews(skills),
    overlapHours: overlapHours(
      {
        timeZone: facts.workspace.timeZone,
        dayStart: facts.settings.owner_day_start,
        dayEnd: facts.settings.owner_day_end,
      },
      { timeZone: row.time_zone, dayStart: row.day_start, dayEnd: row.day_end, workingDays },
      facts.now,
    ),
    portal: portalOf(row.email, facts),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function rateChangeView(row: RateChangeRow, accounts: readonly Person[]): RateChange {
  return {
    id: row.id,
    hourlyRate: row.hourly_rate,
    projectRate: row.project_rate,
    currency: row.currency,
    changedAt: row.changed_at,
    changedByName: accounts.find((person) => person.id === row.changed_by)?.name ?? null,
  };
}

/** The contractor's own view: no notes, rates, channel, status or verification marks. */
export function ownProfileView(row: ContractorRow, skills: readonly SkillRow[]): OwnProfile {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    country: row.country,
    timeZone: row.time_zone,
    dayStart: row.day_start,
    dayEnd: row.day_end,
    workingDays: workingDaysOf(row),
    contactMethod: row.contact_method,
    phone: row.phone,
    chatHandle: row.chat_handle,
    skills: skillViews(skills).map(({ verified: _verified, ...skill }) => skill),
  };
}

export function channelView(row: ChannelRow & { people: number | string | null }): Channel {
  return {
    id: row.id,
    name: row.name,
    feeBasisPoints: row.fee_basis_points,
    position: row.position,
    archived: row.archived_at !== null,
    people: Number(row.people ?? 0),
  };
}
