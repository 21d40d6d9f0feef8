import { randomUUID } from 'node:crypto';
import type { OidcClientInput } from '@sidbox/protocol';
import type { HubDb } from '../../src/db/connect.js';
import {
  createOidcClient,
  setOidcClientArchived,
} from '../../src/api/admin/oidc-clients/commands.js';

export const uniqueClientId = (prefix = 'portal') => `${prefix}-${randomUUID().slice(0, 8)}`;

/** What a member admin types for a platform asking for names and "older than 18". */
export const oidcClientInput = (clientId: string): OidcClientInput => ({
  clientId,
  name: 'Vereinsportal',
  redirectUris: ['https://portal.verein.example/oidc/callback', 'http://127.0.0.1:8080/cb'],
  claims: ['given_name', 'family_name', 'age_over'],
  minimumAge: 18,
});

/** A registered platform of a member, archived if asked. */
export async function oidcClientOf(
  db: HubDb,
  organisationId: string,
  { archived = false, clientId = uniqueClientId() } = {},
) {
  const row = await createOidcClient(db, undefined, organisationId, oidcClientInput(clientId));
  return archived ? setOidcClientArchived(db, undefined, row, true) : row;
}
