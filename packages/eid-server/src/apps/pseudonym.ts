import { createHash } from 'node:crypto';

/** SHA-256 of the pseudonym's hex digits: all that leaves the eID-Server about a person. */
export function pseudonymHash(restrictedId: Buffer): string {
  return createHash('sha256').update(restrictedId.toString('hex')).digest('hex');
}
