import { createHash } from 'node:crypto';

/**
 * `PseudonymHash`: SHA-256 of the restrictedId as the eID-Server gives it (lower-case hex), so
 * the hub, the terminal's registration and the access point all derive the same value.
 */
export function pseudonymHash(restrictedIdHex: string): string {
  return createHash('sha256').update(restrictedIdHex.toLowerCase()).digest('hex');
}
