export type ApduErrorCode = 'malformed' | 'out-of-range';

/** An APDU that ISO/IEC 7816-4 cannot encode or that does not parse. */
export class ApduError extends Error {
  override readonly name = 'ApduError';

  constructor(
    readonly code: ApduErrorCode,
    message: string,
  ) {
    super(message);
  }
}
