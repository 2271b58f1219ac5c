import { staff, type Caller, type PermissionRow } from "../../support/permissions.ts";

/**
 * The owner's and manager's dashboard, read by staff only: the other workspace's owner gets
 * their own (empty) one. The portal's "due from you" is the contractor's alone, and shows
 * nothing of anyone else (see dashboard.test.ts).
 */
const contractorOnly: Record<Caller, number> = {
  owner: 403,
  manager: 403,
  contractor: 200,
  stranger: 403,
  anonymous: 401,
};

export const dashboardRows: PermissionRow[] = [
  { method: "GET", route: "/api/dashboard", expect: staff(200) },
  { method: "GET", route: "/api/portal/today", expect: contractorOnly },
];
