import type { HubDb } from '../db/connect.js';
import { currentSigningKey } from './keys.js';
import { keyVaultOf } from './key-vault.js';
import { readStored } from './envelope.js';

/** What a start's sealing did: how many rows it sealed, and whether any was plaintext before. */
export interface SealedAtStart {
  sealed: number;
  plaintextSealed: boolean;
}

/**
 * At start: opens every stored signing key (a missing or wrong key-encryption key stops the
 * hub here, not at the first signature), seals plaintext keys and keys sealed with a previous
 * KEK with the current one, and makes sure a current key exists.
 */
export async function sealSigningKeys(db: HubDb): Promise<SealedAtStart> {
  const vault = keyVaultOf(db);
  const rows = await db.selectFrom('signing_keys').select(['kid', 'private_jwk']).execute();
  for (const row of rows) vault.open(row.kid, row.private_jwk);
  const stale = rows.filter((row) => vault.needsSealing(row.private_jwk));
  let plaintextSealed = false;
  for (const row of stale) {
    plaintextSealed ||= readStored(row.private_jwk) === 'plaintext';
    await db
      .updateTable('signing_keys')
      .set({ private_jwk: vault.store(vault.open(row.kid, row.private_jwk)) })
      .where('kid', '=', row.kid)
      // Another instance re-sealed it meanwhile: theirs stands.
      .where('private_jwk', '=', row.private_jwk)
      .execute();
  }
  await currentSigningKey(db);
  return { sealed: stale.length, plaintextSealed };
}
