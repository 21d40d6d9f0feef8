import { CodedError } from '@sidbox/runtime';

/**
 * Every error the eID-Server reports to an eService or client, named once with a stable code
 * and its HTTP status. The edge (http/app.ts) turns it into `{ error: { code, message } }`;
 * messages never carry card data, keys or session secrets.
 */
export const errorCodes = {
  'invalid-request': 400,
  'not-authenticated': 401,
  forbidden: 403,
  'not-found': 404,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'too-many-sessions': 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class EidServerError extends CodedError<ErrorCode> {
  readonly status: number = errorCodes[this.code];
}
