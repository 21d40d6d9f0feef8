import { randomUUID } from 'node:crypto';
import type { AccessRegistrationRequest, AccessRegistrationResponse } from '@sidbox/protocol';
import { audit } from '../audit.js';
import type { HubDb } from '../db/connect.js';
import { HubError, notFound } from '../errors.js';
import { findEidApp } from './queries.js';
import { windowsOf } from './rows.js';
import { sha256Hex } from './secrets.js';

/**
 * A person registered with a one-time code at a terminal; the eID-Server reports the hash of
 * their pseudonym. The code is used up. A person already registered with the app (the same
 * card) is not duplicated: their label and windows become the code's, and a revoked person is
 * admitted again — the admin handed out the new code on purpose.
 */
export async function registerPerson(
  db: HubDb,
  request: AccessRegistrationRequest,
  now = new Date(),
): Promise<AccessRegistrationResponse> {
  const app = await findEidApp(db, request.appId);
  if (!app || app.archived === 1 || app.kind !== 'access') throw notFound('access app');
  const registration = await db
    .selectFrom('access_registrations')
    .selectAll()
    .where('code_hash', '=', sha256Hex(request.code))
    .where('app_id', '=', app.id)
    .executeTakeFirst();
  if (!registration) throw new HubError('registration-code-unknown', 'no such registration code');
  if (registration.used_at) throw new HubError('registration-code-used', 'code already used');
  if (registration.expires_at <= now.toISOString())
    throw new HubError('registration-code-expired', 'code expired; ask for a new one');

  await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('access_registrations')
      .set({ used_at: now.toISOString() })
      .where('id', '=', registration.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new HubError('registration-code-used', 'code already used');
    await trx
      .insertInto('access_persons')
      .values({
        id: randomUUID(),
        app_id: app.id,
        pseudonym_hash: request.pseudonymHash,
        label: registration.label,
        windows: registration.windows,
        revoked_at: null,
        created_at: now.toISOString(),
      })
      .onConflict((oc) =>
        oc.columns(['app_id', 'pseudonym_hash']).doUpdateSet({
          label: registration.label,
          windows: registration.windows,
          revoked_at: null,
        }),
      )
      .execute();
    await audit(trx, undefined, {
      action: 'access-person.register',
      organisationId: app.organisation_id,
      targetId: `${app.id}/${registration.id}`,
    });
  });
  return { label: registration.label, windows: windowsOf(registration.windows) };
}
