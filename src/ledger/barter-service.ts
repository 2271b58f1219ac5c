import { uuidv7 } from "uuidv7";
import { authorize } from "../auth/authorize.ts";
import type { Actor } from "../auth/rules.ts";
import { getWorkspace } from "../auth/team-service.ts";
import type { AppContext } from "../context.ts";
import { Conflict, Invalid, NotFound } from "../errors.ts";
import { withIdempotency, type IdempotentRequest } from "../http/idempotency.ts";
import { dateOf } from "../time/calendar.ts";
import { barterBalance, deliveryEntries, sideOf } from "./barter-rules.ts";
import type { Barter, BarterDetail, BarterInput, DeliveryInput } from "./barter-schema.ts";
import * as store from "./barter-store.ts";
import { postTransaction } from "./store.ts";

/**
 * Barter agreements: the owner and manager read them, the owner writes them. Deliveries are
 * ledger movements between the agreement's own barter accounts, so traded value is never
 * mixed with cash.
 */

type Db = AppContext["db"];

function barterView(
  row: store.BarterWithName,
  sums: Awaited<ReturnType<typeof store.barterSums>>,
): Barter {
  const own = sums.filter((sum) => sum.barter_id === row.id && sum.currency === row.currency);
  const balance = barterBalance(Object.fromEntries(own.map((sum) => [sum.kind, sum.total])), {
    givesValue: row.gives_value,
    getsValue: row.gets_value,
  });
  return {
    id: row.id,
    partner: row.partner,
    contractorId: row.contractor_id,
    contractorName: row.contractor_name,
    gives: row.gives,
    gets: row.gets,
    givesValue: row.gives_value,
    getsValue: row.gets_value,
    currency: row.currency,
    notes: row.notes,
    status: row.status,
    balance,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}

async function requireBarter(db: Db, actor: Actor, barterId: string) {
  const row = await store.findBarter(db, actor.workspaceId, barterId);
  if (!row) throw new NotFound("not_found", "Barter agreement not found");
  return row;
}

async function detailOf(db: Db, actor: Actor, barterId: string): Promise<BarterDetail> {
  const row = await requireBarter(db, actor, barterId);
  const [sums, deliveries] = await Promise.all([
    store.barterSums(db, actor.workspaceId, [row.id]),
    store.listDeliveries(db, actor.workspaceId, row.id),
  ]);
  return {
    ...barterView(row, sums),
    deliveries: deliveries.map((delivery) => ({
      id: delivery.id,
      side: sideOf(delivery.credited_kind),
      value: delivery.amount,
      currency: delivery.currency,
      note: delivery.memo,
      deliveredOn: delivery.paid_on ?? "",
      createdAt: delivery.created_at,
      reversedAt: delivery.reversed_at,
    })),
  };
}

export async function listBarters(
  ctx: AppContext,
  actor: Actor,
  filter: { status?: Barter["status"] } = {},
): Promise<Barter[]> {
  authorize(actor, "payments.read");
  const rows = await store.listBarters(ctx.db, actor.workspaceId, filter);
  const sums = await store.barterSums(
    ctx.db,
    actor.workspaceId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => barterView(row, sums));
}

export async function getBarter(
  ctx: AppContext,
  actor: Actor,
  barterId: string,
): Promise<BarterDetail> {
  authorize(actor, "payments.read");
  return detailOf(ctx.db, actor, barterId);
}

async function checkContractor(db: Db, actor: Actor, contractorId: string | null): Promise<void> {
  if (contractorId === null) return;
  if (!(await store.findContractorName(db, actor.workspaceId, contractorId))) {
    throw new Invalid("barter.unknown_contractor", "That person is not in your directory", {
      contractorId: "Choose someone from your directory, or leave it empty",
    });
  }
}

function refuseClosed(row: { status: string }): void {
  if (row.status === "closed") {
    throw new Conflict("barter.closed", "This barter agreement is closed");
  }
}

export async function createBarter(
  ctx: AppContext,
  actor: Actor,
  input: BarterInput,
): Promise<BarterDetail> {
  authorize(actor, "payments.manage");
  await checkContractor(ctx.db, actor, input.contractorId);
  const currency = input.currency ?? (await getWorkspace(ctx, actor)).currency;
  const now = ctx.now();
  const id = uuidv7();
  await store.insertBarter(ctx.db, {
    id,
    workspace_id: actor.workspaceId,
    partner: input.partner,
    contractor_id: input.contractorId,
    gives: input.gives,
    gets: input.gets,
    gives_value: input.givesValue,
    gets_value: input.getsValue,
    currency,
    notes: input.notes,
    status: "active",
    created_at: now,
    updated_at: now,
    closed_at: null,
  });
  return detailOf(ctx.db, actor, id);
}

/** The terms may change while the agreement runs; its currency only until value is delivered. */
export async function updateBarter(
  ctx: AppContext,
  actor: Actor,
  barterId: string,
  input: BarterInput,
): Promise<BarterDetail> {
  authorize(actor, "payments.manage");
  const row = await requireBarter(ctx.db, actor, barterId);
  refuseClosed(row);
  await checkContractor(ctx.db, actor, input.contractorId);
  const currency = input.currency ?? row.currency;
  if (currency !== row.currency) {
    const deliveries = await store.listDeliveries(ctx.db, actor.workspaceId, barterId);
    if (deliveries.length > 0) {
      throw new Conflict(
        "barter.currency_locked",
        `Value has already been delivered in ${row.currency}; the currency can no longer change`,
        { currency: `Keep ${row.currency}` },
      );
    }
  }
  await store.updateBarter(ctx.db, actor.workspaceId, barterId, {
    partner: input.partner,
    contractor_id: input.contractorId,
    gives: input.gives,
    gets: input.gets,
    gives_value: input.givesValue,
    gets_value: input.getsValue,
    currency,
    notes: input.notes,
    updated_at: ctx.now(),
  });
  return detailOf(ctx.db, actor, barterId);
}

/** Closing ends the trade; the balance stays as it was delivered, for the record. */
export async function closeBarter(
  ctx: AppContext,
  actor: Actor,
  barterId: string,
): Promise<BarterDetail> {
  authorize(actor, "payments.manage");
  const row = await requireBarter(ctx.db, actor, barterId);
  refuseClosed(row);
  const now = ctx.now();
  await store.updateBarter(ctx.db, actor.workspaceId, barterId, {
    status: "closed",
    closed_at: now,
    updated_at: now,
  });
  return detailOf(ctx.db, actor, barterId);
}

/**
 * Records value delivered by one side as a `barter` movement on the agreement's own
 * accounts. Sent with an Idempotency-Key: the same request again records nothing new.
 */
export async function recordDelivery(
  ctx: AppContext,
  actor: Actor,
  barterId: string,
  input: DeliveryInput,
  request: IdempotentRequest,
): Promise<BarterDetail> {
  authorize(actor, "payments.manage");
  const today = dateOf(ctx.now(), (await getWorkspace(ctx, actor)).timeZone);
  return withIdempotency(ctx, actor, request.key, request.fingerprint, async (trx) => {
    const row = await store.lockBarter(trx, actor.workspaceId, barterId, ctx.dbKind === "postgres");
    if (!row) throw new NotFound("not_found", "Barter agreement not found");
    refuseClosed(row);
    if (input.currency !== row.currency) {
      throw new Invalid("barter.wrong_currency", `This agreement is valued in ${row.currency}`, {
        currency: `Use ${row.currency}, the agreement's currency`,
      });
    }
    if (input.deliveredOn > today) {
      throw new Invalid("barter.future_delivery", "Record a delivery once it has happened", {
        deliveredOn: `Use today (${today}) or an earlier day`,
      });
    }
    await postTransaction(trx, {
      workspaceId: actor.workspaceId,
      kind: "barter",
      currency: row.currency,
      amount: input.value,
      barterId: row.id,
      memo:
        input.note || (input.side === "given" ? `Given: ${row.gives}` : `Received: ${row.gets}`),
      paidOn: input.deliveredOn,
      createdBy: actor.userId,
      createdAt: ctx.now(),
      entries: deliveryEntries(row.id, input.side, input.value),
    });
    await store.updateBarter(trx, actor.workspaceId, row.id, { updated_at: ctx.now() });
    return detailOf(trx, actor, row.id);
  });
}
