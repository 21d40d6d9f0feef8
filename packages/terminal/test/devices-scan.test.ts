import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarizeDevices } from '../src/devices/device-state.js';
import { SaneScanner } from '../src/devices/scan/sane-scanner.js';

let dir: string;
let saneConfigDir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-scan-'));
  saneConfigDir = join(dir, 'sane.d');
  await mkdir(saneConfigDir);
  // Only SANE's test backend (Debian ships it commented out in dll.conf).
  await writeFile(join(saneConfigDir, 'dll.conf'), 'test\n');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("scanning with SANE's test backend", () => {
  it('scans two pages into one PDF in the session dir, and wipe removes everything', async () => {
    const scanner = new SaneScanner({
      device: 'test',
      resolutionDpi: 75,
      mode: 'Gray',
      saneConfigDir,
    });
    await scanner.start();
    expect(summarizeDevices([scanner])).toEqual({
      healthy: true,
      devices: [{ device: 'scanner', kind: 'scanner', status: 'ok', detail: { sane: 'test' } }],
    });
    const sessionDir = join(dir, 'session');
    const result = await scanner.scan(sessionDir, 2);
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.value.pages).toBe(2);
    const info = execFileSync('pdfinfo', [result.value.pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+2$/m);

    await scanner.wipe();
    expect(existsSync(result.value.pdfPath)).toBe(false);
    expect(await readdir(sessionDir)).toEqual([]);
  });

  it('reports a scanner that is not there as a typed error', async () => {
    const scanner = new SaneScanner({
      device: 'epsonds:libusb:001:004',
      resolutionDpi: 75,
      mode: 'Gray',
      saneConfigDir,
    });
    await scanner.start();
    expect(scanner.state().status).toBe('missing');
    const result = await scanner.scan(join(dir, 'session'), 1);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'scanner-missing', messageKey: 'scan.failed' },
    });
    await scanner.stop();
    expect(await readdir(join(dir, 'session'))).toEqual([]);
  });
});
