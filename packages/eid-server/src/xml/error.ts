export type XmlErrorCode = 'too-large' | 'malformed' | 'doctype' | 'unencodable';

/** Why a document was refused (or, for 'unencodable', why a value cannot be written as XML). */
export class XmlError extends Error {
  override readonly name = 'XmlError';
  constructor(
    readonly code: XmlErrorCode,
    message: string,
  ) {
    super(message);
  }
}
