import { authorize } from "../auth/authorize.ts";
import type { Action, Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { NotFound } from "../errors.ts";
import { ownContractorId } from "../people/portal-service.ts";
import { findContract, type ContractRow } from "./store.ts";

/** What the caller wants to do with a contract: staff read or manage it, its contractor responds. */
export type ContractNeed = "read" | "manage" | "respond";

function actionFor(actor: Actor, need: ContractNeed): Action {
  if (need === "read") return actor.role === "contractor" ? "contracts.respond" : "contracts.read";
  return need === "manage" ? "contracts.manage" : "contracts.respond";
}

/**
 * The one way into a contract for every area that works on one. Staff need contracts.read
 * or contracts.manage; a contractor needs contracts.respond, must be the contract's
 * contractor and never sees a draft. Another workspace's contract, or someone else's,
 * answers 404 so its existence does not leak.
 */
export async function contractFor(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  need: ContractNeed,
): Promise<ContractRow> {
  authorize(actor, actionFor(actor, need));
  const row = await findContract(ctx.db, actor.workspaceId, contractId);
  if (!row) throw new NotFound("not_found", "Contract not found");
  if (actor.role === "contractor") {
    const own = await ownContractorId(ctx, actor);
    if (row.status === "draft" || row.contractor_id !== own) {
      throw new NotFound("not_found", "Contract not found");
    }
  }
  return row;
}
