import { createHash, timingSafeEqual } from 'node:crypto';

/** The token of an `Authorization: Bearer …` header, if there is one. */
export const bearerToken = (authorization: string | undefined) =>
  /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/.exec(authorization ?? '')?.[1];

/** Compares secrets in constant time, whatever their lengths (SHA-256 of both first). */
export function sameSecret(sent: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}
