import { backoffDelayMs } from '@sidbox/runtime';

/** How long to wait before restarting a crashed AusweisApp. */
export interface RestartPolicy {
  initialMs: number;
  factor: number;
  maxMs: number;
  /** A process that ran this long counts as stable: the next crash starts again at attempt 1. */
  stableAfterMs: number;
}

export const defaultBackoff: RestartPolicy = {
  initialMs: 250,
  factor: 2,
  maxMs: 30_000,
  stableAfterMs: 60_000,
};

/** Delay before restart `attempt` (1 = first restart after a stable run): exponential, capped. */
export function nextBackoff(attempt: number, policy: RestartPolicy = defaultBackoff): number {
  return backoffDelayMs(attempt - 1, policy);
}
