import { useQuery } from "@tanstack/react-query";
import { benchSchema } from "../../../src/people/schema.ts";
import { api } from "../app/api.ts";

/** The hiring and directory pages refresh this key too, so a hire or a new opening shows at once. */
export const benchKey = ["bench"] as const;

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
