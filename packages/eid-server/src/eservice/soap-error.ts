export type SoapErrorCode = 'malformed' | 'unknown-operation' | 'invalid-value';

/** An eService request the server cannot accept, or a value it cannot answer with. */
export class SoapError extends Error {
  override readonly name = 'SoapError';
  constructor(
    readonly code: SoapErrorCode,
    message: string,
  ) {
    super(message);
  }
}
