import type { FastifyBaseLogger } from 'fastify';
import type { HubDb } from '../db/connect.js';
import { Kek } from './kek.js';
import { bindKeyVault, KeyVault } from './key-vault.js';
import { sealSigningKeys } from './seal-signing-keys.js';
import { sealClientSecrets } from '../oidc-clients/seal-client-secrets.js';
import { scrubFreedPages } from './scrub-freed-pages.js';

/**
 * Binds the hub's key-encryption keys to its database and brings the stored signing keys and
 * platforms' client secrets under the current one. Throws KeyVaultError when they cannot be
 * opened.
 */
export async function openKeyVault(
  db: HubDb,
  options: { keyEncryptionKey?: string | undefined; previousKeyEncryptionKeys: string[] },
): Promise<KeyVaultReport> {
  const kek = (text: string) => {
    const parsed = Kek.fromBase64(text);
    // The options schema has checked the form already; this is the length after decoding.
    if (!parsed) throw new Error('hub: a key-encryption key must be 32 bytes in base64');
    return parsed;
  };
  const current =
    options.keyEncryptionKey === undefined ? undefined : kek(options.keyEncryptionKey);
  bindKeyVault(db, new KeyVault(current, options.previousKeyEncryptionKeys.map(kek)));
  const keys = await sealSigningKeys(db);
  const secrets = await sealClientSecrets(db);
  if (keys.plaintextSealed || secrets.plaintextSealed) await scrubFreedPages(db);
  return { sealed: keys.sealed, secretsSealed: secrets.sealed, kekId: current?.id };
}

export interface KeyVaultReport {
  /** Keys sealed (again) at this start: plaintext ones, or ones under a previous KEK. */
  sealed: number;
  /** Platforms' client secrets sealed (again) at this start. */
  secretsSealed: number;
  kekId: string | undefined;
}

/** One log line for the operator: keys unencrypted (no KEK), or how many were just sealed. */
export function logKeyVault(log: FastifyBaseLogger, report: KeyVaultReport): void {
  if (!report.kekId)
    log.warn(
      "no key-encryption key: the signing keys and platforms' client secrets are stored unencrypted",
    );
  else if (report.sealed + report.secretsSealed > 0)
    log.info(
      { sealed: report.sealed, secretsSealed: report.secretsSealed, kek: report.kekId },
      "signing keys and platforms' client secrets sealed with the KEK",
    );
}
