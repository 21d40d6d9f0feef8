import type { EidApp } from '@sidbox/protocol';
import type { HubDb } from '../db/connect.js';
import type { EidAppRow } from '../db/schema.js';
import { eidAppOf } from './rows.js';

export async function findEidApp(db: HubDb, id: string): Promise<EidAppRow | undefined> {
  return db.selectFrom('eid_apps').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A member's active apps, or every member's; by id. */
export async function activeApps(db: HubDb, organisationId?: string): Promise<EidApp[]> {
  let query = db.selectFrom('eid_apps').selectAll().where('archived', '=', 0).orderBy('id');
  if (organisationId) query = query.where('organisation_id', '=', organisationId);
  return (await query.execute()).map(eidAppOf);
}
