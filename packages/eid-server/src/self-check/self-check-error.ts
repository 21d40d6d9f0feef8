import { CodedError } from '@sidbox/runtime';

/** Why the self-check pages cannot be served as configured. */
export type SelfCheckErrorCode = 'no-service' | 'origin-not-allowed' | 'no-tc-token';

export class SelfCheckError extends CodedError<SelfCheckErrorCode> {}
