import { useQuery, type QueryClient } from "@tanstack/react-query";
import {
  guardrailsSchema,
  loyaltySchema,
  type ReliablePerson,
} from "../../../src/guardrails/schema.ts";
import { benchSchema } from "../../../src/people/schema.ts";
import { workSettingsSchema, type WorkSettingsInput } from "../../../src/work/schema.ts";
import { api } from "../app/api.ts";
import { can, useMe } from "../auth/session.ts";
import { cadencesKey } from "../work/api.ts";

/** The hiring and directory pages refresh this key too, so a hire or a new opening shows at once. */
export const benchKey = ["bench"] as const;
export const guardrailsKey = ["guardrails"] as const;
/** Under the guardrails key, so whatever refreshes the guardrails refreshes this too. */
const loyaltyKey = [...guardrailsKey, "loyalty"] as const;
export const workSettingsKey = ["work-settings"] as const;

function fetchBench() {
  return api.get("/api/bench", benchSchema);
}

/**
 * The bench, read afresh whenever a page showing it opens: tasks, procedures and settings
 * elsewhere change it without saying so.
 */
export function useBench() {
  return useQuery({ queryKey: benchKey, queryFn: fetchBench, staleTime: 0 });
}

function fetchGuardrails() {
  return api.get("/api/guardrails", guardrailsSchema);
}

/** Read afresh on every visit: reports, reviews and contracts anywhere move them. */
export function useGuardrails() {
  return useQuery({ queryKey: guardrailsKey, queryFn: fetchGuardrails, staleTime: 0 });
}

function fetchLoyalty() {
  return api.get("/api/guardrails/loyalty", loyaltySchema);
}

/**
 * The reliable people by id, for the forms that pick someone for new work: the light read,
 * not every guardrail; empty for anyone who may not read the guardrails.
 */
export function useReliable(): Map<string, ReliablePerson> {
  const loyalty = useQuery({
    queryKey: loyaltyKey,
    queryFn: fetchLoyalty,
    staleTime: 0,
    enabled: can(useMe(), "work.read"),
  });
  return new Map((loyalty.data?.reliable ?? []).map((person) => [person.contractorId, person]));
}

export function useWorkSettings() {
  return useQuery({
    queryKey: workSettingsKey,
    queryFn: () => api.get("/api/work-settings", workSettingsSchema),
  });
}

/** Every field sent; a blank one as null, so the API names it rather than keeping the old value. */
export type WorkSettingsForm = { [Field in keyof WorkSettingsInput]-?: number | null };

export function saveWorkSettings(input: WorkSettingsForm) {
  return api.put("/api/work-settings", input, workSettingsSchema);
}

/** The settings move cadences, slips and loyalty at once. */
export async function refreshAfterWorkSettings(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: guardrailsKey }),
    queryClient.invalidateQueries({ queryKey: cadencesKey }),
  ]);
}
