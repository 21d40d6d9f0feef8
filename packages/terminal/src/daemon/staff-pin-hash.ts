import { hashPassword, isPasswordHash, verifyPassword, type Secret } from '@sidbox/runtime';

/**
 * The staff PIN as the terminal's YAML keeps it (`staff.pinHash`): an argon2id PHC string,
 * the hub's password scheme (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<key>`). A 6–12 digit PIN
 * cannot resist an offline search by whoever reads the file; the hash keeps it from being read
 * at a glance, and the menu's lockout (5 wrong tries, 5 minutes) guards the terminal itself.
 */
export interface StaffPinHash {
  readonly phc: string;
}

/** A `staff.pinHash` that is not of the format above. */
export class StaffPinHashError extends Error {
  override readonly name = 'StaffPinHashError';
}

/** The digits a staff PIN may have: 6 to 12. */
export const staffPinPattern = /^[0-9]{6,12}$/;

// The digits go to argon2 and nowhere else.
export function hashStaffPin(pin: Secret): Promise<string> {
  return hashPassword(pin.reveal());
}

/** Reads a `staff.pinHash`; StaffPinHashError when it is not one this code made. */
export function parseStaffPinHash(text: string): StaffPinHash {
  if (!isPasswordHash(text)) {
    throw new StaffPinHashError('staff.pinHash: not an argon2id hash from sidbox staff-pin-hash');
  }
  return { phc: text };
}

/** Whether `pin` is the staff PIN, compared in constant time. */
export function verifyStaffPin(pin: Secret, hash: StaffPinHash): Promise<boolean> {
  return verifyPassword(hash.phc, pin.reveal());
}
