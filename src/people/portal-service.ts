import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { Me } from "../auth/schema.ts";
import { getMe, updateProfile } from "../auth/service.ts";
import type { AppContext } from "../context.ts";
import { NotFound } from "../errors.ts";
import type { OwnProfile, OwnProfileInput } from "./schema.ts";
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
  const now = ctx.now();
  await ctx.db.transaction().execute((trx) =>
    store.insertContractorIfNew(trx, {
      id: uuidv7(),
      workspace_id: me.workspace.id,
      name: me.user.name,
      email: me.user.email,
      country: null,
      time_zone: me.user.timeZone,
      day_start: "09:00",
      day_end: "17:00",
      working_days: JSON.stringify([1, 2, 3, 4, 5]),
      contact_method: "email",
      phone: null,
      chat_handle: null,
      hourly_rate: null,
      project_rate: null,
      rate_currency: me.workspace.currency,
      channel_id: null,
      notes: "",
      status: "active",
      created_at: now,
      updated_at: now,
    }),
  );
  const made = await store.findContractorByEmail(ctx.db, me.workspace.id, me.user.email);
  if (!made) throw new NotFound("not_found", "Profile not found");
  return made;
}

async function profileOf(ctx: AppContext, row: store.ContractorRow): Promise<OwnProfile> {
  return ownProfileView(row, await store.listSkills(ctx.db, row.workspace_id, [row.id]));
}

export async function getOwnProfile(ctx: AppContext, actor: Actor): Promise<OwnProfile> {
  authorize(actor, "portal.use");
  return profileOf(ctx, await ownRecord(ctx, await getMe(ctx, actor)));
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
      country: input.country,
      time_zone: input.timeZone,
      day_start: input.dayStart,
      day_end: input.dayEnd,
      working_days: JSON.stringify(input.workingDays),
      contact_method: input.contactMethod,
      phone: input.phone,
      chat_handle: input.chatHandle,
      updated_at: ctx.now(),
    });
    if (input.timeZone !== me.user.timeZone) {
      await updateProfile({ ...ctx, db: trx }, actor, { timeZone: input.timeZone });
    }
  });
  return getOwnProfile(ctx, actor);
}
