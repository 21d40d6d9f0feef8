import {
  RotatedSigningKeyResponse,
  SigningKeyListResponse,
  type SigningKeyInfo,
} from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../../http.js';
import { adminOf } from '../../http.js';
import { audit } from '../../../audit.js';
import { requireAssociationAdmin } from '../../../policies.js';
import { listSigningKeys, rotateSigningKey, type KeyInfo } from '../../../signing/keys.js';

const tags = ['signing-keys'];

const presentKey = (key: KeyInfo): SigningKeyInfo => ({
  kid: key.kid,
  publicJwk: key.publicJwk,
  createdAt: key.createdAt,
  retiredAt: key.retiredAt,
  introducedByPrevious: key.introduction !== null,
});

/** The config-signing keys (public halves) and their rotation; association admin only. */
export function registerSigningKeyRoutes(app: HubApp, { db }: HubDeps): void {
  app.get(
    '/signing-keys',
    {
      schema: {
        tags,
        summary: 'Config-signing keys, oldest first',
        response: { 200: SigningKeyListResponse },
      },
    },
    async (request) => {
      requireAssociationAdmin(adminOf(request));
      return { keys: (await listSigningKeys(db)).map(presentKey) };
    },
  );

  app.post(
    '/signing-keys/rotate',
    {
      schema: {
        tags,
        summary: 'New signing key, introduced by the current one',
        response: { 200: RotatedSigningKeyResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      requireAssociationAdmin(actor);
      const key = await rotateSigningKey(db);
      await audit(db, actor, {
        action: 'signing-key.rotate',
        organisationId: null,
        targetId: key.kid,
      });
      return { kid: key.kid };
    },
  );
}
