import type { Person } from "../../../../src/auth/schema.ts";
import type { AssignableRole } from "./api.ts";

export const roleNames: Record<Person["role"], string> = {
  owner: "Owner",
  manager: "Manager",
  contractor: "Contractor",
};

export const assignableRoleOptions: { value: AssignableRole; label: string }[] = [
  { value: "contractor", label: roleNames.contractor },
  { value: "manager", label: roleNames.manager },
];

export function asAssignableRole(value: string): AssignableRole {
  return value === "manager" ? "manager" : "contractor";
}
