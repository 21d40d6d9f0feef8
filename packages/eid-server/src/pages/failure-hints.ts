import type { FailureReason } from '../session/outcome.js';

/** The texts that explain a failure; each page kind's catalogue words "rights" for itself. */
export type FailureHintKey =
  'failedHintCard' | 'failedHintRights' | 'failedHintExpired' | 'failedHintOther';

/** A plain-language hint per failure; the reason code itself is only for staff. */
export const failureHints: Record<FailureReason, FailureHintKey> = {
  'client-error': 'failedHintCard',
  card: 'failedHintCard',
  rights: 'failedHintRights',
  expired: 'failedHintExpired',
  protocol: 'failedHintOther',
  'passive-authentication': 'failedHintOther',
  'chip-authentication': 'failedHintOther',
  'secure-messaging': 'failedHintOther',
};
