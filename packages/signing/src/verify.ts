import { compactVerify, decodeProtectedHeader } from 'jose';
import { TerminalConfig } from '@sidbox/protocol';
import { PublicEd25519Jwk, publicKeyObject } from './jwk.js';
import { configJwsType, keyIntroductionJwsType, type KeyIntroduction } from './sign.js';

/** What the hub sends on `GET /api/terminal/config`. */
export interface SignedConfigBundle {
  /** The configuration as compact JWS. */
  config: string;
  /** Key introductions, oldest first; each signed by the key before it. */
  keyChain: string[];
}

/** What a terminal keeps between pulls: the key it trusts now and the last good configuration. */
export interface VerifierState {
  trustedKey: PublicEd25519Jwk & { kid: string };
  lastGood?: { version: number; config: TerminalConfig; jws: string };
}

export type RejectionCode =
  | 'bad-signature'
  | 'unknown-key'
  | 'bad-key-chain'
  | 'invalid-config'
  | 'wrong-terminal'
  | 'replayed-version';

export type VerifyResult =
  | { ok: true; changed: boolean; config: TerminalConfig; state: VerifierState }
  | { ok: false; code: RejectionCode; state: VerifierState };

const decoder = new TextDecoder();

/**
 * Verifies a configuration bundle for `terminalId`. On any rejection the state is returned
 * unchanged, so the terminal keeps running its last good configuration.
 */
export async function verifySignedConfig(
  bundle: SignedConfigBundle,
  state: VerifierState,
  terminalId: string,
): Promise<VerifyResult> {
  const reject = (code: RejectionCode): VerifyResult => ({ ok: false, code, state });

  const trustedKey = await followKeyChain(state.trustedKey, bundle.keyChain);
  if (!trustedKey) return reject('bad-key-chain');

  const payload = await verifyJws(bundle.config, trustedKey, configJwsType);
  if (payload === 'unknown-key' || payload === 'bad-signature') return reject(payload);

  const parsed = TerminalConfig.safeParse(parseJson(payload));
  if (!parsed.success) return reject('invalid-config');
  const config = parsed.data;
  if (config.terminalId !== terminalId) return reject('wrong-terminal');

  const last = state.lastGood;
  if (last && config.version < last.version) return reject('replayed-version');
  if (last && config.version === last.version) {
    if (bundle.config !== last.jws) return reject('replayed-version');
    return { ok: true, changed: false, config: last.config, state: { ...state, trustedKey } };
  }
  return {
    ok: true,
    changed: true,
    config,
    state: { trustedKey, lastGood: { version: config.version, config, jws: bundle.config } },
  };
}

/**
 * Walks the key introductions from the trusted key to the newest one it can reach. Statements
 * about earlier keys are skipped; a statement from the trusted key that fails to verify breaks
 * the chain (undefined).
 */
export async function followKeyChain(
  start: PublicEd25519Jwk & { kid: string },
  chain: string[],
): Promise<(PublicEd25519Jwk & { kid: string }) | undefined> {
  let current = start;
  const pending = [...chain];
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const [index, statement] of pending.entries()) {
      if (safeHeaderKid(statement) !== current.kid) continue;
      const payload = await verifyJws(statement, current, keyIntroductionJwsType);
      if (payload === 'unknown-key' || payload === 'bad-signature') return undefined;
      const next = parseIntroduction(payload);
      if (!next || next.previousKid !== current.kid) return undefined;
      current = next.key;
      pending.splice(index, 1);
      progressed = true;
      break;
    }
  }
  return current;
}

/** The payload of a JWS by `key` with type `typ`, or why not. */
export async function verifyJws(
  jws: string,
  key: PublicEd25519Jwk & { kid: string },
  typ: string,
): Promise<string | 'unknown-key' | 'bad-signature'> {
  let header;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    return 'bad-signature';
  }
  if (header.kid !== key.kid) return 'unknown-key';
  if (header.alg !== 'EdDSA' || header.typ !== typ) return 'bad-signature';
  try {
    const { payload } = await compactVerify(jws, publicKeyObject(key), { algorithms: ['EdDSA'] });
    return decoder.decode(payload);
  } catch {
    return 'bad-signature';
  }
}

function safeHeaderKid(jws: string): string | undefined {
  try {
    return decodeProtectedHeader(jws).kid;
  } catch {
    return undefined;
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseIntroduction(text: string): KeyIntroduction | undefined {
  const value = parseJson(text) as Partial<KeyIntroduction> | undefined;
  const key = PublicEd25519Jwk.safeParse(value?.key);
  if (!key.success || typeof value?.previousKid !== 'string' || !key.data.kid) return undefined;
  return { previousKid: value.previousKid, key: { ...key.data, kid: key.data.kid }, issuedAt: '' };
}
