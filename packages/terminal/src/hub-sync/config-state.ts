import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { TerminalConfig } from '@sidbox/protocol';
import { PublicEd25519Jwk, type VerifierState } from '@sidbox/signing';

/** What survives a daemon restart: the key trusted now, the last good config, its ETag. */
export interface ConfigState {
  verifier: VerifierState;
  etag: string | undefined;
}

const StoredState = z.object({
  verifier: z.object({
    trustedKey: PublicEd25519Jwk.extend({ kid: z.string() }),
    lastGood: z
      .object({ version: z.number().int(), config: TerminalConfig, jws: z.string() })
      .optional(),
  }),
  etag: z.string().optional(),
});

/** Reads the saved state; a missing or unreadable file means "start from the stick's key". */
export function loadConfigState(path: string): ConfigState | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const stored = StoredState.parse(JSON.parse(readFileSync(path, 'utf8')));
    return { verifier: stored.verifier, etag: stored.etag };
  } catch {
    return undefined;
  }
}

export function saveConfigState(path: string, state: ConfigState): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, path);
}
