import { staff, type PermissionRow } from "../../support/permissions.ts";

/**
 * Bench strength and channel analytics are read by the owner and manager only; the owner
 * of another workspace gets their own (empty) figures, never the first workspace's.
 */
export const benchRows: PermissionRow[] = [
  { method: "GET", route: "/api/bench", expect: staff(200) },
  { method: "GET", route: "/api/channels/analytics", expect: staff(200) },
];
