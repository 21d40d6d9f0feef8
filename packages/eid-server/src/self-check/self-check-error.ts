import { CodedError } from '@sidbox/runtime';

/** Why the self-check pages cannot be served as configured, or a text cannot be filled. */
export type SelfCheckErrorCode =
  'no-service' | 'origin-not-allowed' | 'no-tc-token' | 'missing-value';

export class SelfCheckError extends CodedError<SelfCheckErrorCode> {}
