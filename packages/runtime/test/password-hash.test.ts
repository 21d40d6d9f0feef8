import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, verifyPassword } from '../src/password-hash.js';

describe('password hash', () => {
  it('argon2id PHC: the right password verifies, another does not, salts differ', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
    expect(isPasswordHash(hash)).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery!')).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
  });

  it('refuses what is not an argon2id hash it would verify, without throwing', async () => {
    const salt = 'c2FsdHNhbHRzYWx0c2FsdA';
    const key = 'a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U';
    for (const bad of [
      '',
      '$argon2id$',
      `$argon2i$v=19$m=19456,t=2,p=1$${salt}$${key}`,
      `$argon2id$v=19$m=4194304,t=2,p=1$${salt}$${key}`,
      `$argon2id$v=19$m=19456,t=0,p=1$${salt}$${key}`,
      `scrypt$14$8$1$${salt}$${key}`,
    ]) {
      expect(isPasswordHash(bad)).toBe(false);
      expect(await verifyPassword(bad, 'correct horse battery')).toBe(false);
    }
  });
});
