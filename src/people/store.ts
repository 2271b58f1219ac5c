import { sql, type Kysely, type Selectable } from "kysely";
import type {
  ChannelTable,
  ContractorSkillTable,
  ContractorStatus,
  ContractorTable,
  Database,
  PeopleSettingsTable,
  RateChangeTable,
} from "../db/tables.ts";

/** The people area's SQL for the directory, and only it. */
type Db = Kysely<Database>;
export type ContractorRow = Selectable<ContractorTable>;

export async function insertContractor(db: Db, row: ContractorRow): Promise<void> {
  await db.insertInto("contractors").values(row).execute();
}

export function findContractor(db: Db, workspaceId: string, contractorId: string) {
  return db
    .selectFrom("contractors")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contractorId)
    .executeTakeFirst();
}

/** Emails are stored lower-cased, so callers pass a lower-cased address. */
export function findContractorByEmail(db: Db, workspaceId: string, email: string) {
  return db
    .selectFrom("contractors")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("email", "=", email)
    .executeTakeFirst();
}

export async function setContractorStatus(
  db: Db,
  workspaceId: string,
  contractorId: string,
  status: ContractorStatus,
  now: number,
): Promise<void> {
  await db
    .updateTable("contractors")
    .set({ status, updated_at: now })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contractorId)
    .execute();
}

export type PeopleSettingsRow = Selectable<PeopleSettingsTable>;
export type ChannelRow = Selectable<ChannelTable>;

export function findSettings(db: Db, workspaceId: string) {
  return db
    .selectFrom("people_settings")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
}

/** True when this call made the row: only then are the default channels seeded. */
export async function insertSettingsIfMissing(db: Db, row: PeopleSettingsRow): Promise<boolean> {
  const result = await db
    .insertInto("people_settings")
    .values(row)
    .onConflict((conflict) => conflict.column("workspace_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateSettings(
  db: Db,
  workspaceId: string,
  changes: Partial<Omit<PeopleSettingsRow, "workspace_id">>,
): Promise<void> {
  await db
    .updateTable("people_settings")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .execute();
}

export async function insertChannels(db: Db, rows: ChannelRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("channels").values(rows).execute();
}

/** Channels in their order, each with how many people came through it. */
export function listChannels(db: Db, workspaceId: string) {
  return db
    .selectFrom("channels")
    .selectAll("channels")
    .select((eb) =>
      eb
        .selectFrom("contractors")
        .select((inner) => inner.fn.countAll<number>().as("people"))
        .whereRef("contractors.channel_id", "=", "channels.id")
        .where("contractors.workspace_id", "=", workspaceId)
        .as("people"),
    )
    .where("channels.workspace_id", "=", workspaceId)
    .orderBy("channels.position")
    .orderBy("channels.name")
    .execute();
}

export function findChannel(db: Db, workspaceId: string, channelId: string) {
  return db
    .selectFrom("channels")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", channelId)
    .executeTakeFirst();
}

export async function nextChannelPosition(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("channels")
    .select((eb) => eb.fn.max("position").as("last"))
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function updateChannel(
  db: Db,
  workspaceId: string,
  channelId: string,
  changes: Pick<ChannelRow, "name" | "fee_basis_points" | "archived_at">,
): Promise<void> {
  await db
    .updateTable("channels")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", channelId)
    .execute();
}

export async function deleteChannel(db: Db, workspaceId: string, channelId: string): Promise<void> {
  await db
    .deleteFrom("channels")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", channelId)
    .execute();
}

export async function countChannelPeople(
  db: Db,
  workspaceId: string,
  channelId: string,
): Promise<number> {
  const row = await db
    .selectFrom("contractors")
    .select((eb) => eb.fn.countAll<number>().as("people"))
    .where("workspace_id", "=", workspaceId)
    .where("channel_id", "=", channelId)
    .executeTakeFirst();
  return Number(row?.people ?? 0);
}

export type ContractorSkillRow = Selectable<ContractorSkillTable>;
export type RateChangeRow = Selectable<RateChangeTable>;

/** What the directory can narrow in SQL; time-zone overlap is worked out afterwards. */
export interface ContractorQuery {
  q?: string;
  areaId?: string;
  minLevel?: number;
  status?: ContractorStatus;
  channelId?: string;
}

/** A LIKE pattern matching the text anywhere, with the text's own wildcards taken literally. */
function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function contractorsWithChannel(db: Db, workspaceId: string) {
  return db
    .selectFrom("contractors")
    .leftJoin("channels", (join) =>
      join
        .onRef("channels.id", "=", "contractors.channel_id")
        .onRef("channels.workspace_id", "=", "contractors.workspace_id"),
    )
    .selectAll("contractors")
    .select("channels.name as channel_name")
    .where("contractors.workspace_id", "=", workspaceId);
}

export type ContractorWithChannel = ContractorRow & { channel_name: string | null };

export function listContractors(
  db: Db,
  workspaceId: string,
  query: ContractorQuery = {},
): Promise<ContractorWithChannel[]> {
  let select = contractorsWithChannel(db, workspaceId);
  if (query.q) {
    const pattern = containing(query.q);
    select = select.where((eb) =>
      eb.or(
        (["contractors.name", "contractors.email", "contractors.notes"] as const).map((column) =>
          eb(sql`lower(${sql.ref(column)})`, "like", sql<string>`${pattern} escape '\\'`),
        ),
      ),
    );
  }
  if (query.status) select = select.where("contractors.status", "=", query.status);
  if (query.channelId) select = select.where("contractors.channel_id", "=", query.channelId);
  if (query.areaId || query.minLevel) {
    select = select.where(({ exists, selectFrom }) => {
      let skills = selectFrom("contractor_skills")
        .select("contractor_skills.id")
        .where("contractor_skills.workspace_id", "=", workspaceId)
        .whereRef("contractor_skills.contractor_id", "=", "contractors.id")
        .where("contractor_skills.level", ">=", query.minLevel ?? 1);
      if (query.areaId) skills = skills.where("contractor_skills.area_id", "=", query.areaId);
      return exists(skills);
    });
  }
  return select.orderBy("contractors.name").orderBy("contractors.id").execute();
}

export function findContractorWithChannel(
  db: Db,
  workspaceId: string,
  contractorId: string,
): Promise<ContractorWithChannel | undefined> {
  return contractorsWithChannel(db, workspaceId)
    .where("contractors.id", "=", contractorId)
    .executeTakeFirst();
}

export async function updateContractor(
  db: Db,
  workspaceId: string,
  contractorId: string,
  changes: Partial<Omit<ContractorRow, "id" | "workspace_id" | "created_at">>,
): Promise<void> {
  await db
    .updateTable("contractors")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", contractorId)
    .execute();
}

/** Adds the row unless the email is already in the workspace; true when this call added it. */
export async function insertContractorIfNew(db: Db, row: ContractorRow): Promise<boolean> {
  const result = await db
    .insertInto("contractors")
    .values(row)
    .onConflict((conflict) => conflict.columns(["workspace_id", "email"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The skills of the contractors given; the areas' names come from the worth area's service. */
export async function listSkills(
  db: Db,
  workspaceId: string,
  contractorIds: readonly string[],
): Promise<ContractorSkillRow[]> {
  if (contractorIds.length === 0) return [];
  return db
    .selectFrom("contractor_skills")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("contractor_id", "in", [...contractorIds])
    .execute();
}

export async function replaceSkills(
  db: Db,
  workspaceId: string,
  contractorId: string,
  rows: readonly ContractorSkillRow[],
): Promise<void> {
  await db
    .deleteFrom("contractor_skills")
    .where("workspace_id", "=", workspaceId)
    .where("contractor_id", "=", contractorId)
    .execute();
  if (rows.length > 0)
    await db
      .insertInto("contractor_skills")
      .values([...rows])
      .execute();
}

/** Adds the skill, or sets its level and verification when the person already has it. */
export async function saveSkill(db: Db, row: ContractorSkillRow): Promise<void> {
  await db
    .insertInto("contractor_skills")
    .values(row)
    .onConflict((conflict) =>
      conflict
        .columns(["workspace_id", "contractor_id", "area_id"])
        .doUpdateSet({ level: row.level, verified: row.verified }),
    )
    .execute();
}

export async function insertRateChange(db: Db, row: RateChangeRow): Promise<void> {
  await db.insertInto("rate_changes").values(row).execute();
}

/** Newest first; the id (time-ordered) settles changes within the same millisecond. */
export function listRateChanges(db: Db, workspaceId: string, contractorId: string) {
  return db
    .selectFrom("rate_changes")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("contractor_id", "=", contractorId)
    .orderBy("changed_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** The person's candidacies, newest first, with the opening's title. */
export function candidaciesOf(db: Db, workspaceId: string, contractorId: string) {
  return db
    .selectFrom("candidacies")
    .innerJoin("openings", (join) =>
      join
        .onRef("openings.id", "=", "candidacies.opening_id")
        .onRef("openings.workspace_id", "=", "candidacies.workspace_id"),
    )
    .select([
      "candidacies.id",
      "candidacies.opening_id",
      "candidacies.stage",
      "candidacies.created_at",
      "openings.title as opening_title",
    ])
    .where("candidacies.workspace_id", "=", workspaceId)
    .where("candidacies.contractor_id", "=", contractorId)
    .orderBy("candidacies.created_at", "desc")
    .execute();
}
