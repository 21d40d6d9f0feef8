import type { HubDb } from '../db/connect.js';
import { clientSecretContext, readStored } from '../signing/envelope.js';
import { keyVaultOf } from '../signing/key-vault.js';
import type { SealedAtStart } from '../signing/seal-signing-keys.js';

/**
 * At start, as for the signing keys: opens every platform's stored client secret (a wrong
 * key-encryption key stops the hub here, not at the eID-Server's next pull) and seals plaintext
 * ones and ones sealed with a previous KEK with the current one.
 */
export async function sealClientSecrets(db: HubDb): Promise<SealedAtStart> {
  const vault = keyVaultOf(db);
  const rows = await db.selectFrom('oidc_clients').select(['client_id', 'client_secret']).execute();
  const opened = rows.map((row) => ({
    ...row,
    plaintext: vault.openSecret(clientSecretContext(row.client_id), row.client_secret),
  }));
  const stale = opened.filter((row) => vault.needsSealing(row.client_secret));
  let plaintextSealed = false;
  for (const row of stale) {
    plaintextSealed ||= readStored(row.client_secret) === 'plaintext';
    await db
      .updateTable('oidc_clients')
      .set({ client_secret: vault.sealSecret(clientSecretContext(row.client_id), row.plaintext) })
      .where('client_id', '=', row.client_id)
      // Another instance re-sealed it, or an admin renewed it, meanwhile: theirs stands.
      .where('client_secret', '=', row.client_secret)
      .execute();
  }
  return { sealed: stale.length, plaintextSealed };
}
