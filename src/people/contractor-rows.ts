import { uuidv7 } from "uuidv7";
import type { ContractorStatus } from "../db/tables.ts";
import { NEW_CONTRACTOR_DEFAULTS, type OwnProfileInput } from "./schema.ts";
import type { ContractorRow } from "./store.ts";

/** The columns a contractor keeps up to date themselves, from the portal or the directory form. */
export function ownColumns(input: OwnProfileInput) {
  return {
    country: input.country,
    time_zone: input.timeZone,
    day_start: input.dayStart,
    day_end: input.dayEnd,
    working_days: JSON.stringify(input.workingDays),
    contact_method: input.contactMethod,
    phone: input.phone,
    chat_handle: input.chatHandle,
  };
}

/** Who a record is made for when hiring or the portal adds it, not the directory form. */
export interface NewContractor {
  workspaceId: string;
  name: string;
  email: string;
  country: string | null;
  timeZone: string;
  rateCurrency: string;
  channelId: string | null;
  status: ContractorStatus;
  now: number;
}

/** A directory record with everything nobody has said yet at the directory's defaults. */
export function newContractorRow(person: NewContractor): ContractorRow {
  return {
    id: uuidv7(),
    workspace_id: person.workspaceId,
    name: person.name,
    email: person.email,
    ...ownColumns({
      ...NEW_CONTRACTOR_DEFAULTS,
      workingDays: [...NEW_CONTRACTOR_DEFAULTS.workingDays],
      country: person.country,
      timeZone: person.timeZone,
      phone: null,
      chatHandle: null,
    }),
    hourly_rate: null,
    project_rate: null,
    rate_currency: person.rateCurrency,
    channel_id: person.channelId,
    notes: "",
    status: person.status,
    created_at: person.now,
    updated_at: person.now,
  };
}
