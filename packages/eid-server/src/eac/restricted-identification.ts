import { createHash } from 'node:crypto';
import { ecSharedX } from '../crypto/brainpool.js';

/**
 * Restricted Identification with id-RI-ECDH-SHA-256 (TR-03110-2 / -3): the sector-specific
 * identifier is SHA-256 of the x coordinate of the card's RI key times the sector key. The
 * server computes it from its side to check the card's answer or to know the value without it.
 */
export function pseudonym(sectorPrivateKey: Buffer, cardRiPublicKey: Buffer): Buffer {
  return createHash('sha256').update(ecSharedX(sectorPrivateKey, cardRiPublicKey)).digest();
}
