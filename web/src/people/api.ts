import type { QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { issuedInviteSchema } from "../../../src/auth/schema.ts";
import {
  channelSchema,
  contractorDetailSchema,
  contractorSchema,
  csvImportResult,
  ownProfileSchema,
  peopleSettingsSchema,
  type ContractorFilter,
  type OwnProfileInput,
} from "../../../src/people/schema.ts";
import { api } from "../app/api.ts";
import { benchKey } from "../guardrails/api.ts";

/** The same keys hiring uses for the directory and channels, so either side's changes show. */
export const directoryKey = ["contractors"] as const;
export const contractorsKey = (filter: ContractorFilter) =>
  ["contractors", "list", filter] as const;
export const contractorKey = (id: string) => ["contractors", "one", id] as const;
export const channelsKey = ["channels"] as const;
export const peopleSettingsKey = ["contractor-settings"] as const;
export const ownProfileKey = ["portal", "profile"] as const;

export const contractorsCsvUrl = "/api/contractors.csv";

/** After any change in the directory: its lists and people, channel counts, candidates and the bench. */
export function refreshDirectory(queryClient: QueryClient) {
  for (const queryKey of [directoryKey, channelsKey, ["openings"], ["candidacies"], benchKey]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

/** The body PUT and POST take: what the form fills in. */
export interface PersonForm {
  name: string;
  email: string;
  country: string | null;
  timeZone: string;
  dayStart: string;
  dayEnd: string;
  workingDays: number[];
  contactMethod: "email" | "phone" | "chat";
  phone: string | null;
  chatHandle: string | null;
  hourlyRate: number | null;
  projectRate: number | null;
  rateCurrency: string;
  channelId: string | null;
  notes: string;
  status: "candidate" | "active" | "paused" | "ended";
  skills: { areaId: string; level: number; verified: boolean }[];
}

export interface ChannelForm {
  name: string;
  feeBasisPoints: number;
  archived: boolean;
}

function query(filter: ContractorFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

const personPath = (id: string) => `/api/contractors/${encodeURIComponent(id)}`;
const channelPath = (id: string) => `/api/channels/${encodeURIComponent(id)}`;

export function fetchContractors(filter: ContractorFilter) {
  return api.get(`/api/contractors${query(filter)}`, z.array(contractorSchema));
}

export function fetchContractor(id: string) {
  return api.get(personPath(id), contractorDetailSchema);
}

export function createContractor(input: PersonForm) {
  return api.post("/api/contractors", input, contractorDetailSchema);
}

export function updateContractor({ id, ...input }: PersonForm & { id: string }) {
  return api.put(personPath(id), input, contractorDetailSchema);
}

export function inviteContractor(id: string) {
  return api.post(`${personPath(id)}/invite`, undefined, issuedInviteSchema);
}

export function importContractors(csv: string) {
  return api.postCsv("/api/contractors/import", csv, csvImportResult);
}

export function fetchChannels() {
  return api.get("/api/channels", z.array(channelSchema));
}

export function createChannel(input: ChannelForm) {
  return api.post("/api/channels", input, channelSchema);
}

export function updateChannel({ id, ...input }: ChannelForm & { id: string }) {
  return api.put(channelPath(id), input, channelSchema);
}

export function deleteChannel(id: string) {
  return api.command("DELETE", channelPath(id));
}

export function fetchPeopleSettings() {
  return api.get("/api/contractor-settings", peopleSettingsSchema);
}

export function savePeopleSettings(input: {
  minSkillLevel: number;
  ownerDayStart: string;
  ownerDayEnd: string;
  exchangeRates: { currency: string; rate: string }[];
}) {
  return api.put("/api/contractor-settings", input, peopleSettingsSchema);
}

export function fetchOwnProfile() {
  return api.get("/api/portal/profile", ownProfileSchema);
}

export function saveOwnProfile(input: OwnProfileInput) {
  return api.put("/api/portal/profile", input, ownProfileSchema);
}
