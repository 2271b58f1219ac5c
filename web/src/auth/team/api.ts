import { z } from "zod";
import { inviteSchema, issuedInviteSchema, personSchema } from "../../../../src/auth/schema.ts";
import { api } from "../../app/api.ts";

export type AssignableRole = "manager" | "contractor";

export const peopleKey = ["people"] as const;
export const invitesKey = ["invites"] as const;

export function fetchPeople() {
  return api.get("/api/people", z.array(personSchema));
}

export function changeRole(input: { id: string; role: AssignableRole }) {
  return api.patch(
    `/api/people/${encodeURIComponent(input.id)}`,
    { role: input.role },
    personSchema,
  );
}

export function deactivatePerson(id: string) {
  return api.post(`/api/people/${encodeURIComponent(id)}/deactivate`, undefined, personSchema);
}

export function reactivatePerson(id: string) {
  return api.post(`/api/people/${encodeURIComponent(id)}/reactivate`, undefined, personSchema);
}

export function fetchInvites() {
  return api.get("/api/invites", z.array(inviteSchema));
}

export function createInvite(input: { email: string; role: AssignableRole }) {
  return api.post("/api/invites", input, issuedInviteSchema);
}

export function resendInvite(id: string) {
  return api.post(`/api/invites/${encodeURIComponent(id)}/resend`, undefined, issuedInviteSchema);
}

export function revokeInvite(id: string) {
  return api.post(`/api/invites/${encodeURIComponent(id)}/revoke`, undefined, inviteSchema);
}
