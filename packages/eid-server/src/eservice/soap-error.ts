import { CodedError } from '@sidbox/runtime';

export type SoapErrorCode = 'malformed' | 'unknown-operation' | 'invalid-value';

/** An eService request the server cannot accept, or a value it cannot answer with. */
export class SoapError extends CodedError<SoapErrorCode> {}
