import type { EidServerOidcClientsResponse } from '@sidbox/protocol';
import type { HubDb } from '../db/connect.js';
import type { OidcClientRow } from '../db/schema.js';
import { oidcClientOf } from './rows.js';
import { clientSecretOf } from './secret.js';

export async function findOidcClient(
  db: HubDb,
  clientId: string,
): Promise<OidcClientRow | undefined> {
  return db
    .selectFrom('oidc_clients')
    .selectAll()
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/** Every member's active platforms with their secrets, opened: only for the eID-Server. */
export async function activeOidcClients(db: HubDb): Promise<EidServerOidcClientsResponse> {
  const rows = await db
    .selectFrom('oidc_clients')
    .selectAll()
    .where('archived', '=', 0)
    .orderBy('client_id')
    .execute();
  return {
    clients: rows.map((row) => ({ ...oidcClientOf(row), clientSecret: clientSecretOf(db, row) })),
  };
}
