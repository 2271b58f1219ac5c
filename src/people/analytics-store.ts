import type { Kysely } from "kysely";
import type { Database } from "../db/tables.ts";

/** Read-only SQL behind bench strength and channel analytics. */
type Db = Kysely<Database>;

/** Every skill of every person, with the person's name and status. */
export function listSkills(db: Db, workspaceId: string) {
  return db
    .selectFrom("contractor_skills")
    .innerJoin("contractors", (join) =>
      join
        .onRef("contractors.id", "=", "contractor_skills.contractor_id")
        .onRef("contractors.workspace_id", "=", "contractor_skills.workspace_id"),
    )
    .select([
      "contractor_skills.contractor_id",
      "contractor_skills.area_id",
      "contractor_skills.level",
      "contractor_skills.verified",
      "contractors.name",
      "contractors.status",
    ])
    .where("contractor_skills.workspace_id", "=", workspaceId)
    .execute();
}

/** Open openings that are for a skill area, oldest first. */
export function listOpenOpenings(db: Db, workspaceId: string) {
  return db
    .selectFrom("openings")
    .select(["id", "area_id"])
    .where("workspace_id", "=", workspaceId)
    .where("status", "=", "open")
    .where("area_id", "is not", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function listChannels(db: Db, workspaceId: string) {
  return db
    .selectFrom("channels")
    .select(["id", "name", "fee_basis_points", "archived_at"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("position")
    .orderBy("name")
    .execute();
}

/** Every candidacy with the channel its person came through. */
export function listCandidacies(db: Db, workspaceId: string) {
  return db
    .selectFrom("candidacies")
    .innerJoin("contractors", (join) =>
      join
        .onRef("contractors.id", "=", "candidacies.contractor_id")
        .onRef("contractors.workspace_id", "=", "candidacies.workspace_id"),
    )
    .select([
      "candidacies.id",
      "candidacies.contractor_id",
      "candidacies.stage",
      "candidacies.hired_at",
      "contractors.channel_id",
    ])
    .where("candidacies.workspace_id", "=", workspaceId)
    .execute();
}
