import { ApiError } from "./api.ts";

/** The API's message for one input, shown under that input. */
export function fieldError(error: unknown, name: string): string | undefined {
  return error instanceof ApiError ? error.fields[name] : undefined;
}
