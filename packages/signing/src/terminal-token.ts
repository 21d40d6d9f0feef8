import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { TerminalCredential } from '@sidbox/protocol';
import { privateKeyObject } from './jwk.js';

/** Audience of every terminal request token. */
export const terminalTokenAudience = 'sidbox-hub';
/** Longest life a terminal request token may have. */
export const maxTerminalTokenSeconds = 300;

/**
 * Mints the short-lived token a terminal sends as `Authorization: Bearer …` (EdDSA JWT, its own
 * key, a fresh `jti` per request). Used by the terminal's hub client and by tests.
 */
export function signTerminalToken(
  credential: Pick<TerminalCredential, 'terminalId' | 'terminalKey'>,
  options: { now?: Date; lifetimeSeconds?: number; jti?: string } = {},
): Promise<string> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(credential.terminalId)
    .setSubject(credential.terminalId)
    .setAudience(terminalTokenAudience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.lifetimeSeconds ?? 60))
    .setJti(options.jti ?? randomUUID())
    .sign(privateKeyObject(credential.terminalKey));
}
