import type { PhoneCheckState } from '@sidbox/protocol';

/**
 * One phone self-check, as a value: no tokens, no card data, only where it stands and until
 * when. Times are epoch milliseconds. The functions below are the only way it changes.
 */
export type PhoneCheck =
  | { state: 'waiting'; linkExpiresAt: number }
  | { state: 'opened'; linkExpiresAt: number; sessionId: string; openUntil: number }
  | { state: 'ready' | 'failed'; linkExpiresAt: number; finishedAt: number };

/** How long a finished or expired check is still told to the terminal before it is forgotten. */
export const REPORT_MS = 60_000;

export function newPhoneCheck(now: number, linkTtlMs: number): PhoneCheck {
  return { state: 'waiting', linkExpiresAt: now + linkTtlMs };
}

/** The state a terminal is told: time turns an unused link, or a phone that never came back, into `expired`. */
export function stateAt(check: PhoneCheck, now: number): PhoneCheckState {
  if (check.state === 'waiting' && now >= check.linkExpiresAt) return 'expired';
  if (check.state === 'opened' && now >= check.openUntil) return 'expired';
  return check.state;
}

/** What opening the link would do now: start the check, or a page saying why not. */
export function linkUse(check: PhoneCheck | undefined, now: number): 'start' | 'used' | 'expired' {
  if (check === undefined) return 'expired';
  const state = stateAt(check, now);
  if (state === 'waiting') return 'start';
  // Used, whether the phone got on with it or not: a link works once.
  return state === 'expired' && check.state === 'waiting' ? 'expired' : 'used';
}

/**
 * The link is used: the check belongs to this authentication session from now on. `openUntil`
 * is when the session and its result are surely gone, so the phone cannot come back later.
 */
export function opened(
  check: PhoneCheck,
  now: number,
  sessionId: string,
  openUntil: number,
): PhoneCheck {
  if (linkUse(check, now) !== 'start') return check;
  return { state: 'opened', linkExpiresAt: check.linkExpiresAt, sessionId, openUntil };
}

/** The phone's result page read the session's outcome: the card was read, or it was not. */
export function finished(check: PhoneCheck, now: number, success: boolean): PhoneCheck {
  if (check.state !== 'opened' || stateAt(check, now) !== 'opened') return check;
  return {
    state: success ? 'ready' : 'failed',
    linkExpiresAt: check.linkExpiresAt,
    finishedAt: now,
  };
}

/** When nothing more can happen to the check and the terminal has had time to see how it ended. */
export function forgetAt(check: PhoneCheck): number {
  switch (check.state) {
    case 'waiting':
      return check.linkExpiresAt + REPORT_MS;
    case 'opened':
      return check.openUntil + REPORT_MS;
    default:
      return check.finishedAt + REPORT_MS;
  }
}
