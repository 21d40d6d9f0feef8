import { createDecipheriv } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateEd25519Jwk } from '@sidbox/signing';
import { Kek, newKekText } from '../src/signing/kek.js';
import {
  clientSecretContext,
  readStored,
  seal,
  signingKeyContext,
  unseal,
} from '../src/signing/envelope.js';
import { KeyVault } from '../src/signing/key-vault.js';
import { parseHubOptions } from '../src/options.js';

const kek = () => Kek.fromBase64(newKekText()) as Kek;

describe('the key-encryption key', () => {
  it('takes exactly 32 bytes of base64 and never prints them', () => {
    const text = newKekText();
    const key = Kek.fromBase64(text) as Kek;
    expect(key.id).toMatch(/^[0-9a-f]{16}$/);
    const shown = [String(key), JSON.stringify({ key }), inspect(key), `${key}`].join(' ');
    expect(shown).not.toContain(text.trim());
    expect(shown).not.toContain(key.reveal().toString('hex'));
    expect(Kek.fromBase64(Buffer.alloc(31).toString('base64'))).toBeUndefined();
    expect(Kek.fromBase64('not base64!')).toBeUndefined();
  });
});

describe('a sealed signing key', () => {
  it('names its KEK, opens with it, and with nothing else', async () => {
    const key = await generateEd25519Jwk();
    const right = kek();
    const stored = seal(right, signingKeyContext(key.kid), JSON.stringify(key));
    expect(stored).not.toContain(key.d);
    const sealed = readStored(stored);
    if (sealed === 'plaintext') throw new Error('expected a sealed key');
    expect(sealed.kek).toBe(right.id);
    expect(JSON.parse(unseal(right, signingKeyContext(key.kid), sealed) as string)).toEqual(key);
    expect(unseal(kek(), signingKeyContext(key.kid), sealed)).toBeUndefined();
  });

  it('is bound to exactly the AAD keys sealed since issue 14 carry, so they keep opening', async () => {
    const key = await generateEd25519Jwk();
    const right = kek();
    const sealed = readStored(seal(right, signingKeyContext(key.kid), JSON.stringify(key)));
    if (sealed === 'plaintext') throw new Error('expected a sealed key');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      right.reveal(),
      Buffer.from(sealed.iv, 'base64url'),
    )
      .setAAD(Buffer.from(`sidbox-signing-key:v1:${key.kid}`))
      .setAuthTag(Buffer.from(sealed.tag, 'base64url'));
    const plaintext = Buffer.concat([
      decipher.update(Buffer.from(sealed.ct, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
    expect(JSON.parse(plaintext)).toEqual(key);
  });

  it('does not open when moved to another key id or changed in one bit', async () => {
    const key = await generateEd25519Jwk();
    const right = kek();
    const context = signingKeyContext(key.kid);
    const sealed = readStored(seal(right, context, JSON.stringify(key)));
    if (sealed === 'plaintext') throw new Error('expected a sealed key');
    expect(unseal(right, signingKeyContext('another-kid'), sealed)).toBeUndefined();
    // Nor as a client secret of a platform named like the key.
    expect(unseal(right, clientSecretContext(key.kid), sealed)).toBeUndefined();
    const ct = Buffer.from(sealed.ct, 'base64url');
    ct[0] = (ct[0] as number) ^ 1;
    expect(unseal(right, context, { ...sealed, ct: ct.toString('base64url') })).toBeUndefined();
    expect(unseal(right, context, { ...sealed, tag: sealed.tag.slice(0, 8) })).toBeUndefined();
  });
});

describe('the key vault', () => {
  it('reads plaintext and previous-KEK keys, and says which to seal again', async () => {
    const key = await generateEd25519Jwk();
    const [old, current] = [kek(), kek()];
    const underOld = new KeyVault(old).store(key);
    const vault = new KeyVault(current, [old]);
    expect(vault.needsSealing(underOld)).toBe(true);
    expect(vault.needsSealing(JSON.stringify(key))).toBe(true);
    expect(vault.needsSealing(vault.store(key))).toBe(false);
    expect(vault.open(key.kid, underOld)).toEqual(key);
    expect(new KeyVault().store(key)).toBe(JSON.stringify(key));
  });

  it('refuses sealed keys without a KEK or with a wrong one, by code', async () => {
    const key = await generateEd25519Jwk();
    const stored = new KeyVault(kek()).store(key);
    expect(() => new KeyVault().open(key.kid, stored)).toThrow(
      expect.objectContaining({ code: 'key-encryption-key-required' }),
    );
    expect(() => new KeyVault(kek()).open(key.kid, stored)).toThrow(
      expect.objectContaining({ code: 'key-encryption-key-wrong' }),
    );
  });
});

describe("the key vault with platforms' client secrets", () => {
  const secret = 'c2VjcmV0LW9mLWEtcGxhdGZvcm0tMDEyMzQ1Njc4OWFi';
  const context = clientSecretContext('moodle');

  it('seals them bound to the platform, reads plaintext ones, and says which to seal again', () => {
    const [old, current] = [kek(), kek()];
    const vault = new KeyVault(current, [old]);
    const stored = vault.sealSecret(context, secret);
    expect(stored).not.toContain(secret);
    expect(vault.openSecret(context, stored)).toBe(secret);
    expect(vault.needsSealing(stored)).toBe(false);
    // A plaintext secret (43 characters of base64url, no JSON) from before encryption.
    expect(vault.needsSealing(secret)).toBe(true);
    expect(vault.openSecret(context, secret)).toBe(secret);
    const underOld = new KeyVault(old).sealSecret(context, secret);
    expect(vault.needsSealing(underOld)).toBe(true);
    expect(vault.openSecret(context, underOld)).toBe(secret);
    expect(() => vault.openSecret(clientSecretContext('another'), stored)).toThrow(
      expect.objectContaining({ code: 'key-encryption-key-wrong' }),
    );
    expect(new KeyVault().sealSecret(context, secret)).toBe(secret);
  });

  it('refuses sealed ones without a KEK or with a wrong one, by code', () => {
    const stored = new KeyVault(kek()).sealSecret(context, secret);
    expect(() => new KeyVault().openSecret(context, stored)).toThrow(
      expect.objectContaining({
        code: 'key-encryption-key-required',
        message: expect.stringContaining("the platforms' client secrets are encrypted"),
      }),
    );
    expect(() => new KeyVault(kek()).openSecret(context, stored)).toThrow(
      expect.objectContaining({ code: 'key-encryption-key-wrong' }),
    );
  });
});

describe('the hub options', () => {
  it('refuse a previous KEK without a current one (keys would be stored in plaintext)', () => {
    expect(() =>
      parseHubOptions({
        port: 0,
        dataDir: '/nonexistent',
        previousKeyEncryptionKeys: [newKekText().trim()],
      }),
    ).toThrow('previousKeyEncryptionKeys need a keyEncryptionKey');
    expect(() => parseHubOptions({ port: 0, dataDir: '/x', keyEncryptionKey: 'c2hvcnQ=' })).toThrow(
      'keyEncryptionKey: base64 of 32 random bytes',
    );
  });
});
