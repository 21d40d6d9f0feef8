import type { CreateEidAppBody, UpdateEidAppBody } from '@sidbox/protocol';
import type { AdminActor } from '../../../auth/actor.js';
import { audit } from '../../../audit.js';
import type { HubDb } from '../../../db/connect.js';
import type { EidAppRow } from '../../../db/schema.js';
import { conflict, HubError, notFound } from '../../../errors.js';
import { eidAppColumnsOf } from '../../../eid-apps/rows.js';
import { findEidApp } from '../../../eid-apps/queries.js';

/** Adds an app to a member; its id is taken for good, even once archived. */
export async function createEidApp(
  db: HubDb,
  actor: AdminActor | undefined,
  organisationId: string,
  input: CreateEidAppBody,
): Promise<EidAppRow> {
  const existing = await findEidApp(db, input.id);
  if (existing) {
    const state = existing.archived === 1 ? ' (archived: restore it instead)' : '';
    throw new HubError('eid-app-exists', `an app with id "${input.id}" exists${state}`);
  }
  const now = new Date().toISOString();
  const row: EidAppRow = {
    id: input.id,
    organisation_id: organisationId,
    ...eidAppColumnsOf(input),
    archived: 0,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('eid_apps').values(row).execute();
    await audit(trx, actor, {
      action: 'eid-app.create',
      organisationId,
      targetId: row.id,
      details: { kind: row.kind },
    });
  });
  return row;
}

/** Changes an active app's texts and settings; its kind stays what its data was made for. */
export async function updateEidApp(
  db: HubDb,
  actor: AdminActor | undefined,
  app: EidAppRow,
  input: UpdateEidAppBody,
): Promise<EidAppRow> {
  if (app.archived === 1) throw new HubError('eid-app-archived', 'restore the app first');
  if (input.settings.kind !== app.kind)
    throw conflict(`the app is a "${app.kind}" app; its kind cannot change (add a new app)`);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('eid_apps')
      .set({ ...eidAppColumnsOf(input), updated_at: new Date().toISOString() })
      .where('id', '=', app.id)
      .execute();
    await audit(trx, actor, {
      action: 'eid-app.update',
      organisationId: app.organisation_id,
      targetId: app.id,
    });
  });
  return reloaded(db, app.id);
}

/**
 * Archives or restores an app: terminals drop or regain its tile with their next pull, the
 * eID-Server stops or starts offering it, access points get "app-inactive" while archived.
 */
export async function setEidAppArchived(
  db: HubDb,
  actor: AdminActor | undefined,
  app: EidAppRow,
  archived: boolean,
): Promise<EidAppRow> {
  if ((app.archived === 1) === archived) return app;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('eid_apps')
      .set({ archived: archived ? 1 : 0, updated_at: new Date().toISOString() })
      .where('id', '=', app.id)
      .execute();
    await audit(trx, actor, {
      action: archived ? 'eid-app.archive' : 'eid-app.restore',
      organisationId: app.organisation_id,
      targetId: app.id,
    });
  });
  return reloaded(db, app.id);
}

async function reloaded(db: HubDb, id: string): Promise<EidAppRow> {
  const row = await findEidApp(db, id);
  if (!row) throw notFound('eID app');
  return row;
}
