import { CodedError } from '@sidbox/runtime';

export type PaosErrorCode = 'malformed' | 'unknown-message' | 'invalid-argument';

/** A PAOS message the server cannot accept, or a value it cannot send. */
export class PaosError extends CodedError<PaosErrorCode> {}
