import type { FastifyBaseLogger } from 'fastify';
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
  return { ...(await sealSigningKeys(db)), kekId: current?.id };
}

export interface KeyVaultReport {
  /** Keys sealed (again) at this start: plaintext ones, or ones under a previous KEK. */
  sealed: number;
  kekId: string | undefined;
}

/** One log line for the operator: keys unencrypted (no KEK), or how many were just sealed. */
export function logKeyVault(log: FastifyBaseLogger, report: KeyVaultReport): void {
  if (!report.kekId) log.warn('no key-encryption key: the signing keys are stored unencrypted');
  else if (report.sealed > 0)
    log.info({ sealed: report.sealed, kek: report.kekId }, 'signing keys sealed with the KEK');
}
