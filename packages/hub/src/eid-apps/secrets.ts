import { createHash, randomBytes, randomInt } from 'node:crypto';

/** SHA-256 as hex: how the hub keeps registration codes and access point tokens. */
export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** Letters and digits a person can read off a note without confusing them (no 0/O, 1/I/L). */
export const registrationCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time registration code: eight characters, about 40 bits. */
export function newRegistrationCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) {
    code += registrationCodeAlphabet[randomInt(registrationCodeAlphabet.length)];
  }
  return code;
}

/** An access point's bearer token: 256 random bits, base64url. */
export const newAccessPointToken = () => randomBytes(32).toString('base64url');
