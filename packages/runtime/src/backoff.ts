/** Exponential backoff, capped: how long to wait before the next try. */
export interface BackoffPolicy {
  /** Delay before the first retry. */
  initialMs: number;
  /** Longest delay. */
  maxMs: number;
  /** Growth per failure; 2 unless said otherwise. */
  factor?: number;
  /**
   * "equal": half the capped delay for sure, the other half random, so a fleet coming back
   * after an outage does not retry in lockstep. Without it the delay is exact.
   */
  jitter?: 'equal';
}

/** The delay after `failures` earlier failures (0: the first retry waits `initialMs`). */
export function backoffDelayMs(
  failures: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(0, Math.floor(failures)), 64);
  const capped = Math.min(policy.maxMs, policy.initialMs * (policy.factor ?? 2) ** exponent);
  if (policy.jitter !== 'equal') return Math.round(capped);
  return Math.round(capped / 2 + (capped / 2) * random());
}
