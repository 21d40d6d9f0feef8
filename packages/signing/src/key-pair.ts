import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import type { PrivateEd25519Jwk, PublicEd25519Jwk } from './jwk.js';

export type SigningKey = PrivateEd25519Jwk & { kid: string };

/** A fresh Ed25519 key pair as JWKs; `kid` is the RFC 7638 thumbprint. */
export async function generateEd25519Jwk(): Promise<SigningKey> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { x: string; d: string };
  const publicJwk = { kty: 'OKP' as const, crv: 'Ed25519' as const, x: jwk.x };
  const kid = await calculateJwkThumbprint(publicJwk);
  return { ...publicJwk, d: jwk.d, kid };
}

export const publicPart = (key: SigningKey): PublicEd25519Jwk & { kid: string } => ({
  kty: key.kty,
  crv: key.crv,
  x: key.x,
  kid: key.kid,
});

/** The hub key on the stick as the verifier's starting point; `kid` computed when absent. */
export async function trustAnchor(
  key: PublicEd25519Jwk,
): Promise<PublicEd25519Jwk & { kid: string }> {
  const publicJwk = { kty: key.kty, crv: key.crv, x: key.x };
  return { ...publicJwk, kid: key.kid ?? (await calculateJwkThumbprint(publicJwk)) };
}
