import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { Me } from "../auth/schema.ts";
import { getMe, updateProfile } from "../auth/service.ts";
import type { AppContext } from "../context.ts";
import { NotFound } from "../errors.ts";
import { newContractorRow, ownColumns } from "./contractor-rows.ts";
import type { OwnProfile, OwnProfileInput } from "./schema.ts";
import { skillsByPerson } from "./service.ts";
import * as store from "./store.ts";
import { ownProfileView } from "./views.ts";

/**
 * The contractor's side: their own directory record, found by their account's email. Only
 * the fields they keep themselves are read or written here.
 */

/**
 * Their record, made from the account the first time when they were invited from the
 * Team page rather than from the directory. The unique email settles two first visits at once.
 */
async function ownRecord(ctx: AppContext, me: Me): Promise<store.ContractorRow> {
  const existing = await store.findContractorByEmail(ctx.db, me.workspace.id, me.user.email);
  if (existing) return existing;
  const row = newContractorRow({
    workspaceId: me.workspace.id,
    name: me.user.name,
    email: me.user.email,
    country: null,
    timeZone: me.user.timeZone,
    rateCurrency: me.workspace.currency,
    channelId: null,
    status: "active",
    now: ctx.now(),
  });
  await store.insertContractorIfNew(ctx.db, row);
  const made = await store.findContractorByEmail(ctx.db, me.workspace.id, me.user.email);
  if (!made) throw new NotFound("not_found", "Profile not found");
  return made;
}

async function profileOf(
  ctx: AppContext,
  actor: Actor,
  row: store.ContractorRow,
): Promise<OwnProfile> {
  const skills = await skillsByPerson(ctx, actor, [row.id]);
  return ownProfileView(row, skills.get(row.id) ?? []);
}

/**
 * The directory record of a contractor who is asking, or null when they have none yet.
 * Other areas use it to show a contractor only their own contracts, work and payments.
 */
export async function ownContractorId(ctx: AppContext, actor: Actor): Promise<string | null> {
  authorize(actor, "portal.use");
  const me = await getMe(ctx, actor);
  const row = await store.findContractorByEmail(ctx.db, actor.workspaceId, me.user.email);
  return row?.id ?? null;
}

export async function getOwnProfile(ctx: AppContext, actor: Actor): Promise<OwnProfile> {
  authorize(actor, "portal.use");
  return profileOf(ctx, actor, await ownRecord(ctx, await getMe(ctx, actor)));
}

/** A new time zone is the account's too, so the portal's own times follow it. */
export async function updateOwnProfile(
  ctx: AppContext,
  actor: Actor,
  input: OwnProfileInput,
): Promise<OwnProfile> {
  authorize(actor, "portal.use");
  const me = await getMe(ctx, actor);
  const row = await ownRecord(ctx, me);
  await ctx.db.transaction().execute(async (trx) => {
    await store.updateContractor(trx, actor.workspaceId, row.id, {
      ...ownColumns(input),
      updated_at: ctx.now(),
    });
    if (input.timeZone !== me.user.timeZone) {
      await updateProfile({ ...ctx, db: trx }, actor, { timeZone: input.timeZone });
    }
  });
  return getOwnProfile(ctx, actor);
}
