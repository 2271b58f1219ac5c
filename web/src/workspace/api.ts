import { workspaceSchema } from "../../../src/auth/schema.ts";
import { api } from "../app/api.ts";

export const workspaceKey = ["workspace"] as const;

export function fetchWorkspace() {
  return api.get("/api/workspace", workspaceSchema);
}

export function updateWorkspace(input: { name?: string; currency?: string; timeZone?: string }) {
  return api.patch("/api/workspace", input, workspaceSchema);
}
