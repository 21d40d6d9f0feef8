// Where Chromium's managed policy goes: the private mount where the daemon may make one, the
// system's managed directory where it may write it (the stick's unprivileged kiosk user), else
// nowhere, and then the daemon says so (policyEnforced false: only the CDP wall holds).
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choosePolicyPlacement,
  isWritableDir,
  placePolicyFile,
} from '../src/browser/chromium-process.js';

const never = (): boolean => {
  throw new Error('must not be probed');
};

describe('choosePolicyPlacement', () => {
  it('prefers the private mount and then does not look at the system directory', () => {
    expect(
      choosePolicyPlacement({
        enforcePolicy: true,
        canMountPrivate: () => true,
        systemDirWritable: never,
      }),
    ).toBe('private-mount');
  });

  it('uses the system managed directory when no mount namespace is possible but it is writable', () => {
    expect(
      choosePolicyPlacement({
        enforcePolicy: true,
        canMountPrivate: () => false,
        systemDirWritable: () => true,
      }),
    ).toBe('system-dir');
  });

  it('enforces nothing when neither is possible', () => {
    expect(
      choosePolicyPlacement({
        enforcePolicy: true,
        canMountPrivate: () => false,
        systemDirWritable: () => false,
      }),
    ).toBe('none');
  });

  it('probes nothing when the caller does not want the policy', () => {
    expect(
      choosePolicyPlacement({
        enforcePolicy: false,
        canMountPrivate: never,
        systemDirWritable: never,
      }),
    ).toBe('none');
  });
});

describe('isWritableDir', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidbox-policy-dir-'));
    await mkdir(join(dir, 'managed'));
    await writeFile(join(dir, 'a-file'), '{}', { mode: 0o644 });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is true for a directory we may create files in', () => {
    expect(isWritableDir(join(dir, 'managed'))).toBe(true);
  });

  it('is false for a directory that does not exist (a PC without Chromium policies)', () => {
    expect(isWritableDir(join(dir, 'missing'))).toBe(false);
  });

  it('is false for a file', () => {
    expect(isWritableDir(join(dir, 'a-file'))).toBe(false);
  });
});

describe('placePolicyFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidbox-policy-file-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the policy, leaves the same one untouched, and replaces a changed one whole', async () => {
    const file = join(dir, 'sidbox.json');
    await placePolicyFile(dir, '{"a":1}');
    const first = await stat(file);
    expect(first.mode & 0o777).toBe(0o600);
    // The same rules again (the next browser): the file a running Chromium watches stays as is.
    await placePolicyFile(dir, '{"a":1}');
    expect((await stat(file)).ino).toBe(first.ino);
    // New rules: a new file renamed over the old one, never a truncated one in between.
    await placePolicyFile(dir, '{"a":2}');
    expect((await stat(file)).ino).not.toBe(first.ino);
    expect(await readFile(file, 'utf8')).toBe('{"a":2}');
    expect(await readdir(dir)).toEqual(['sidbox.json']);
  });
});
