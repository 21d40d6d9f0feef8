import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { eidServerFromFlags } from '../src/hub/eid-server-flags.js';

const dir = mkdtempSync(join(tmpdir(), 'sidbox-cli-eid-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('reads the eID-Server key from its file, both flags or neither', () => {
  const keyFile = join(dir, 'key');
  writeFileSync(keyFile, 'a-key-of-enough-length\n');
  expect(eidServerFromFlags('https://eid.example.org/', keyFile)).toEqual({
    eidServer: { origin: 'https://eid.example.org', apiKey: 'a-key-of-enough-length' },
  });
  expect(eidServerFromFlags(undefined, undefined)).toEqual({});
  expect(() => eidServerFromFlags('https://eid.example.org', undefined)).toThrow(/go together/);
  expect(() => eidServerFromFlags('https://eid.example.org', join(dir, 'missing'))).toThrow(
    /cannot read/,
  );
  writeFileSync(keyFile, 'short');
  expect(() => eidServerFromFlags('https://eid.example.org', keyFile)).toThrow(/16 characters/);
});
