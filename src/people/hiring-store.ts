import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from "kysely";
import type {
  CandidacyTable,
  CandidateReferenceTable,
  CandidateSampleTable,
  Database,
  InterviewTable,
  OpeningTable,
  ReviewCheckTable,
  ScorecardScoreTable,
} from "../db/tables.ts";

/** The people area's SQL for openings, the pipeline and the evidence on candidates. */
type Db = Kysely<Database>;
export type OpeningRow = Selectable<OpeningTable>;
export type CandidacyRow = Selectable<CandidacyTable>;
export type SampleRow = Selectable<CandidateSampleTable>;
export type ReferenceRow = Selectable<CandidateReferenceTable>;
export type ReviewCheckRow = Selectable<ReviewCheckTable>;
export type InterviewRow = Selectable<InterviewTable>;
export type ScoreRow = Selectable<ScorecardScoreTable>;

export function listOpenings(db: Db, workspaceId: string) {
  return db
    .selectFrom("openings")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export function findOpening(db: Db, workspaceId: string, openingId: string) {
  return db
    .selectFrom("openings")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", openingId)
    .executeTakeFirst();
}

export async function insertOpening(db: Db, row: OpeningRow): Promise<void> {
  await db.insertInto("openings").values(row).execute();
}

export async function updateOpening(
  db: Db,
  workspaceId: string,
  openingId: string,
  changes: Updateable<OpeningTable>,
): Promise<void> {
  await db
    .updateTable("openings")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", openingId)
    .execute();
}

/** One workspace's stage per candidacy, for counting per opening. */
export function stagesByOpening(db: Db, workspaceId: string) {
  return db
    .selectFrom("candidacies")
    .select(["opening_id", "stage"])
    .where("workspace_id", "=", workspaceId)
    .execute();
}

/** Candidacies with the person's directory fields and the channel they came through. */
function candidacyQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom("candidacies")
    .innerJoin("contractors", (join) =>
      join
        .onRef("contractors.id", "=", "candidacies.contractor_id")
        .onRef("contractors.workspace_id", "=", "candidacies.workspace_id"),
    )
    .leftJoin("channels", (join) =>
      join
        .onRef("channels.id", "=", "contractors.channel_id")
        .onRef("channels.workspace_id", "=", "contractors.workspace_id"),
    )
    .selectAll("candidacies")
    .select([
      "contractors.name as contractor_name",
      "contractors.email as contractor_email",
      "contractors.country as contractor_country",
      "contractors.time_zone as contractor_time_zone",
      "contractors.status as contractor_status",
      "channels.name as channel_name",
    ])
    .where("candidacies.workspace_id", "=", workspaceId);
}

export type CandidacyWithPerson = Awaited<ReturnType<typeof findCandidacy>> & {};

export function listCandidacies(db: Db, workspaceId: string, openingId: string) {
  return candidacyQuery(db, workspaceId).where("candidacies.opening_id", "=", openingId).execute();
}

export function findCandidacy(db: Db, workspaceId: string, candidacyId: string) {
  return candidacyQuery(db, workspaceId)
    .where("candidacies.id", "=", candidacyId)
    .executeTakeFirst();
}

/** The board's cards for one opening: just what placing a card needs. */
export function boardCards(db: Db, workspaceId: string, openingId: string) {
  return db
    .selectFrom("candidacies")
    .select(["id", "stage", "position"])
    .where("workspace_id", "=", workspaceId)
    .where("opening_id", "=", openingId)
    .execute();
}

export function findCandidacyOf(
  db: Db,
  workspaceId: string,
  openingId: string,
  contractorId: string,
) {
  return db
    .selectFrom("candidacies")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("opening_id", "=", openingId)
    .where("contractor_id", "=", contractorId)
    .executeTakeFirst();
}

export async function insertCandidacy(db: Db, row: Insertable<CandidacyTable>): Promise<void> {
  await db.insertInto("candidacies").values(row).execute();
}

export async function updateCandidacy(
  db: Db,
  workspaceId: string,
  candidacyId: string,
  changes: Updateable<CandidacyTable>,
): Promise<void> {
  await db
    .updateTable("candidacies")
    .set(changes)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", candidacyId)
    .execute();
}

/** The evidence of several candidacies at once, for the board's scores and missing checks. */
export async function evidenceOf(db: Db, workspaceId: string, candidacyIds: readonly string[]) {
  if (candidacyIds.length === 0) {
    return { samples: [], references: [], reviewChecks: [], interviews: [], scores: [] };
  }
  const ids = [...candidacyIds];
  const [samples, references, reviewChecks, interviews, scores] = await Promise.all([
    db
      .selectFrom("candidate_samples")
      .select("candidacy_id")
      .where("workspace_id", "=", workspaceId)
      .where("candidacy_id", "in", ids)
      .execute(),
    db
      .selectFrom("candidate_references")
      .select(["candidacy_id", "contacted"])
      .where("workspace_id", "=", workspaceId)
      .where("candidacy_id", "in", ids)
      .execute(),
    db
      .selectFrom("review_checks")
      .select("candidacy_id")
      .where("workspace_id", "=", workspaceId)
      .where("candidacy_id", "in", ids)
      .execute(),
    db
      .selectFrom("interviews")
      .select("candidacy_id")
      .where("workspace_id", "=", workspaceId)
      .where("candidacy_id", "in", ids)
      .execute(),
    listScores(db, workspaceId, ids),
  ]);
  return { samples, references, reviewChecks, interviews, scores };
}

// Evidence on one candidacy. Sample listings leave out the file bytes; only a download reads them.

const sampleColumns = [
  "id",
  "workspace_id",
  "candidacy_id",
  "title",
  "url",
  "file_name",
  "content_type",
  "size",
  "created_at",
] as const;

export function listSamples(db: Db, workspaceId: string, candidacyId: string) {
  return db
    .selectFrom("candidate_samples")
    .select(sampleColumns)
    .where("workspace_id", "=", workspaceId)
    .where("candidacy_id", "=", candidacyId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function findSampleFile(db: Db, workspaceId: string, candidacyId: string, id: string) {
  return db
    .selectFrom("candidate_samples")
    .select(["file_name", "content_type", "data_base64"])
    .where("workspace_id", "=", workspaceId)
    .where("candidacy_id", "=", candidacyId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export type EvidenceTable =
  "candidate_samples" | "candidate_references" | "review_checks" | "interviews";

export async function insertSample(db: Db, row: SampleRow): Promise<void> {
  await db.insertInto("candidate_samples").values(row).execute();
}

export async function insertReference(db: Db, row: ReferenceRow): Promise<void> {
  await db.insertInto("candidate_references").values(row).execute();
}

export async function insertReviewCheck(db: Db, row: ReviewCheckRow): Promise<void> {
  await db.insertInto("review_checks").values(row).execute();
}

export async function insertInterview(db: Db, row: InterviewRow): Promise<void> {
  await db.insertInto("interviews").values(row).execute();
}

type ListedEvidence = Exclude<EvidenceTable, "candidate_samples">;

/** One candidacy's references, review checks or interviews: interviews by the day held, the rest as added. */
export function listEvidence<T extends ListedEvidence>(
  db: Db,
  table: T,
  workspaceId: string,
  candidacyId: string,
) {
  return db
    .selectFrom(table as ListedEvidence)
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("candidacy_id", "=", candidacyId)
    .orderBy(sql.ref(table === "interviews" ? "held_on" : "created_at"))
    .orderBy("id")
    .execute() as Promise<Selectable<Database[T]>[]>;
}

export type EditableEvidence = "candidate_references" | "interviews";

/** Changes a reference or an interview; the row as it is now, or undefined when it is not this candidacy's. */
export async function updateEvidence<T extends EditableEvidence>(
  db: Db,
  table: T,
  workspaceId: string,
  candidacyId: string,
  id: string,
  changes: Updateable<Database[T]>,
): Promise<Selectable<Database[T]> | undefined> {
  const where = { workspace_id: workspaceId, candidacy_id: candidacyId, id };
  await db
    .updateTable(table as EditableEvidence)
    .set(changes)
    .where((eb) => eb.and(where))
    .execute();
  return db
    .selectFrom(table as EditableEvidence)
    .selectAll()
    .where((eb) => eb.and(where))
    .executeTakeFirst() as Promise<Selectable<Database[T]> | undefined>;
}

/** Removes one piece of evidence; false when it is not this candidacy's. */
export async function deleteEvidence(
  db: Db,
  table: EvidenceTable,
  workspaceId: string,
  candidacyId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom(table)
    .where("workspace_id", "=", workspaceId)
    .where("candidacy_id", "=", candidacyId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Scorecard scores of the candidacies given, or of every candidacy when left out. */
export async function listScores(
  db: Db,
  workspaceId: string,
  candidacyIds?: readonly string[],
): Promise<ScoreRow[]> {
  if (candidacyIds?.length === 0) return [];
  let select = db
    .selectFrom("scorecard_scores")
    .selectAll()
    .where("workspace_id", "=", workspaceId);
  if (candidacyIds) select = select.where("candidacy_id", "in", [...candidacyIds]);
  return select.execute();
}

/** The scorecard as a whole: what is sent replaces what was there. */
export async function replaceScores(
  db: Db,
  workspaceId: string,
  candidacyId: string,
  rows: readonly ScoreRow[],
): Promise<void> {
  await db
    .deleteFrom("scorecard_scores")
    .where("workspace_id", "=", workspaceId)
    .where("candidacy_id", "=", candidacyId)
    .execute();
  if (rows.length > 0)
    await db
      .insertInto("scorecard_scores")
      .values([...rows])
      .execute();
}
