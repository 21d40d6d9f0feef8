import { CodedError } from '@sidbox/runtime';

export type ApduErrorCode = 'malformed' | 'out-of-range';

/** An APDU that ISO/IEC 7816-4 cannot encode or that does not parse. */
export class ApduError extends CodedError<ApduErrorCode> {}
