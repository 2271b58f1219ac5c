import { staff, type PermissionRow } from "../../support/permissions.ts";

/**
 * The guardrails are read by the owner and manager only; the owner of another workspace
 * gets their own (empty) guardrails, never the first workspace's.
 */
export const guardrailRows: PermissionRow[] = [
  { method: "GET", route: "/api/guardrails", expect: staff(200) },
  { method: "GET", route: "/api/guardrails/loyalty", expect: staff(200) },
];
