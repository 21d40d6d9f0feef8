import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultBackoff, nextBackoff, type RestartPolicy } from '../src/supervisor/backoff.js';
import { findAusweisApp } from '../src/supervisor/binary.js';
import { portFilePath, readPortFile } from '../src/supervisor/port-file.js';
import {
  createPrivateDir,
  privateEnv,
  removePrivateDir,
  removeStalePrivateDirs,
} from '../src/supervisor/private-dir.js';
import { kioskSettings, writeKioskSettings } from '../src/supervisor/settings.js';

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sidbox-supervisor-test-'));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('nextBackoff', () => {
  const policy: RestartPolicy = { initialMs: 100, factor: 2, maxMs: 1000, stableAfterMs: 5000 };

  it('doubles from the initial delay and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => nextBackoff(attempt, policy))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  it('treats attempt 0 or less like the first attempt', () => {
    expect(nextBackoff(0, policy)).toBe(100);
    expect(nextBackoff(-3, policy)).toBe(100);
  });

  it('has a sane default policy', () => {
    expect(nextBackoff(1)).toBe(defaultBackoff.initialMs);
    expect(nextBackoff(1000)).toBe(defaultBackoff.maxMs);
  });
});

describe('port file', () => {
  it('is named after the application and pid', () => {
    expect(portFilePath('/t', 'AusweisApp2', 42)).toBe('/t/AusweisApp2.42.port');
    expect(portFilePath('/t', 'AusweisApp', 42)).toBe('/t/AusweisApp.42.port');
  });

  it('waits while the file is missing or empty, then reads the port', async () => {
    const path = join(scratch, 'AusweisApp2.1.port');
    await writeFile(path, '');
    const port = readPortFile(path, new AbortController().signal);
    await writeFile(path, '24800');
    expect(await port).toBe(24800);
  });

  it('stops with the abort reason', async () => {
    const abort = new AbortController();
    const port = readPortFile(join(scratch, 'never.port'), abort.signal);
    abort.abort(new Error('AusweisApp died'));
    await expect(port).rejects.toThrow('AusweisApp died');
  });
});

describe('private directory', () => {
  it('has its own HOME, TMPDIR and XDG dirs, and is removed completely', async () => {
    const dir = await createPrivateDir(scratch);
    expect((await stat(dir.root)).mode & 0o777).toBe(0o700);
    const env = privateEnv(dir);
    expect(env).toMatchObject({
      QT_QPA_PLATFORM: 'offscreen',
      HOME: dir.home,
      TMPDIR: dir.tmp,
      XDG_CONFIG_HOME: dir.config,
      XDG_DATA_HOME: dir.data,
      XDG_CACHE_HOME: dir.cache,
      XDG_RUNTIME_DIR: dir.runtime,
    });
    await removePrivateDir(dir);
    await expect(stat(dir.root)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('clears directories whose owning process is gone, and only those', async () => {
    const mine = await createPrivateDir(scratch);
    await mkdir(join(scratch, 'sidbox-ausweisapp-999999999-abc123'));
    await mkdir(join(scratch, 'unrelated'));
    expect(await removeStalePrivateDirs(scratch)).toEqual(['sidbox-ausweisapp-999999999-abc123']);
    expect((await readdir(scratch)).sort()).toEqual(
      [mine.root.split('/').at(-1), 'unrelated'].sort(),
    );
  });

  it('never passes a PIN from our environment on to AusweisApp', async () => {
    process.env.AUSWEISAPP2_AUTOMATIC_PIN = '123456';
    try {
      const env = privateEnv(await createPrivateDir(scratch));
      expect(Object.keys(env).filter((key) => key.includes('AUTOMATIC'))).toEqual([]);
    } finally {
      delete process.env.AUSWEISAPP2_AUTOMATIC_PIN;
    }
  });
});

describe('kiosk settings', () => {
  it('are written for 1.26 and 2.x, with history off', async () => {
    await writeKioskSettings(scratch);
    for (const file of ['AusweisApp2.conf', 'AusweisApp.conf']) {
      const text = await readFile(join(scratch, 'Unknown Organization', file), 'utf8');
      expect(text).toBe(kioskSettings);
    }
    expect(kioskSettings).toMatch(/\[history\]\nenable=false/);
    expect(kioskSettings).toContain('autoUpdateCheck=false');
    expect(kioskSettings).toContain('developerOptions=false');
  });
});

describe('findAusweisApp', () => {
  it('finds the installed AusweisApp2 on PATH and reads its version', async () => {
    expect(await findAusweisApp()).toEqual({
      name: 'AusweisApp2',
      path: '/usr/bin/AusweisApp2',
      version: expect.stringMatching(/^1\.26\./),
    });
  });

  it('prefers the 2.x name and parses its --version line', async () => {
    const fake = join(scratch, 'AusweisApp');
    await writeFile(fake, '#!/bin/sh\necho "AusweisApp 2.5.3"\n');
    await chmod(fake, 0o755);
    expect(await findAusweisApp({ searchPath: `${scratch}:/usr/bin` })).toEqual({
      name: 'AusweisApp',
      path: fake,
      version: '2.5.3',
    });
  });

  it('takes an explicit path, and returns null when there is nothing', async () => {
    expect((await findAusweisApp({ path: '/usr/bin/AusweisApp2' }))?.name).toBe('AusweisApp2');
    expect(await findAusweisApp({ path: join(scratch, 'missing') })).toBeNull();
    expect(await findAusweisApp({ searchPath: scratch })).toBeNull();
  });
});
