import { ApiError } from './api.js';
import type { MessageKey } from './messages.js';

/** The hub's stable error codes the UI explains in the user's language. */
const byCode: Record<string, MessageKey> = {
  'invalid-request': 'errors.invalid-request',
  'not-authenticated': 'errors.not-authenticated',
  'csrf-token-missing': 'errors.not-authenticated',
  forbidden: 'errors.forbidden',
  'not-found': 'errors.not-found',
  conflict: 'errors.conflict',
  'payload-too-large': 'errors.invalid-request',
  'rate-limited': 'errors.rate-limited',
  'eid-server-not-configured': 'errors.eid-server-missing',
  'eid-app-exists': 'eidApps.idTaken',
  'eid-app-archived': 'errors.eid-app-archived',
  'not-an-access-app': 'errors.not-an-access-app',
  'oidc-client-exists': 'oidcClients.idTaken',
  'oidc-client-archived': 'oidcClients.archivedError',
  internal: 'errors.internal',
};

/**
 * A failed call as a sentence for the admin: by the hub's error code, never its English
 * message; `overrides` name what a code means for this one action (e.g. conflict = id taken).
 */
export function errorText(
  error: unknown,
  t: (key: MessageKey) => string,
  overrides: Partial<Record<string, MessageKey>> = {},
): string {
  if (!(error instanceof ApiError)) return t('errors.unreachable');
  const key = overrides[error.code] ?? byCode[error.code];
  return key ? t(key) : `${t('errors.unknown')} (${error.code})`;
}
