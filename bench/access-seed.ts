// A member with a door app, its registered persons, an access point and one unused
// registration code, written with the hub's own commands before the hub starts.
import { randomUUID } from 'node:crypto';
import type { AccessWindow } from '@sidbox/protocol';
import { publicPart, type PublicEd25519Jwk } from '@sidbox/signing';
import { createRegistration } from '../packages/hub/src/api/admin/eid-apps/access-commands.js';
import { createMember } from '../packages/hub/src/api/admin/organisations/commands.js';
import { openHubDatabase } from '../packages/hub/src/hub-database.js';
import { currentSigningKey } from '../packages/hub/src/signing/keys.js';
import { storageTarget } from '../packages/hub/src/start-hub.js';
import {
  accessAppOf,
  accessPointOf,
  registeredPersonOf,
} from '../packages/hub/test/helpers/eid-apps.js';
import type { Storage } from './hub-load.js';

export interface SeededDoor {
  organisationId: string;
  memberName: string;
  appId: string;
  pointId: string;
  /** The access point's bearer token. */
  token: string;
  /** The hub's configuration signing key, public part: the point's trust anchor. */
  trustAnchor: PublicEd25519Jwk;
  /** The registered persons' pseudonym hashes. */
  hashes: string[];
  /** A registration code not yet used (for the Simulator card). */
  cardCode: string;
}

/** Every other person may come at any time of the week; the rest have no window (always). */
const allWeek: AccessWindow[] = [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '23:59' }];

/** Registers `persons` as terminals do: a code from the admin, then the eID-Server's report. */
export async function seedDoor(storage: Storage, persons: number): Promise<SeededDoor> {
  const db = await openHubDatabase(storageTarget(storage));
  try {
    const memberName = 'Bench Club';
    const member = await createMember(db, undefined, {
      slug: 'bench-club',
      name: memberName,
      membershipStatus: 'active',
      yearlyFeeCents: 0,
    });
    const app = await accessAppOf(db, member.id);
    const hashes: string[] = [];
    for (let i = 0; i < persons; i++) {
      const grant = { label: `Person ${i + 1}`, windows: i % 2 === 0 ? allWeek : [] };
      hashes.push((await registeredPersonOf(db, app.id, randomUUID(), grant)).pseudonymHash);
    }
    const { accessPoint, token } = await accessPointOf(db, app.id);
    const card = { label: 'Simulator card', windows: [] };
    const { code } = await createRegistration(db, undefined, app, card);
    return {
      organisationId: member.id,
      memberName,
      appId: app.id,
      pointId: accessPoint.id,
      token,
      trustAnchor: publicPart(await currentSigningKey(db)),
      hashes,
      cardCode: code,
    };
  } finally {
    await db.destroy();
  }
}
