import { backoffDelayMs, type BackoffPolicy } from '@sidbox/runtime';

/** How long to wait before retrying a delivery that failed. */
export type RetryPolicy = Pick<BackoffPolicy, 'initialMs' | 'maxMs'>;

export const defaultRetryPolicy: RetryPolicy = { initialMs: 2_000, maxMs: 5 * 60_000 };

/** Doubling per failure, with jitter: a fleet back after a hub outage does not retry in lockstep. */
export function retryDelayMs(failures: number, policy: RetryPolicy, random = Math.random): number {
  return backoffDelayMs(failures, { ...policy, jitter: 'equal' }, random);
}
