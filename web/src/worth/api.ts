import type { QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  areaSchema,
  auditSchema,
  auditTaskSchema,
  barterSkillSchema,
  importResultSchema,
  worthSchema,
} from "../../../src/worth/schema.ts";
import { api } from "../app/api.ts";

export type EarningsForm =
  | {
      basis: "hours";
      profitPerYear: number;
      targetProfitPerYear: number | null;
      hoursPerYear: number;
    }
  | {
      basis: "days";
      profitPerYear: number;
      targetProfitPerYear: number | null;
      daysPerYear: number;
      hoursPerDay: number;
    };

export interface TaskForm {
  name: string;
  areaId: string;
  hoursPerWeek: number;
  skill: number;
  enjoyment: number;
  strategic: boolean;
  needed: boolean;
  marketRate: number | null;
}

export interface AreaForm {
  name: string;
  defaultRate: number | null;
}

export const worthKey = ["worth"] as const;
export const worthProfileKey = ["worth", "profile"] as const;
export const auditKey = ["worth", "audit"] as const;
export const areasKey = ["worth", "areas"] as const;
export const barterSkillsKey = ["worth", "barter-skills"] as const;

/**
 * After any change to earnings, tasks, areas or skills: the audit, the budget (planned spend
 * and extra profit come from the audit) and the dashboard all read from them.
 */
export function refreshWorth(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: worthKey });
  void queryClient.invalidateQueries({ queryKey: ["budget"] });
}

export const tasksCsvUrl = "/api/worth/tasks.csv";

export function fetchWorth() {
  return api.get("/api/worth", worthSchema);
}

export function saveEarnings(input: EarningsForm) {
  return api.put("/api/worth/earnings", input, worthSchema);
}

export function fetchAudit() {
  return api.get("/api/worth/audit", auditSchema);
}

export function createTask(input: TaskForm) {
  return api.post("/api/worth/tasks", input, auditTaskSchema);
}

export function updateTask({ id, ...input }: TaskForm & { id: string }) {
  return api.patch(`/api/worth/tasks/${encodeURIComponent(id)}`, input, auditTaskSchema);
}

export function deleteTask(id: string) {
  return api.command("DELETE", `/api/worth/tasks/${encodeURIComponent(id)}`);
}

export function importTasks(csv: string) {
  return api.postCsv("/api/worth/tasks/import", csv, importResultSchema);
}

export function fetchAreas() {
  return api.get("/api/worth/areas", z.array(areaSchema));
}

export function createArea(input: AreaForm) {
  return api.post("/api/worth/areas", input, areaSchema);
}

export function updateArea({ id, ...input }: AreaForm & { id: string }) {
  return api.put(`/api/worth/areas/${encodeURIComponent(id)}`, input, areaSchema);
}

export function deleteArea(id: string) {
  return api.command("DELETE", `/api/worth/areas/${encodeURIComponent(id)}`);
}

export function fetchBarterSkills() {
  return api.get("/api/worth/barter-skills", z.array(barterSkillSchema));
}

export function addBarterSkill(name: string) {
  return api.post("/api/worth/barter-skills", { name }, barterSkillSchema);
}

export function removeBarterSkill(id: string) {
  return api.command("DELETE", `/api/worth/barter-skills/${encodeURIComponent(id)}`);
}
