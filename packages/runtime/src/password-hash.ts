import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords and PINs at rest, as PHC strings of argon2id (the library default) with OWASP's
 * minimum: 19 MiB, 2 passes, 1 lane, a 16-byte random salt and a 32-byte key:
 *
 *   $argon2id$v=19$m=19456,t=2,p=1$<salt, base64>$<key, base64>
 *
 * The hub keeps its users' passwords so, the terminal its staff PIN.
 */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const phcPattern =
  /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{22,}$/;
/** What a hash may cost to verify: a file cannot make the verifier take minutes or gigabytes. */
const maxCosts = [262_144, 16, 8]; // m (KiB), t, p

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Whether `text` is an argon2id PHC string whose costs this code will verify against. */
export function isPasswordHash(text: string): boolean {
  const costs = phcPattern.exec(text)?.slice(1).map(Number);
  return costs !== undefined && costs.every((cost, i) => cost >= 1 && cost <= (maxCosts[i] ?? 0));
}

/** false for a wrong password and for a hash that is not one; argon2 compares in constant time. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!isPasswordHash(passwordHash)) return false;
  return verify(passwordHash, password).catch(() => false);
}
