/** How the outbox retries mail that the SMTP server did not take. */
export const deliveryPolicy = {
  maxAttempts: 8,
  firstRetryMs: 30_000,
  longestWaitMs: 60 * 60_000,
  /** A claimed message not confirmed within this time is tried again (its sender died). */
  claimLeaseMs: 2 * 60_000,
} as const;

/** Exponential backoff: 30 s, 1 min, 2 min, … capped at an hour. */
export function retryDelay(attemptsSoFar: number): number {
  const delay = deliveryPolicy.firstRetryMs * 2 ** Math.max(0, attemptsSoFar - 1);
  return Math.min(delay, deliveryPolicy.longestWaitMs);
}

export function hasAttemptsLeft(attemptsSoFar: number): boolean {
  return attemptsSoFar < deliveryPolicy.maxAttempts;
}
