import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AdminActor } from '../../../auth/actor.js';
import { audit } from '../../../audit.js';
import type { HubDb } from '../../../db/connect.js';
import type { OrganisationRow } from '../../../db/schema.js';
import { conflict, notFound } from '../../../errors.js';
import type { CreateOrganisationBody, UpdateOrganisationBody } from './schema.js';

export async function findOrganisation(
  db: HubDb,
  id: string,
): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createMember(
  db: HubDb,
  actor: AdminActor | undefined,
  input: z.output<typeof CreateOrganisationBody>,
): Promise<OrganisationRow> {
  const taken = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', input.slug)
    .executeTakeFirst();
  if (taken) throw conflict(`an organisation with slug "${input.slug}" exists`);
  const row: OrganisationRow = {
    id: randomUUID(),
    slug: input.slug,
    name: input.name,
    kind: 'member',
    membership_status: input.membershipStatus,
    yearly_fee_cents: input.yearlyFeeCents,
    created_at: new Date().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('organisations').values(row).execute();
    await audit(trx, actor, {
      action: 'organisation.create',
      organisationId: row.id,
      targetId: row.id,
      details: { slug: row.slug, name: row.name },
    });
  });
  return row;
}

export async function updateOrganisation(
  db: HubDb,
  actor: AdminActor,
  id: string,
  input: z.output<typeof UpdateOrganisationBody>,
): Promise<OrganisationRow> {
  const changes = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.membershipStatus !== undefined && { membership_status: input.membershipStatus }),
    ...(input.yearlyFeeCents !== undefined && { yearly_fee_cents: input.yearlyFeeCents }),
  };
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('organisations')
      .set(changes)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('organisation');
    await audit(trx, actor, {
      action: 'organisation.update',
      organisationId: id,
      targetId: id,
      details: input,
    });
  });
  const row = await findOrganisation(db, id);
  if (!row) throw notFound('organisation');
  return row;
}
