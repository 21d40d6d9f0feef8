import { webcrypto } from 'node:crypto';
import { decodeJwt, jwtVerify } from 'jose';
import { CompiledQuery } from 'kysely';
import { z } from 'zod';
import { maxTerminalTokenSeconds, terminalTokenAudience } from '@sidbox/signing';
import { Batcher } from '../db/batcher.js';
import { isPostgres, type HubDb } from '../db/connect.js';
import { preparedStatement } from '../db/postgres/prepared.js';
import { HubError } from '../errors.js';
import type { TerminalActor } from './actor.js';

const invalid = (why: string) => new HubError('invalid-terminal-token', `terminal token ${why}`);
const clockToleranceSeconds = 30;
const TerminalId = z.uuid();

/** A terminal token whose signature and claims are good; not yet recorded as used. */
export interface VerifiedTerminalToken {
  actor: TerminalActor;
  /** The key it was verified with: the claim holds only while the terminal still has it. */
  publicKeyX: string;
  jti: string;
  expiresAt: string;
}

interface KnownTerminal {
  organisationId: string;
  publicKeyX: string;
  key: webcrypto.CryptoKey;
}

/**
 * Terminals by id as last read (member, public key, imported key), so verifying a request
 * needs no query. Never trusted alone: the claim re-checks key and revocation in the same
 * statement that records the token, so a revocation or a new key on another instance counts
 * at once. Bounded for a fleet of 100 000; the oldest entry goes first.
 */
const knownTerminals = new Map<string, KnownTerminal>();
const maxKnownTerminals = 100_000;

function remember(id: string, terminal: KnownTerminal): void {
  knownTerminals.delete(id);
  if (knownTerminals.size >= maxKnownTerminals) {
    const oldest = knownTerminals.keys().next().value;
    if (oldest !== undefined) knownTerminals.delete(oldest);
  }
  knownTerminals.set(id, terminal);
}

interface TerminalRow {
  id: string;
  organisation_id: string;
  public_key_x: string;
  revoked_at: string | null;
}

const terminalsByIdStatement = preparedStatement(
  'sidbox_terminals_by_id',
  'select id, organisation_id, public_key_x, revoked_at from terminals where id = any($1::varchar[])',
);

/**
 * On PostgreSQL, terminals this process does not know yet are read together while a read is
 * under way: a restarted hub meets its whole fleet within a minute (100 000 terminals, 1 700 a
 * second), and one query each made it fall seconds behind for that minute.
 */
const terminalReaders = new WeakMap<HubDb, Batcher<string, TerminalRow | undefined>>();

function terminalReader(db: HubDb): Batcher<string, TerminalRow | undefined> {
  let reader = terminalReaders.get(db);
  if (!reader) {
    reader = new Batcher(
      async (ids) => {
        const { rows } = await db.executeQuery<TerminalRow>(
          CompiledQuery.raw(terminalsByIdStatement, [ids]),
        );
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id));
      },
      { maxBatch: 100, maxRunning: 1, keyOf: (id) => id },
    );
    terminalReaders.set(db, reader);
  }
  return reader;
}

function readTerminal(db: HubDb, id: string): Promise<TerminalRow | undefined> {
  if (isPostgres(db)) return terminalReader(db).submit(id);
  return db
    .selectFrom('terminals')
    .select(['id', 'organisation_id', 'public_key_x', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

async function loadTerminal(db: HubDb, id: string) {
  const row = await readTerminal(db, id);
  if (!row) return undefined;
  const terminal: KnownTerminal = {
    organisationId: row.organisation_id,
    publicKeyX: row.public_key_x,
    key: await importVerifyingKey(row.public_key_x),
  };
  if (!row.revoked_at) remember(id, terminal);
  return { terminal, revoked: row.revoked_at !== null };
}

/**
 * The terminal's public key as the WebCrypto key jose verifies with: handed a KeyObject, jose
 * exports and imports it on first use, which made a restarted hub's first minute with its whole
 * fleet a third dearer per terminal.
 */
function importVerifyingKey(x: string): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x }, 'Ed25519', false, [
    'verify',
  ]);
}

function verifySignature(token: string, key: webcrypto.CryptoKey, terminalId: string, now: Date) {
  return jwtVerify(token, key, {
    algorithms: ['EdDSA'],
    audience: terminalTokenAudience,
    issuer: terminalId,
    subject: terminalId,
    requiredClaims: ['iat', 'exp', 'jti'],
    maxTokenAge: maxTerminalTokenSeconds,
    clockTolerance: clockToleranceSeconds,
    currentDate: now,
  }).then(
    ({ payload }) => payload as { iat: number; exp: number; jti: string },
    () => undefined,
  );
}

/**
 * Checks a terminal request's Bearer JWT: signed with the terminal's own Ed25519 key, at most
 * five minutes long. With the terminal known to this process this costs no query. Whether the
 * token was used before (`jti`) is the claim's business: `claimTerminalToken`.
 */
export async function verifyTerminalToken(
  db: HubDb,
  authorization: string | undefined,
  now = new Date(),
): Promise<VerifiedTerminalToken> {
  const token = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '')?.[1];
  if (!token) throw new HubError('not-authenticated', 'terminal token required (Bearer)');

  let issuer: string | undefined;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    throw invalid('is malformed');
  }
  if (!TerminalId.safeParse(issuer).success) throw invalid('has no valid issuer');
  const terminalId = issuer as string;

  const cached = knownTerminals.get(terminalId);
  let known = cached && { terminal: cached, revoked: false };
  let claims = cached && (await verifySignature(token, cached.key, terminalId, now));
  if (!claims) {
    // Unknown here, or its key may have changed since it was cached: ask the database.
    known = await loadTerminal(db, terminalId);
    if (!known) throw invalid('names an unknown terminal');
    if (known.terminal.publicKeyX !== cached?.publicKeyX)
      claims = await verifySignature(token, known.terminal.key, terminalId, now);
  }
  if (!known) throw invalid('names an unknown terminal');
  if (!claims) throw invalid('failed verification');
  const { iat, exp, jti } = claims;
  if (exp - iat > maxTerminalTokenSeconds) throw invalid('lives longer than five minutes');
  if (jti.length > 100) throw invalid('has an overlong jti');
  if (known.revoked) throw new HubError('terminal-revoked', 'this terminal was revoked');

  return {
    actor: { terminalId, organisationId: known.terminal.organisationId },
    publicKeyX: known.terminal.publicKeyX,
    jti,
    expiresAt: new Date((exp + clockToleranceSeconds) * 1000).toISOString(),
  };
}

/**
 * Records the token as used, in one statement, if the terminal still exists with the key the
 * token was verified with and is not revoked; returns the recorded terminal id, no row when not
 * recorded. Composable: the heartbeat runs it as a CTE of its own statement on PostgreSQL.
 */
export function tokenClaim(db: HubDb, token: VerifiedTerminalToken) {
  return db
    .insertInto('terminal_token_uses')
    .columns(['terminal_id', 'jti', 'expires_at'])
    .expression((eb) =>
      eb
        .selectFrom('terminals')
        .select((s) => ['id', s.val(token.jti).as('jti'), s.val(token.expiresAt).as('expires_at')])
        .where('id', '=', token.actor.terminalId)
        .where('public_key_x', '=', token.publicKeyX)
        .where('revoked_at', 'is', null),
    )
    .onConflict((oc) => oc.columns(['terminal_id', 'jti']).doNothing())
    .returning('terminal_id');
}

/**
 * Why a claim recorded nothing: revoked, a new key, gone, or the token was used before. Only
 * refused requests pay for this query.
 */
export async function refusalOf(db: HubDb, token: VerifiedTerminalToken): Promise<HubError> {
  knownTerminals.delete(token.actor.terminalId);
  const now = await loadTerminal(db, token.actor.terminalId);
  if (!now) return invalid('names an unknown terminal');
  if (now.revoked) return new HubError('terminal-revoked', 'this terminal was revoked');
  if (now.terminal.publicKeyX !== token.publicKeyX) return invalid('failed verification');
  return invalid('was already used');
}

/** Records a verified token as used; a token is accepted once (`jti`), never replayed. */
export async function claimTerminalToken(db: HubDb, token: VerifiedTerminalToken): Promise<void> {
  const recorded = await tokenClaim(db, token).executeTakeFirst();
  if (!recorded) throw await refusalOf(db, token);
}

/** Forgets token ids whose tokens have expired; they can no longer be replayed anyway. */
export async function purgeExpiredTokenUses(db: HubDb, now = new Date()): Promise<void> {
  await db.deleteFrom('terminal_token_uses').where('expires_at', '<', now.toISOString()).execute();
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route records the terminal token in its own statement (see the heartbeat). */
    claimsTerminalToken?: boolean;
  }
  interface FastifyRequest {
    /** Verified, not yet recorded: set only on routes with `claimsTerminalToken`. */
    terminalToken?: VerifiedTerminalToken;
  }
}
