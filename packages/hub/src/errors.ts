/**
 * Every error the hub reports, named once with a stable code and its HTTP status. Handlers throw
 * `HubError`; the edge (app.ts) turns it into `{ error: { code, message } }`.
 */
export const errorCodes = {
  'invalid-request': 400,
  'not-authenticated': 401,
  'invalid-credentials': 401,
  'invalid-terminal-token': 401,
  'invalid-api-key': 401,
  'invalid-access-point-token': 401,
  'access-point-revoked': 401,
  'csrf-token-missing': 403,
  forbidden: 403,
  'terminal-revoked': 403,
  'not-found': 404,
  conflict: 409,
  'eid-server-not-configured': 409,
  'eid-app-exists': 409,
  'eid-app-archived': 409,
  'not-an-access-app': 409,
  'oidc-client-exists': 409,
  'oidc-client-archived': 409,
  'registration-code-unknown': 404,
  'registration-code-used': 410,
  'registration-code-expired': 410,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  internal: 500,
  'not-ready': 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class HubError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HubError';
    this.status = errorCodes[code];
  }
}

export const notFound = (what: string) => new HubError('not-found', `${what} not found`);
export const forbidden = (message = 'not allowed for your role or organisation') =>
  new HubError('forbidden', message);
export const conflict = (message: string) => new HubError('conflict', message);

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}
