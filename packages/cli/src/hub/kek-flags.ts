import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { Kek, newKekText } from '@sidbox/hub';
import { UsageError } from '../usage-error.js';

/** Environment variables that may carry a key-encryption key instead of a file (base64). */
export const kekEnv = 'SIDBOX_HUB_KEK';
export const previousKekEnv = 'SIDBOX_HUB_PREVIOUS_KEK';

const howToCreate = 'create one with: sidbox hub generate-kek <file>';

/** A KEK file's text; refused when other users could read it or anyone but the owner write it. */
function readKekFile(flag: string, file: string): string {
  let text: string;
  let mode: number;
  try {
    mode = statSync(file).mode & 0o777;
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`${flag}: cannot read ${file}`);
  }
  if (mode & 0o027)
    throw new UsageError(
      `${flag}: ${file} is open to other users (mode ${mode.toString(8).padStart(4, '0')}); chmod 600 ${file}`,
    );
  return text;
}

function kekFrom(flag: string, file: string | undefined, env: string): string | undefined {
  const fromEnv = process.env[env] || undefined;
  if (file !== undefined && fromEnv)
    throw new UsageError(`give the key-encryption key once: ${flag} or ${env}, not both`);
  const text = file !== undefined ? readKekFile(flag, file) : fromEnv;
  if (text === undefined) return undefined;
  const kek = Kek.fromBase64(text);
  if (!kek)
    throw new UsageError(
      `${file !== undefined ? `${flag}: ${file}` : env} does not hold a key-encryption key (base64 of 32 bytes); ${howToCreate}`,
    );
  return text.trim();
}

/**
 * The hub's key-encryption key (required: the production hub never stores its signing keys in
 * plaintext) and, during a KEK rotation, the previous one. Never echoes a key.
 */
export function keyEncryptionFromFlags(o: {
  keyEncryptionKeyFile?: string | undefined;
  previousKeyEncryptionKeyFile?: string | undefined;
}): { keyEncryptionKey: string; previousKeyEncryptionKeys: string[] } {
  const current = kekFrom('--key-encryption-key-file', o.keyEncryptionKeyFile, kekEnv);
  if (current === undefined)
    throw new UsageError(
      `no key-encryption key for the signing keys: give --key-encryption-key-file <file> or ${kekEnv} (${howToCreate})`,
    );
  const previous = kekFrom(
    '--previous-key-encryption-key-file',
    o.previousKeyEncryptionKeyFile,
    previousKekEnv,
  );
  return { keyEncryptionKey: current, previousKeyEncryptionKeys: previous ? [previous] : [] };
}

/** Writes a new key-encryption key to `file` (mode 0600); an existing file is never replaced. */
export function writeNewKekFile(file: string): void {
  try {
    writeFileSync(file, newKekText(), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    throw new UsageError(
      exists ? `${file} exists; a key-encryption key is never overwritten` : `cannot write ${file}`,
    );
  }
}
