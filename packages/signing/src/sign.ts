import { CompactSign } from 'jose';
import type { AccessAllowlist, TerminalConfig } from '@sidbox/protocol';
import { privateKeyObject, type PrivateEd25519Jwk, type PublicEd25519Jwk } from './jwk.js';

export const configJwsType = 'sidbox-config+jws';
export const keyIntroductionJwsType = 'sidbox-key-introduction+jws';
export const allowlistJwsType = 'sidbox-access-allowlist+jws';

/** What an old key signs to introduce its successor. */
export interface KeyIntroduction {
  previousKid: string;
  key: PublicEd25519Jwk & { kid: string };
  issuedAt: string;
}

const encoder = new TextEncoder();

function sign(payload: unknown, typ: string, key: PrivateEd25519Jwk & { kid: string }) {
  return new CompactSign(encoder.encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ })
    .sign(privateKeyObject(key));
}

/** A terminal configuration as a compact JWS (Ed25519). */
export function signConfig(config: TerminalConfig, key: PrivateEd25519Jwk & { kid: string }) {
  return sign(config, configJwsType, key);
}

/** An access point's allowlist as a compact JWS, signed with the configuration key. */
export function signAllowlist(
  allowlist: AccessAllowlist,
  key: PrivateEd25519Jwk & { kid: string },
) {
  return sign(allowlist, allowlistJwsType, key);
}

/** The statement by which `previous` vouches for `next`: the verifier's way across a rotation. */
export function signKeyIntroduction(
  previous: PrivateEd25519Jwk & { kid: string },
  next: PublicEd25519Jwk & { kid: string },
  issuedAt: Date,
) {
  const statement: KeyIntroduction = {
    previousKid: previous.kid,
    key: { kty: next.kty, crv: next.crv, x: next.x, kid: next.kid },
    issuedAt: issuedAt.toISOString(),
  };
  return sign(statement, keyIntroductionJwsType, previous);
}
