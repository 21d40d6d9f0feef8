import { CodedError } from '@sidbox/runtime';

export type XmlErrorCode = 'too-large' | 'malformed' | 'doctype' | 'unencodable';

/** Why a document was refused (or, for 'unencodable', why a value cannot be written as XML). */
export class XmlError extends CodedError<XmlErrorCode> {}
