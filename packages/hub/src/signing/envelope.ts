import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Kek } from './kek.js';

/**
 * A secret sealed with AES-256-GCM, as stored in `signing_keys.private_jwk` (a private signing
 * key) or `oidc_clients.client_secret`: format version, the id of the key-encryption key, nonce,
 * ciphertext and tag (base64url). What it belongs to (its kind and row) is the additional
 * authenticated data, so a sealed secret cannot be moved to another row or column.
 */
export const SealedKey = z.strictObject({
  sealed: z.literal('A256GCM'),
  v: z.literal(1),
  kek: z.string().regex(/^[0-9a-f]{16}$/),
  iv: z.string(),
  ct: z.string(),
  tag: z.string(),
});
export type SealedKey = z.infer<typeof SealedKey>;

/** What a sealed secret belongs to: its additional authenticated data, and its name in errors. */
export interface SealContext {
  aad: string;
  what: string;
}

// Keys sealed since issue 14 carry exactly this AAD: it must never change.
export const signingKeyContext = (kid: string): SealContext => ({
  aad: `sidbox-signing-key:v1:${kid}`,
  what: 'the signing keys',
});

export const clientSecretContext = (clientId: string): SealContext => ({
  aad: `sidbox-oidc-client-secret:v1:${clientId}`,
  what: "the platforms' client secrets",
});

export function seal(kek: Kek, context: SealContext, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek.reveal(), iv).setAAD(Buffer.from(context.aad));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const sealed: SealedKey = {
    sealed: 'A256GCM',
    v: 1,
    kek: kek.id,
    iv: iv.toString('base64url'),
    ct: ct.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
  return JSON.stringify(sealed);
}

/** The plaintext, or undefined when the key or the data is wrong (GCM's tag does not match). */
export function unseal(kek: Kek, context: SealContext, sealed: SealedKey): string | undefined {
  try {
    const iv = Buffer.from(sealed.iv, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', kek.reveal(), iv, { authTagLength: 16 })
      .setAAD(Buffer.from(context.aad))
      .setAuthTag(Buffer.from(sealed.tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.ct, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * What a stored value is: sealed, or (from before encryption, or without a KEK) plaintext —
 * a JWK, or a client secret, which is no JSON at all.
 */
export function readStored(stored: string): SealedKey | 'plaintext' {
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return 'plaintext';
  }
  const parsed = SealedKey.safeParse(json);
  return parsed.success ? parsed.data : 'plaintext';
}
