import { createHash, randomUUID } from 'node:crypto';
import type { AccessWindow, EidAppInput } from '@sidbox/protocol';
import type { HubDb } from '../../src/db/connect.js';
import { createEidApp } from '../../src/api/admin/eid-apps/commands.js';
import {
  createAccessPoint,
  createRegistration,
} from '../../src/api/admin/eid-apps/access-commands.js';
import { registerPerson } from '../../src/eid-apps/registrations.js';
import { findEidApp } from '../../src/eid-apps/queries.js';

export const uniqueAppId = (prefix = 'app') => `${prefix}-${randomUUID().slice(0, 8)}`;

/** What a member admin types for a door access app. */
export const accessAppInput = (id: string): EidAppInput => ({
  id,
  title: { de: 'Vereinsheim', en: 'Club house' },
  purpose: { de: 'Einlass ins Vereinsheim', en: 'Entry to the club house' },
  settings: { kind: 'access' },
});

/** A printed registration form asking for names and address. */
export const formAppInput = (id: string): EidAppInput => ({
  id,
  title: { de: 'Meldeschein', en: 'Registration form' },
  purpose: { de: 'Meldeschein im Hotel', en: 'Hotel registration form' },
  settings: {
    kind: 'form',
    cardData: ['givenNames', 'familyNames', 'placeOfResidence'],
    fields: [],
    output: 'print',
  },
});

export async function accessAppOf(db: HubDb, organisationId: string, id = uniqueAppId('door')) {
  return createEidApp(db, undefined, organisationId, accessAppInput(id));
}

/** A fake pseudonym's hash, as the eID-Server would report it for one card. */
export const pseudonymHashOf = (card: string) => createHash('sha256').update(card).digest('hex');

/** A person registered the way a terminal does: a code from the admin, then the eID-Server. */
export async function registeredPersonOf(
  db: HubDb,
  appId: string,
  card: string = randomUUID(),
  grant: { label: string; windows: AccessWindow[] } = { label: 'Member', windows: [] },
) {
  const app = await findEidApp(db, appId);
  if (!app) throw new Error(`no app ${appId}`);
  const { code } = await createRegistration(db, undefined, app, grant);
  const pseudonymHash = pseudonymHashOf(card);
  await registerPerson(db, { appId, code, pseudonymHash });
  const person = await db
    .selectFrom('access_persons')
    .selectAll()
    .where('app_id', '=', appId)
    .where('pseudonym_hash', '=', pseudonymHash)
    .executeTakeFirstOrThrow();
  return { ...person, pseudonymHash };
}

export async function accessPointOf(db: HubDb, appId: string, name = 'Front door') {
  const app = await findEidApp(db, appId);
  if (!app) throw new Error(`no app ${appId}`);
  return createAccessPoint(db, undefined, app, name);
}
