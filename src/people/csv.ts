import { emailSchema } from "../auth/schema.ts";
import { addIssueProblems, readCsvRows, refuseIfProblems, toCsv } from "../csv.ts";
import type { FieldProblems } from "../errors.ts";
import { formatMajorAmount, parseMajorAmount } from "../money/amount.ts";
import { currencySchema } from "../money/currency.ts";
import { contractorInput, type Contractor, type ContractorInput } from "./schema.ts";

/**
 * The directory as CSV. Rates are in major units of rate_currency ("25.00"); working days
 * are English day abbreviations separated by spaces ("Mon Tue Wed Thu Fri"); skills are
 * "Area:level" separated by semicolons, with a trailing * for a verified skill
 * ("Writing:4*; Design:3"). Areas and the channel are named, not numbered.
 */
export const contractorColumns = [
  "name",
  "email",
  "country",
  "time_zone",
  "day_start",
  "day_end",
  "working_days",
  "contact_method",
  "phone",
  "chat_handle",
  "hourly_rate",
  "project_rate",
  "rate_currency",
  "channel",
  "status",
  "skills",
  "notes",
] as const;
type ContractorColumn = (typeof contractorColumns)[number];

const requiredColumns = ["name", "email", "time_zone", "rate_currency"] as const;

const dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

export function formatWorkingDays(days: readonly number[]): string {
  return days.map((day) => dayNames[day - 1]).join(" ");
}

/** "Mon Tue Wed" → [1, 2, 3]; null when a word is not a day. */
export function parseWorkingDays(text: string): number[] | null {
  const days: number[] = [];
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    const index = dayNames.findIndex((name) => name.toLowerCase() === word.toLowerCase());
    if (index < 0) return null;
    days.push(index + 1);
  }
  return days;
}

export interface NamedSkill {
  areaName: string;
  level: number;
  verified: boolean;
}

export function formatSkills(skills: readonly NamedSkill[]): string {
  return skills
    .map((skill) => `${skill.areaName}:${skill.level}${skill.verified ? "*" : ""}`)
    .join("; ");
}

/** "Writing:4*; Design:3" → skills; null when an entry is not "Area:level". */
export function parseSkills(text: string): NamedSkill[] | null {
  const skills: NamedSkill[] = [];
  for (const entry of text.split(";").map((part) => part.trim())) {
    if (entry === "") continue;
    const match = /^(.+?)\s*:\s*(\d+)\s*(\*)?$/.exec(entry);
    if (!match?.[1] || !match[2]) return null;
    skills.push({ areaName: match[1].trim(), level: Number(match[2]), verified: match[3] === "*" });
  }
  return skills;
}

function majorOrBlank(amount: number | null, currency: string): string {
  return amount === null ? "" : formatMajorAmount(amount, currency);
}

/** A person as the cells of their line in the file. */
export function contractorRecord(person: Contractor): Record<ContractorColumn, string> {
  return {
    name: person.name,
    email: person.email,
    country: person.country ?? "",
    time_zone: person.timeZone,
    day_start: person.dayStart,
    day_end: person.dayEnd,
    working_days: formatWorkingDays(person.workingDays),
    contact_method: person.contactMethod,
    phone: person.phone ?? "",
    chat_handle: person.chatHandle ?? "",
    hourly_rate: majorOrBlank(person.hourlyRate, person.rateCurrency),
    project_rate: majorOrBlank(person.projectRate, person.rateCurrency),
    rate_currency: person.rateCurrency,
    channel: person.channelName ?? "",
    status: person.status,
    skills: formatSkills(person.skills),
    notes: person.notes,
  };
}

export function contractorsToCsv(contractors: readonly Contractor[]): string {
  return toCsv(
    contractorColumns,
    contractors.map((person) => {
      const record = contractorRecord(person);
      return contractorColumns.map((column) => record[column]);
    }),
  );
}

/** A row read from the file: the input with its areas and channel still named. */
export interface ImportedContractor {
  line: number;
  input: ContractorInput;
  skills: NamedSkill[];
  channelName: string | null;
}

const columnOf: Record<string, string> = {
  timeZone: "time_zone",
  dayStart: "day_start",
  dayEnd: "day_end",
  workingDays: "working_days",
  contactMethod: "contact_method",
  chatHandle: "chat_handle",
  hourlyRate: "hourly_rate",
  projectRate: "project_rate",
  rateCurrency: "rate_currency",
};

const orNull = (text: string | undefined) => (text ? text : null);
const orDefault = (text: string | undefined) => (text ? text : undefined);

/** Reads one row into API input, noting each problem as "line N: column". */
function readRow(
  record: Record<string, string>,
  line: number,
  problems: FieldProblems,
): ImportedContractor | null {
  const problem = (column: string, message: string) => {
    problems[`line ${line}: ${column}`] ??= message;
  };
  const currency = currencySchema.safeParse(record.rate_currency ?? "");
  const rate = (column: "hourly_rate" | "project_rate") => {
    const text = record[column] ?? "";
    if (text === "" || !currency.success) return null;
    const amount = parseMajorAmount(text, currency.data);
    if (amount === null) problem(column, `Use an amount like 25.00 in ${currency.data}`);
    return amount;
  };
  const workingDays = record.working_days ? parseWorkingDays(record.working_days) : undefined;
  if (workingDays === null) problem("working_days", "Use day names such as Mon Tue Wed Thu Fri");
  const skills = parseSkills(record.skills ?? "");
  if (skills === null)
    problem("skills", "Write skills as Area:level, such as Writing:4*; Design:3");
  const parsed = contractorInput.safeParse({
    name: record.name,
    email: record.email,
    country: orNull(record.country),
    timeZone: record.time_zone,
    dayStart: orDefault(record.day_start),
    dayEnd: orDefault(record.day_end),
    workingDays: workingDays ?? undefined,
    contactMethod: orDefault(record.contact_method),
    phone: orNull(record.phone),
    chatHandle: orNull(record.chat_handle),
    hourlyRate: rate("hourly_rate"),
    projectRate: rate("project_rate"),
    rateCurrency: record.rate_currency,
    notes: record.notes ?? "",
    status: orDefault(record.status),
    channelId: null,
    skills: [],
  });
  for (const [index, skill] of (skills ?? []).entries()) {
    if (skill.level < 1 || skill.level > 5)
      problem("skills", `Skill ${index + 1}: levels are 1 to 5`);
  }
  if (!parsed.success) {
    addIssueProblems(problems, line, parsed.error.issues, columnOf);
    return null;
  }
  if (!skills || workingDays === null) return null;
  return { line, input: parsed.data, skills, channelName: orNull(record.channel) };
}

/**
 * Reads an uploaded directory. Every problem is reported as "line N: column"; nothing is
 * returned unless every line is valid. The same email twice in one file is a problem too.
 * A line for someone in `known` (their cells by email) keeps what they have in every
 * column the file leaves out, so a file of a few columns changes only those.
 */
export function contractorsFromCsv(
  text: string,
  known: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map(),
): ImportedContractor[] {
  const rows = readCsvRows(text, requiredColumns, "person");
  const problems: FieldProblems = {};
  const people: ImportedContractor[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of rows) {
    const email = emailSchema.safeParse(record.email);
    const stored = email.success ? known.get(email.data) : undefined;
    const person = readRow({ ...stored, ...record }, line, problems);
    if (!person) continue;
    const earlier = seen.get(person.input.email);
    if (earlier !== undefined) {
      problems[`line ${line}: email`] = `The same email is on line ${earlier}`;
      continue;
    }
    seen.set(person.input.email, line);
    people.push(person);
  }
  refuseIfProblems(problems);
  return people;
}
