import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, use } from "react";
import { useNavigate } from "react-router";
import type { Action } from "../../../src/auth/rules.ts";
import type { Me } from "../../../src/auth/schema.ts";
import { fetchMe, meKey, setupKey } from "./api.ts";

export function useMeQuery() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** The signed-in person, provided by the signed-in layout to every page inside it. */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = use(MeContext);
  if (!me) throw new Error("useMe is only available on signed-in pages");
  return me;
}

export function can(me: Me, action: Action): boolean {
  return me.permissions.includes(action);
}

/** Where a person lands after signing in: the app for owners and managers, the portal for contractors. */
export function homePath(me: Me): string {
  if (can(me, "shell.use")) return "/";
  if (can(me, "portal.use")) return "/portal";
  return "/account";
}

/** A path to return to after signing in, if it is one of ours. */
export function returnPath(next: string | null): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return null;
  return next;
}

export function signInPath(wanted: { pathname: string; search: string }): string {
  const next = `${wanted.pathname}${wanted.search}`;
  return next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}

/** After sign-in, setup or accepting an invite: forget the last person's data, then go in. */
export function useEnter() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (me: Me, wanted?: string | null) => {
    queryClient.removeQueries({
      predicate: (query) => query.queryKey[0] !== setupKey[0] && query.queryKey[0] !== meKey[0],
    });
    queryClient.setQueryData(setupKey, { needed: false });
    queryClient.setQueryData(meKey, me);
    navigate(wanted ?? homePath(me), { replace: true });
  };
}
