import {
  invitePreviewSchema,
  meSchema,
  setupStatusSchema,
  type Me,
  type SetupInput,
  type SignInInput,
} from "../../../src/auth/schema.ts";
import { api, isApiError } from "../app/api.ts";

export const setupKey = ["setup"] as const;
export const meKey = ["me"] as const;

export function fetchSetupStatus() {
  return api.get("/api/setup", setupStatusSchema);
}

/** The signed-in person, or null when nobody is signed in on this browser. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get("/api/me", meSchema);
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export function completeSetup(input: SetupInput) {
  return api.post("/api/setup", input, meSchema);
}

export function signIn(input: SignInInput) {
  return api.post("/api/auth/sign-in", input, meSchema);
}

export function signOut() {
  return api.command("POST", "/api/auth/sign-out");
}

export function requestPasswordReset(email: string) {
  return api.command("POST", "/api/auth/password-reset", { email });
}

export function confirmPasswordReset(input: { token: string; password: string }) {
  return api.command("POST", "/api/auth/password-reset/confirm", input);
}

export function previewInvite(token: string) {
  return api.post("/api/invites/preview", { token }, invitePreviewSchema);
}

export function acceptInvite(input: {
  token: string;
  name: string;
  password: string;
  timeZone: string;
}) {
  return api.post("/api/invites/accept", input, meSchema);
}
