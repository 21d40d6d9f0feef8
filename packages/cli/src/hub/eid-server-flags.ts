import { readFileSync } from 'node:fs';
import { UsageError } from '../usage-error.js';

/**
 * The eID-Server that runs members' apps: its origin and the file holding the key it presents
 * to the hub. Both or neither; the key stays out of the command line (and `ps`).
 */
export function eidServerFromFlags(
  origin: string | undefined,
  keyFile: string | undefined,
): { eidServer?: { origin: string; apiKey: string } } {
  if (origin === undefined && keyFile === undefined) return {};
  if (origin === undefined || keyFile === undefined)
    throw new UsageError('--eid-server-origin and --eid-server-key-file go together');
  let apiKey: string;
  try {
    apiKey = readFileSync(keyFile, 'utf8').trim();
  } catch {
    throw new UsageError(`--eid-server-key-file: cannot read ${keyFile}`);
  }
  if (apiKey.length < 16)
    throw new UsageError('--eid-server-key-file: the key must be at least 16 characters');
  return { eidServer: { origin: origin.replace(/\/+$/, ''), apiKey } };
}
