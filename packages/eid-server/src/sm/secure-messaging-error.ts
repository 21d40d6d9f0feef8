import { CodedError } from '@sidbox/runtime';

/**
 * Why a secure-messaging exchange failed. After any of these the channel is closed: the send
 * sequence counters of card and server can no longer be trusted to agree.
 */
export type SecureMessagingErrorCode =
  /** A MAC did not verify (tampering, a replayed or reordered response, wrong keys). */
  | 'mac'
  /** The data objects, padding or lengths are not those of ISO 7816-4 secure messaging. */
  | 'format'
  /** The card answered without secure messaging, e.g. 6987 or 6988 after an SM error. */
  | 'unprotected'
  /** Fewer responses came back than commands were sent in the batch. */
  | 'missing-response'
  /** More responses came back than commands were sent in the batch. */
  | 'unexpected-response'
  /** A call out of turn: a new batch before the last one's answers, or answers without a batch. */
  | 'state'
  /** The channel failed earlier and refuses further use. */
  | 'closed';

export class SecureMessagingError extends CodedError<SecureMessagingErrorCode> {}
