import { CodedError } from '@sidbox/runtime';

export type CryptoErrorCode = 'invalid-key' | 'invalid-point' | 'invalid-pem';

/** A key or point the curve or cipher cannot use. Never carries key material. */
export class CryptoError extends CodedError<CryptoErrorCode> {}
