import type { z } from 'zod';
import type { AdminActor } from '../../../auth/actor.js';
import { audit } from '../../../audit.js';
import { serviceColumnsOf } from '../../../config/catalogue.js';
import type { HubDb } from '../../../db/connect.js';
import type { ServiceRow } from '../../../db/schema.js';
import { conflict, notFound } from '../../../errors.js';
import type { CreateServiceBody, ReplaceServiceBody } from './schema.js';

export async function findService(db: HubDb, id: string): Promise<ServiceRow | undefined> {
  return db
    .selectFrom('services')
    .selectAll()
    .where('id', '=', id)
    .where('archived', '=', 0)
    .executeTakeFirst();
}

export async function createService(
  db: HubDb,
  actor: AdminActor | undefined,
  input: z.output<typeof CreateServiceBody>,
): Promise<ServiceRow> {
  const { id, organisationId, ...entry } = input;
  const existing = await db
    .selectFrom('services')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (existing) throw conflict(`a service with id "${id}" exists`);
  const row: ServiceRow = {
    id,
    organisation_id: organisationId ?? null,
    ...serviceColumnsOf(entry),
    archived: 0,
    updated_at: new Date().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('services').values(row).execute();
    await audit(trx, actor, {
      action: 'service.create',
      organisationId: row.organisation_id,
      targetId: id,
      details: { scope: row.organisation_id ? 'local' : 'national' },
    });
  });
  return row;
}

export async function replaceService(
  db: HubDb,
  actor: AdminActor,
  service: ServiceRow,
  input: z.output<typeof ReplaceServiceBody>,
): Promise<ServiceRow> {
  const changes = { ...serviceColumnsOf(input), updated_at: new Date().toISOString() };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('services').set(changes).where('id', '=', service.id).execute();
    await audit(trx, actor, {
      action: 'service.update',
      organisationId: service.organisation_id,
      targetId: service.id,
    });
  });
  const row = await findService(db, service.id);
  if (!row) throw notFound('service');
  return row;
}

/** Archives an entry: terminals stop offering it; past statistics keep its id. */
export async function archiveService(
  db: HubDb,
  actor: AdminActor,
  service: ServiceRow,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('services')
      .set({ archived: 1, updated_at: new Date().toISOString() })
      .where('id', '=', service.id)
      .execute();
    await trx.deleteFrom('terminal_services').where('service_id', '=', service.id).execute();
    await audit(trx, actor, {
      action: 'service.archive',
      organisationId: service.organisation_id,
      targetId: service.id,
    });
  });
}
