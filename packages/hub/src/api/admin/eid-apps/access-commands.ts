import { randomUUID } from 'node:crypto';
import type { AccessGrantBody } from '@sidbox/protocol';
import type { z } from 'zod';
import type { AdminActor } from '../../../auth/actor.js';
import { audit } from '../../../audit.js';
import type { HubDb } from '../../../db/connect.js';
import type {
  AccessPersonRow,
  AccessPointRow,
  AccessRegistrationRow,
  EidAppRow,
} from '../../../db/schema.js';
import { notFound } from '../../../errors.js';
import { newAccessPointToken, newRegistrationCode, sha256Hex } from '../../../eid-apps/secrets.js';

type Grant = z.output<typeof AccessGrantBody>;

const registrationDays = 7;

/** A one-time code for a person; answered once, only its hash is kept. */
export async function createRegistration(
  db: HubDb,
  actor: AdminActor | undefined,
  app: EidAppRow,
  grant: Grant,
  now = new Date(),
): Promise<{ registration: AccessRegistrationRow; code: string }> {
  const expiresAt = new Date(now.getTime() + registrationDays * 86_400_000).toISOString();
  return db.transaction().execute(async (trx) => {
    for (;;) {
      const code = newRegistrationCode();
      const registration: AccessRegistrationRow = {
        id: randomUUID(),
        app_id: app.id,
        code_hash: sha256Hex(code),
        label: grant.label,
        windows: JSON.stringify(grant.windows),
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
      };
      // A code equal to a stored one (about 1 in 10^12 per pair) is drawn again.
      const inserted = await trx
        .insertInto('access_registrations')
        .values(registration)
        .onConflict((oc) => oc.column('code_hash').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      await audit(trx, actor, {
        action: 'access-registration.create',
        organisationId: app.organisation_id,
        targetId: `${app.id}/${registration.id}`,
      });
      return { registration, code };
    }
  });
}

export async function listRegistrations(db: HubDb, app: EidAppRow) {
  return db
    .selectFrom('access_registrations')
    .selectAll()
    .where('app_id', '=', app.id)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
}

export async function listPersons(db: HubDb, app: EidAppRow) {
  return db
    .selectFrom('access_persons')
    .selectAll()
    .where('app_id', '=', app.id)
    .orderBy('label')
    .orderBy('id')
    .execute();
}

export async function findPerson(
  db: HubDb,
  app: EidAppRow,
  personId: string,
): Promise<AccessPersonRow> {
  const person = await db
    .selectFrom('access_persons')
    .selectAll()
    .where('app_id', '=', app.id)
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw notFound('person');
  return person;
}

/** A person's new label and windows; the next decision applies them. */
export async function updatePerson(
  db: HubDb,
  actor: AdminActor | undefined,
  app: EidAppRow,
  person: AccessPersonRow,
  grant: Grant,
): Promise<AccessPersonRow> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('access_persons')
      .set({ label: grant.label, windows: JSON.stringify(grant.windows) })
      .where('id', '=', person.id)
      .execute();
    await audit(trx, actor, {
      action: 'access-person.update',
      organisationId: app.organisation_id,
      targetId: `${app.id}/${person.id}`,
    });
  });
  return findPerson(db, app, person.id);
}

/** Revokes a person: the next online decision and the next allowlist leave them out. */
export async function revokePerson(
  db: HubDb,
  actor: AdminActor | undefined,
  app: EidAppRow,
  person: AccessPersonRow,
): Promise<AccessPersonRow> {
  if (person.revoked_at) return person;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('access_persons')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', person.id)
      .execute();
    await audit(trx, actor, {
      action: 'access-person.revoke',
      organisationId: app.organisation_id,
      targetId: `${app.id}/${person.id}`,
    });
  });
  return findPerson(db, app, person.id);
}

/** A new access point; its token is answered once, only its hash is kept. */
export async function createAccessPoint(
  db: HubDb,
  actor: AdminActor | undefined,
  app: EidAppRow,
  name: string,
): Promise<{ accessPoint: AccessPointRow; token: string }> {
  const token = newAccessPointToken();
  const accessPoint: AccessPointRow = {
    id: randomUUID(),
    app_id: app.id,
    name,
    token_hash: sha256Hex(token),
    created_at: new Date().toISOString(),
    revoked_at: null,
    last_seen_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('access_points').values(accessPoint).execute();
    await audit(trx, actor, {
      action: 'access-point.create',
      organisationId: app.organisation_id,
      targetId: `${app.id}/${accessPoint.id}`,
    });
  });
  return { accessPoint, token };
}

export async function listAccessPoints(db: HubDb, app: EidAppRow) {
  return db
    .selectFrom('access_points')
    .selectAll()
    .where('app_id', '=', app.id)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function findAccessPoint(
  db: HubDb,
  app: EidAppRow,
  pointId: string,
): Promise<AccessPointRow> {
  const point = await db
    .selectFrom('access_points')
    .selectAll()
    .where('app_id', '=', app.id)
    .where('id', '=', pointId)
    .executeTakeFirst();
  if (!point) throw notFound('access point');
  return point;
}

/** Revokes an access point for good: its token stops working at once. */
export async function revokeAccessPoint(
  db: HubDb,
  actor: AdminActor | undefined,
  app: EidAppRow,
  point: AccessPointRow,
): Promise<AccessPointRow> {
  if (point.revoked_at) return point;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('access_points')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', point.id)
      .execute();
    await audit(trx, actor, {
      action: 'access-point.revoke',
      organisationId: app.organisation_id,
      targetId: `${app.id}/${point.id}`,
    });
  });
  return findAccessPoint(db, app, point.id);
}

/** The app's decision log, newest first, with the point's name and the person's label. */
export async function listDecisions(db: HubDb, app: EidAppRow, limit: number) {
  return db
    .selectFrom('access_decisions')
    .innerJoin('access_points', 'access_points.id', 'access_decisions.point_id')
    .leftJoin('access_persons', 'access_persons.id', 'access_decisions.person_id')
    .selectAll('access_decisions')
    .select(['access_points.name as pointName', 'access_persons.label as personLabel'])
    .where('access_decisions.app_id', '=', app.id)
    .orderBy('access_decisions.decided_at', 'desc')
    .orderBy('access_decisions.decision_id')
    .limit(limit)
    .execute();
}
