import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { meKey } from "../auth/api.ts";
import { isApiError } from "./api.ts";

/** Retries only what may succeed on a second try: network trouble and server errors. */
function shouldRetry(failures: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

export function createQueryClient(): QueryClient {
  // A session that ended (expired, signed out elsewhere, deactivated) sends the person to sign in.
  const whenSignedOut = (error: unknown) => {
    if (isApiError(error, 401) && error.code === "auth.required") {
      client.setQueryData(meKey, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: whenSignedOut }),
    mutationCache: new MutationCache({ onError: whenSignedOut }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
