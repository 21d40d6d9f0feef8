import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Kek } from './kek.js';

/**
 * A private signing key sealed with AES-256-GCM, as stored in `signing_keys.private_jwk`:
 * format version, the id of the key-encryption key, nonce, ciphertext and tag (base64url).
 * The key's kid is the additional authenticated data, so a sealed key cannot be moved to
 * another row.
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

const aad = (kid: string) => Buffer.from(`sidbox-signing-key:v1:${kid}`);

export function seal(kek: Kek, kid: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek.reveal(), iv).setAAD(aad(kid));
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
export function unseal(kek: Kek, kid: string, sealed: SealedKey): string | undefined {
  try {
    const iv = Buffer.from(sealed.iv, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', kek.reveal(), iv, { authTagLength: 16 })
      .setAAD(aad(kid))
      .setAuthTag(Buffer.from(sealed.tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.ct, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** What a stored `private_jwk` is: a sealed key, or (from before encryption) a plaintext JWK. */
export function readStored(stored: string): SealedKey | 'plaintext' {
  const parsed = SealedKey.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : 'plaintext';
}
