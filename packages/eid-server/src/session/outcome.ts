import type { AuthenticationResult } from '../authentication-result.js';

/**
 * Why an authentication did not give a result, named once. The eService sees the code; logs
 * carry it with the session id; nothing here holds card data.
 */
export const failureReasons = [
  /** The eID-Client reported an error other than a cancellation. */
  'client-error',
  /** A message arrived that does not fit the exchange (out of order, replayed, wrong session). */
  'protocol',
  /** The citizen's rights do not include everything the eService requires. */
  'rights',
  /** EF.CardSecurity is not signed by a trusted document signer. */
  'passive-authentication',
  /** The chip did not prove its key (Chip Authentication token). */
  'chip-authentication',
  /** A secure-messaging response failed its MAC or format check. */
  'secure-messaging',
  /** The card refused a command it should have answered. */
  'card',
  /** The session expired before it finished. */
  'expired',
] as const;
export type FailureReason = (typeof failureReasons)[number];

export type SessionOutcome =
  | { kind: 'success'; result: AuthenticationResult }
  | { kind: 'cancelled' }
  | { kind: 'failed'; reason: FailureReason };

export class ExchangeError extends Error {
  override readonly name = 'ExchangeError';
  constructor(
    readonly reason: FailureReason,
    message: string,
  ) {
    super(message);
  }
}
