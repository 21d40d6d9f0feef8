import { hashPassword, verifyPassword as verifyPasswordHash } from '@sidbox/runtime';

/** A fixed hash to verify against when the user is unknown, so both cases take as long. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | undefined, password: string) {
  if (passwordHash === undefined) {
    dummyHash ??= hashPassword('sidbox-timing-equaliser');
    await verifyPasswordHash(await dummyHash, password);
    return false;
  }
  return verifyPasswordHash(passwordHash, password);
}

export const minPasswordLength = 12;
