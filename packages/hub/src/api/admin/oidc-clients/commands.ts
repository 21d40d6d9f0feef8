import type { OidcClientInput, UpdateOidcClientBody } from '@sidbox/protocol';
import type { Updateable } from 'kysely';
import type { AdminActor } from '../../../auth/actor.js';
import { audit } from '../../../audit.js';
import type { HubDb } from '../../../db/connect.js';
import type { OidcClientRow, OidcClientTable } from '../../../db/schema.js';
import { HubError, notFound } from '../../../errors.js';
import { findOidcClient } from '../../../oidc-clients/queries.js';
import { oidcClientColumnsOf } from '../../../oidc-clients/rows.js';
import { newClientSecret, storedClientSecret } from '../../../oidc-clients/secret.js';

/** What the audit says about a platform's settings; never its secret. */
const settingsOf = (row: OidcClientRow) => ({
  name: row.name,
  redirectUris: JSON.parse(row.redirect_uris) as unknown,
  claims: JSON.parse(row.claims) as unknown,
  minimumAge: row.minimum_age,
});

/**
 * Registers a member's platform with a new secret; the row returned is as stored (its secret
 * sealed when the hub has a key-encryption key). A client id is one platform's at the one
 * eID-Server, so it is taken for good across all members, even once archived.
 */
export async function createOidcClient(
  db: HubDb,
  actor: AdminActor | undefined,
  organisationId: string,
  input: OidcClientInput,
): Promise<OidcClientRow> {
  await refuseTakenId(db, input.clientId, organisationId);
  const now = new Date().toISOString();
  const row: OidcClientRow = {
    client_id: input.clientId,
    organisation_id: organisationId,
    ...oidcClientColumnsOf(input),
    client_secret: storedClientSecret(db, input.clientId, newClientSecret()),
    archived: 0,
    created_at: now,
    updated_at: now,
  };
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('oidc_clients').values(row).execute();
      await audit(trx, actor, {
        action: 'oidc-client.create',
        organisationId,
        targetId: row.client_id,
        details: settingsOf(row),
      });
    });
  } catch (error) {
    // Two admins registering the same id at once: the loser hears why, as if it came second.
    await refuseTakenId(db, input.clientId, organisationId);
    throw error;
  }
  return row;
}

async function refuseTakenId(db: HubDb, clientId: string, organisationId: string): Promise<void> {
  const existing = await findOidcClient(db, clientId);
  if (!existing) return;
  const restore =
    existing.archived === 1 && existing.organisation_id === organisationId
      ? ' (archived: restore it instead)'
      : '';
  throw new HubError(
    'oidc-client-exists',
    `a platform with client id "${clientId}" is registered${restore}; choose another id`,
  );
}

/** Changes an active platform's name, redirect URIs, claims and minimum age. */
export async function updateOidcClient(
  db: HubDb,
  actor: AdminActor | undefined,
  client: OidcClientRow,
  input: UpdateOidcClientBody,
): Promise<OidcClientRow> {
  requireActive(client);
  const columns = oidcClientColumnsOf(input);
  return changeOidcClient(db, actor, client, columns, {
    action: 'oidc-client.update',
    details: settingsOf({ ...client, ...columns }),
  });
}

/** Archives or restores a platform: the eID-Server stops or starts signing citizens in to it. */
export async function setOidcClientArchived(
  db: HubDb,
  actor: AdminActor | undefined,
  client: OidcClientRow,
  archived: boolean,
): Promise<OidcClientRow> {
  if ((client.archived === 1) === archived) return client;
  return changeOidcClient(
    db,
    actor,
    client,
    { archived: archived ? 1 : 0 },
    { action: archived ? 'oidc-client.archive' : 'oidc-client.restore' },
  );
}

/** A new secret for a platform (the old one stops working once the eID-Server pulls). */
export async function renewOidcClientSecret(
  db: HubDb,
  actor: AdminActor | undefined,
  client: OidcClientRow,
): Promise<OidcClientRow> {
  requireActive(client);
  return changeOidcClient(
    db,
    actor,
    client,
    { client_secret: storedClientSecret(db, client.client_id, newClientSecret()) },
    { action: 'oidc-client.renew-secret' },
  );
}

/** Writes a change to a platform and its audit entry in one transaction; the row as stored then. */
async function changeOidcClient(
  db: HubDb,
  actor: AdminActor | undefined,
  client: OidcClientRow,
  columns: Updateable<OidcClientTable>,
  entry: { action: string; details?: object },
): Promise<OidcClientRow> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('oidc_clients')
      .set({ ...columns, updated_at: new Date().toISOString() })
      .where('client_id', '=', client.client_id)
      .execute();
    await audit(trx, actor, {
      ...entry,
      organisationId: client.organisation_id,
      targetId: client.client_id,
    });
  });
  return reloaded(db, client.client_id);
}

function requireActive(client: OidcClientRow): void {
  if (client.archived === 1)
    throw new HubError('oidc-client-archived', 'the platform is archived; restore it first');
}

async function reloaded(db: HubDb, clientId: string): Promise<OidcClientRow> {
  const row = await findOidcClient(db, clientId);
  if (!row) throw notFound('platform');
  return row;
}
