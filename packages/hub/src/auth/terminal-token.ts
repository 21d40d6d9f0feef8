import type { KeyObject } from 'node:crypto';
import { decodeJwt, jwtVerify } from 'jose';
import { z } from 'zod';
import { maxTerminalTokenSeconds, publicKeyObject, terminalTokenAudience } from '@sidbox/signing';
import type { HubDb } from '../db/connect.js';
import { HubError } from '../errors.js';
import type { TerminalActor } from './actor.js';

const invalid = (why: string) => new HubError('invalid-terminal-token', `terminal token ${why}`);
const clockToleranceSeconds = 30;
const TerminalId = z.uuid();

/** Public keys by terminal, so a heartbeat does not import a key each time. */
const keyCache = new Map<string, KeyObject>();
const maxCachedKeys = 10_000;

function cachedKey(x: string): KeyObject {
  let key = keyCache.get(x);
  if (!key) {
    if (keyCache.size >= maxCachedKeys) keyCache.clear();
    key = publicKeyObject({ kty: 'OKP', crv: 'Ed25519', x });
    keyCache.set(x, key);
  }
  return key;
}

/**
 * Authenticates a terminal request: a Bearer JWT signed with the terminal's own Ed25519 key,
 * at most five minutes long, never seen before (`jti`). A revoked terminal is refused.
 */
export async function authenticateTerminal(
  db: HubDb,
  authorization: string | undefined,
  now = new Date(),
): Promise<TerminalActor> {
  const token = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '')?.[1];
  if (!token) throw new HubError('not-authenticated', 'terminal token required (Bearer)');

  let issuer: string | undefined;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    throw invalid('is malformed');
  }
  if (!TerminalId.safeParse(issuer).success) throw invalid('has no valid issuer');
  const terminal = await db
    .selectFrom('terminals')
    .select(['id', 'organisation_id', 'public_key_x', 'revoked_at'])
    .where('id', '=', issuer as string)
    .executeTakeFirst();
  if (!terminal) throw invalid('names an unknown terminal');

  let claims;
  try {
    ({ payload: claims } = await jwtVerify(token, cachedKey(terminal.public_key_x), {
      algorithms: ['EdDSA'],
      audience: terminalTokenAudience,
      issuer: terminal.id,
      subject: terminal.id,
      requiredClaims: ['iat', 'exp', 'jti'],
      maxTokenAge: maxTerminalTokenSeconds,
      clockTolerance: clockToleranceSeconds,
      currentDate: now,
    }));
  } catch {
    throw invalid('failed verification');
  }
  const { iat, exp, jti } = claims as { iat: number; exp: number; jti: string };
  if (exp - iat > maxTerminalTokenSeconds) throw invalid('lives longer than five minutes');
  if (jti.length > 100) throw invalid('has an overlong jti');
  if (terminal.revoked_at) throw new HubError('terminal-revoked', 'this terminal was revoked');

  const expiresAt = new Date((exp + clockToleranceSeconds) * 1000).toISOString();
  const used = await db
    .insertInto('terminal_token_uses')
    .values({ terminal_id: terminal.id, jti, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['terminal_id', 'jti']).doNothing())
    .executeTakeFirst();
  if (Number(used.numInsertedOrUpdatedRows ?? 0) === 0) throw invalid('was already used');

  return { terminalId: terminal.id, organisationId: terminal.organisation_id };
}

/** Forgets token ids whose tokens have expired; they can no longer be replayed anyway. */
export async function purgeExpiredTokenUses(db: HubDb, now = new Date()): Promise<void> {
  await db.deleteFrom('terminal_token_uses').where('expires_at', '<', now.toISOString()).execute();
}
