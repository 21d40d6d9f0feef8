import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { newKekText } from '@sidbox/hub';
import { keyEncryptionFromFlags, kekEnv, writeNewKekFile } from '../src/hub/kek-flags.js';
import { UsageError } from '../src/usage-error.js';

const dir = mkdtempSync(join(tmpdir(), 'sidbox-kek-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.env[kekEnv] = '';
});

function kekFile(name: string, mode = 0o600, text = newKekText()): string {
  const file = join(dir, name);
  writeFileSync(file, text, { mode });
  chmodSync(file, mode);
  return file;
}

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
};

describe('the key-encryption key flags', () => {
  it('reads the KEK from a file or the environment, trimmed', () => {
    const file = kekFile('a.kek');
    const text = readFileSync(file, 'utf8');
    expect(keyEncryptionFromFlags({ keyEncryptionKeyFile: file })).toEqual({
      keyEncryptionKey: text.trim(),
      previousKeyEncryptionKeys: [],
    });
    process.env[kekEnv] = `${text.trim()}\n`;
    expect(keyEncryptionFromFlags({}).keyEncryptionKey).toBe(text.trim());
  });

  it('accepts a group-readable file (root:sidbox 0640), refuses one open to others', () => {
    expect(() =>
      keyEncryptionFromFlags({ keyEncryptionKeyFile: kekFile('g.kek', 0o640) }),
    ).not.toThrow();
    const open = kekFile('o.kek', 0o644);
    expect(refusal(() => keyEncryptionFromFlags({ keyEncryptionKeyFile: open }))).toBe(
      `--key-encryption-key-file: ${open} is open to other users (mode 0644); chmod 600 ${open}`,
    );
  });

  it('refuses none, both, an unreadable file and text that is no key, without echoing it', () => {
    expect(refusal(() => keyEncryptionFromFlags({}))).toContain('no key-encryption key');
    process.env[kekEnv] = newKekText();
    expect(
      refusal(() => keyEncryptionFromFlags({ keyEncryptionKeyFile: kekFile('b.kek') })),
    ).toContain('not both');
    process.env[kekEnv] = '';
    expect(
      refusal(() => keyEncryptionFromFlags({ keyEncryptionKeyFile: join(dir, 'none') })),
    ).toContain('cannot read');
    const short = kekFile('short.kek', 0o600, 'c2VjcmV0LXRleHQ=\n');
    const message = refusal(() => keyEncryptionFromFlags({ keyEncryptionKeyFile: short }));
    expect(message).toContain('does not hold a key-encryption key');
    expect(message).not.toContain('c2VjcmV0LXRleHQ');
    const previous = kekFile('p.kek', 0o600, 'not base64 at all');
    expect(
      refusal(() =>
        keyEncryptionFromFlags({
          keyEncryptionKeyFile: kekFile('c.kek'),
          previousKeyEncryptionKeyFile: previous,
        }),
      ),
    ).toContain('--previous-key-encryption-key-file');
  });

  it('generate-kek writes mode 0600 and never replaces a file', () => {
    const file = join(dir, 'new.kek');
    writeNewKekFile(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    const before = readFileSync(file, 'utf8');
    expect(refusal(() => writeNewKekFile(file))).toContain('never overwritten');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
