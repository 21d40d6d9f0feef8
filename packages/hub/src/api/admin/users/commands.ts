import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AdminActor } from '../../../auth/actor.js';
import { hashPassword } from '@sidbox/runtime';
import { audit } from '../../../audit.js';
import type { HubDb } from '../../../db/connect.js';
import type { UserRow } from '../../../db/schema.js';
import { conflict, HubError, notFound } from '../../../errors.js';
import type { CreateUserBody } from './schema.js';
import { findOrganisation } from '../organisations/commands.js';

/** Creates a user; the role must fit the organisation (association roles only there). */
export async function createUser(
  db: HubDb,
  actor: AdminActor | undefined,
  input: z.output<typeof CreateUserBody>,
): Promise<UserRow> {
  const org = await findOrganisation(db, input.organisationId);
  if (!org) throw notFound('organisation');
  const associationRole = input.role === 'association-admin';
  if (associationRole !== (org.kind === 'association')) {
    throw new HubError(
      'invalid-request',
      `role ${input.role} does not fit a ${org.kind} organisation`,
    );
  }
  const email = input.email.toLowerCase();
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (taken) throw conflict(`a user with email ${email} exists`);
  const row: UserRow = {
    id: randomUUID(),
    organisation_id: org.id,
    email,
    role: input.role,
    password_hash: await hashPassword(input.password),
    created_at: new Date().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(row).execute();
    await audit(trx, actor, {
      action: 'user.create',
      organisationId: org.id,
      targetId: row.id,
      details: { email, role: row.role },
    });
  });
  return row;
}

export async function deleteUser(db: HubDb, actor: AdminActor, user: UserRow): Promise<void> {
  if (user.id === actor.userId) throw new HubError('invalid-request', 'you cannot delete yourself');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('users').where('id', '=', user.id).execute();
    await audit(trx, actor, {
      action: 'user.delete',
      organisationId: user.organisation_id,
      targetId: user.id,
      details: { email: user.email },
    });
  });
}
