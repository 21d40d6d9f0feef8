import { randomBytes } from 'node:crypto';
import type { HubDb } from '../db/connect.js';
import type { OidcClientRow } from '../db/schema.js';
import { clientSecretContext } from '../signing/envelope.js';
import { keyVaultOf } from '../signing/key-vault.js';

/** A platform's client secret: 256 random bits, base64url (43 characters). */
export const newClientSecret = () => randomBytes(32).toString('base64url');

/** What to store in `client_secret`: sealed with the hub's key-encryption key (if it has one). */
export const storedClientSecret = (db: HubDb, clientId: string, secret: string): string =>
  keyVaultOf(db).sealSecret(clientSecretContext(clientId), secret);

/** A platform's secret as issued, opened from its row (a KeyVaultError when it cannot be). */
export const clientSecretOf = (db: HubDb, row: OidcClientRow): string =>
  keyVaultOf(db).openSecret(clientSecretContext(row.client_id), row.client_secret);
