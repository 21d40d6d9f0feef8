import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/** The public half of an Ed25519 key as a JWK. */
export const PublicEd25519Jwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  kid: z.string().optional(),
});
export type PublicEd25519Jwk = z.infer<typeof PublicEd25519Jwk>;

export interface PrivateEd25519Jwk extends PublicEd25519Jwk {
  d: string;
}

export function publicKeyObject(jwk: PublicEd25519Jwk): KeyObject {
  return createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
}

export function privateKeyObject(jwk: PrivateEd25519Jwk): KeyObject {
  return createPrivateKey({
    key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d },
    format: 'jwk',
  });
}
