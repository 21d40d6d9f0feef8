import { randomUUID } from 'node:crypto';
import { openDatabase, type HubDb, type StorageTarget } from './db/connect.js';

export const associationSlug = 'association';

/** Opens and migrates the database; makes sure the association exists (the signing key: startHub). */
export async function openHubDatabase(target: StorageTarget): Promise<HubDb> {
  const db = await openDatabase(target);
  try {
    await db
      .insertInto('organisations')
      .values({
        id: randomUUID(),
        slug: associationSlug,
        name: 'buergerservice.org e.V.',
        kind: 'association',
        membership_status: 'active',
        yearly_fee_cents: 0,
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/** Finds an organisation by id or slug. */
export async function findOrganisationRef(db: HubDb, ref: string) {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', ref), eb('slug', '=', ref)]))
    .executeTakeFirst();
}
