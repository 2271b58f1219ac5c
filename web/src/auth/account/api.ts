import { z } from "zod";
import {
  apiTokenSchema,
  createdTokenSchema,
  meSchema,
  sessionSchema,
} from "../../../../src/auth/schema.ts";
import { api } from "../../app/api.ts";

export const sessionsKey = ["sessions"] as const;
export const apiTokensKey = ["api-tokens"] as const;

export function updateProfile(input: { name?: string; timeZone?: string }) {
  return api.patch("/api/me", input, meSchema);
}

export function changePassword(input: { currentPassword: string; newPassword: string }) {
  return api.command("POST", "/api/me/password", input);
}

export function fetchSessions() {
  return api.get("/api/me/sessions", z.array(sessionSchema));
}

export function endSession(id: string) {
  return api.command("DELETE", `/api/me/sessions/${encodeURIComponent(id)}`);
}

export function endOtherSessions() {
  return api.command("POST", "/api/me/sessions/sign-out-others");
}

export function fetchApiTokens() {
  return api.get("/api/me/tokens", z.array(apiTokenSchema));
}

export function createApiToken(name: string) {
  return api.post("/api/me/tokens", { name }, createdTokenSchema);
}

export function revokeApiToken(id: string) {
  return api.command("DELETE", `/api/me/tokens/${encodeURIComponent(id)}`);
}
