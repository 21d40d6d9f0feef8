/** How long to wait before retrying a delivery that failed. */
export interface RetryPolicy {
  /** First retry delay. */
  baseMs: number;
  /** Longest delay between attempts (the delay doubles up to this). */
  maxMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * Exponential backoff with "equal jitter": half the capped delay for sure, the other half random,
 * so a fleet coming back after a hub outage does not retry in lockstep.
 */
export function retryDelayMs(failures: number, policy: RetryPolicy, random = Math.random): number {
  const capped = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failures, 30));
  return Math.round(capped / 2 + (capped / 2) * random());
}
