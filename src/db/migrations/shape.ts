import type { Kysely } from "kysely";

type Schema = Kysely<unknown>["schema"];

/**
 * The shape every workspace table starts with: its id and the workspace it belongs to.
 * Migrations that use this must keep producing the same SQL, so it never changes.
 */
export function workspaceTable(schema: Schema, name: string) {
  return schema
    .createTable(name)
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"));
}

export async function createIndex(
  schema: Schema,
  name: string,
  on: string,
  columns: string[],
  unique = false,
): Promise<void> {
  const builder = schema.createIndex(name).on(on).columns(columns);
  await (unique ? builder.unique() : builder).execute();
}
