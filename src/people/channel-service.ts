import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { Conflict, NotFound } from "../errors.ts";
import type { Channel, channelInput } from "./schema.ts";
import { nameKey } from "./rules.ts";
import { ensureSettings } from "./service.ts";
import * as store from "./store.ts";
import { channelView } from "./views.ts";
import type { z } from "zod";

/** Where people come from: the seeds' list to start with, the owner's to keep. */

type ChannelInput = z.infer<typeof channelInput>;

export async function listChannels(ctx: AppContext, actor: Actor): Promise<Channel[]> {
  authorize(actor, "contractors.read");
  await ensureSettings(ctx, actor.workspaceId);
  return (await store.listChannels(ctx.db, actor.workspaceId)).map(channelView);
}

async function findChannelView(ctx: AppContext, actor: Actor, channelId: string) {
  const row = (await store.listChannels(ctx.db, actor.workspaceId)).find(
    (channel) => channel.id === channelId,
  );
  if (!row) throw new NotFound("not_found", "Channel not found");
  return channelView(row);
}

async function requireChannel(ctx: AppContext, actor: Actor, channelId: string) {
  const row = await store.findChannel(ctx.db, actor.workspaceId, channelId);
  if (!row) throw new NotFound("not_found", "Channel not found");
  authorize(actor, "contractors.manage", { workspaceId: row.workspace_id });
  return row;
}

/** Names are one name whatever their case, as the directory import matches them. */
async function checkNameFree(
  db: AppContext["db"],
  actor: Actor,
  name: string,
  channelId?: string,
): Promise<void> {
  const channels = await store.listChannels(db, actor.workspaceId);
  const holder = channels.find((channel) => nameKey(channel.name) === nameKey(name));
  if (holder && holder.id !== channelId) {
    throw new Conflict("channel.name_taken", "A channel with this name already exists", {
      name: "A channel with this name already exists",
    });
  }
}

export async function createChannel(
  ctx: AppContext,
  actor: Actor,
  input: ChannelInput,
): Promise<Channel> {
  authorize(actor, "contractors.manage");
  await ensureSettings(ctx, actor.workspaceId);
  const id = uuidv7();
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await checkNameFree(trx, actor, input.name);
    await store.insertChannels(trx, [
      {
        id,
        workspace_id: actor.workspaceId,
        name: input.name,
        fee_basis_points: input.feeBasisPoints,
        position: await store.nextChannelPosition(trx, actor.workspaceId),
        archived_at: input.archived ? now : null,
        created_at: now,
      },
    ]);
  });
  return findChannelView(ctx, actor, id);
}

/** Renames, sets the fee, archives or brings back; an archived channel keeps its date. */
export async function updateChannel(
  ctx: AppContext,
  actor: Actor,
  channelId: string,
  input: ChannelInput,
): Promise<Channel> {
  authorize(actor, "contractors.manage");
  const before = await requireChannel(ctx, actor, channelId);
  await ctx.db.transaction().execute(async (trx) => {
    await checkNameFree(trx, actor, input.name, channelId);
    await store.updateChannel(trx, actor.workspaceId, channelId, {
      name: input.name,
      fee_basis_points: input.feeBasisPoints,
      archived_at: input.archived ? (before.archived_at ?? ctx.now()) : null,
    });
  });
  return findChannelView(ctx, actor, channelId);
}

/** Only a channel nobody came through goes; otherwise the history would lose its source. */
export async function deleteChannel(ctx: AppContext, actor: Actor, channelId: string) {
  authorize(actor, "contractors.manage");
  await requireChannel(ctx, actor, channelId);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await store.countChannelPeople(trx, actor.workspaceId, channelId)) > 0) {
      throw new Conflict(
        "channel.in_use",
        "People came through this channel; archive it instead so their history keeps it",
      );
    }
    await store.deleteChannel(trx, actor.workspaceId, channelId);
  });
}
