import { Forbidden, NotFound } from "../errors.ts";
import { can, type Action, type Actor, type Owned } from "./rules.ts";

/**
 * The one gate every service passes through. Something in another workspace answers
 * 404, not 403, so its existence does not leak.
 */
export function authorize(actor: Actor, action: Action, resource?: Owned): void {
  if (resource && resource.workspaceId !== actor.workspaceId) {
    throw new NotFound("not_found", "Not found");
  }
  if (!can(actor, action, resource)) {
    throw new Forbidden("forbidden", "You are not allowed to do that");
  }
}
