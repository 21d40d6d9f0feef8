import { CodedError } from '@sidbox/runtime';

/** Why a card verifiable structure (CVC, CHAT, description, auxiliary data) was refused. */
export type CvcErrorCode =
  | 'invalid-date'
  | 'invalid-chat'
  | 'malformed-certificate'
  | 'unsupported-algorithm'
  | 'invalid-reference'
  | 'malformed-description'
  | 'malformed-auxiliary-data';

export class CvcError extends CodedError<CvcErrorCode> {}
