import type { HubDb } from '../db/connect.js';
import { Kek } from './kek.js';
import { bindKeyVault, KeyVault } from './key-vault.js';
import { sealSigningKeys } from './seal-signing-keys.js';

/**
 * Binds the hub's key-encryption keys to its database and brings the stored signing keys under
 * the current one. Throws KeyVaultError when the keys cannot be opened.
 */
export async function openKeyVault(
  db: HubDb,
  options: { keyEncryptionKey?: string | undefined; previousKeyEncryptionKeys: string[] },
): Promise<{ sealed: number }> {
  const kek = (text: string) => {
    const parsed = Kek.fromBase64(text);
    // The options schema has checked the form already; this is the length after decoding.
    if (!parsed) throw new Error('hub: a key-encryption key must be 32 bytes in base64');
    return parsed;
  };
  const current =
    options.keyEncryptionKey === undefined ? undefined : kek(options.keyEncryptionKey);
  bindKeyVault(db, new KeyVault(current, options.previousKeyEncryptionKeys.map(kek)));
  return sealSigningKeys(db);
}
