import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Secret } from '@sidbox/runtime';

/**
 * The staff PIN as the terminal's YAML keeps it (`staff.pinHash`):
 *
 *   scrypt$<log2 N>$<r>$<p>$<salt, base64url>$<key, base64url>
 *
 * e.g. `scrypt$14$8$1$3q2…$Zm9…` — scrypt (RFC 7914) from node:crypto with N = 2^14, r = 8,
 * p = 1, a 16-byte random salt and a 32-byte key. A 6–12 digit PIN cannot resist an offline
 * search by whoever reads the file; the hash keeps it from being read at a glance, and the
 * menu's lockout (5 wrong tries, 5 minutes) guards the terminal itself.
 */
const PREFIX = 'scrypt';
const LOG2_N = 14;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export interface StaffPinHash {
  log2N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

/** A `staff.pinHash` that is not of the format above. */
export class StaffPinHashError extends Error {
  override readonly name = 'StaffPinHashError';
}

/** The digits a staff PIN may have: 6 to 12. */
export const staffPinPattern = /^[0-9]{6,12}$/;

export async function hashStaffPin(pin: Secret): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(pin, { log2N: LOG2_N, r: R, p: P, salt, key: Buffer.alloc(KEY_BYTES) });
  return [PREFIX, LOG2_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Reads a `staff.pinHash`; StaffPinHashError when it is not one this code made. */
export function parseStaffPinHash(text: string): StaffPinHash {
  const parts = text.split('$');
  const [prefix, log2N, r, p, salt, key] = parts;
  const number = (value: string | undefined, min: number, max: number): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      throw new StaffPinHashError('staff.pinHash: scrypt parameters out of range');
    }
    return parsed;
  };
  if (parts.length !== 6 || prefix !== PREFIX || !salt || !key) {
    throw new StaffPinHashError('staff.pinHash: not scrypt$<log2N>$<r>$<p>$<salt>$<key>');
  }
  const hash = {
    log2N: number(log2N, 10, 20),
    r: number(r, 1, 32),
    p: number(p, 1, 16),
    salt: Buffer.from(salt, 'base64url'),
    key: Buffer.from(key, 'base64url'),
  };
  if (hash.salt.length < 8 || hash.key.length < 16) {
    throw new StaffPinHashError('staff.pinHash: salt or key too short');
  }
  return hash;
}

/** Whether `pin` is the staff PIN, compared in constant time. */
export async function verifyStaffPin(pin: Secret, hash: StaffPinHash): Promise<boolean> {
  const key = await derive(pin, hash);
  return timingSafeEqual(key, hash.key);
}

function derive(pin: Secret, hash: StaffPinHash): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** hash.log2N,
    r: hash.r,
    p: hash.p,
    maxmem: 256 * 2 ** hash.log2N * hash.r + 1024 * 1024,
  };
  // The digits go to scrypt and nowhere else.
  return new Promise((resolve, reject) =>
    scrypt(pin.reveal(), hash.salt, hash.key.length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}
