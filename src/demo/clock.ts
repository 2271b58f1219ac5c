import type { AppContext } from "../context.ts";

/**
 * The app as it stood at a past instant: the demo tells weeks of history through the same
 * services people use, each step on the day it happened, so every record reads true.
 */
export function asOf(ctx: AppContext, instant: number): AppContext {
  return { ...ctx, now: () => instant };
}
