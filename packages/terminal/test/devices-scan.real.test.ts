import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(path: string): Promise<{ width: number; height: number }> {
  const png = await readFile(path);
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("scanning with SANE's test backend", () => {
  it('scans page by page with a preview each, binds the pages into one PDF, and wipe removes all', async () => {
    const scanner = new SaneScanner({
      device: 'test',
      resolutionDpi: 75,
      mode: 'Gray',
      saneConfigDir,
      previewPx: 200,
    });
    await scanner.start();
    expect(summarizeDevices([scanner])).toEqual({
      healthy: true,
      devices: [{ device: 'scanner', kind: 'scanner', status: 'ok', detail: { sane: 'test' } }],
    });
    const sessionDir = join(dir, 'session');
    const pages = [];
    for (let i = 0; i < 2; i++) {
      const page = await scanner.scanPage(sessionDir);
      if (!page.ok) throw new Error(page.error.detail);
      pages.push(page.value);
    }
    for (const page of pages) {
      expect(page.imagePath.startsWith(`${sessionDir}/`)).toBe(true);
      expect(page.previewPath.startsWith(`${sessionDir}/`)).toBe(true);
      const full = await pngSize(page.imagePath);
      const preview = await pngSize(page.previewPath);
      expect(Math.max(preview.width, preview.height)).toBe(200);
      expect(full.width).toBeGreaterThan(preview.width);
      // Scaled, not cropped: the page keeps its proportions.
      expect(preview.width / preview.height).toBeCloseTo(full.width / full.height, 1);
    }
    expect(pages[0]?.imagePath).not.toBe(pages[1]?.imagePath);

    const pdf = await scanner.toPdf(pages);
    if (!pdf.ok) throw new Error(pdf.error.detail);
    expect(pdf.value.pdfPath.startsWith(`${sessionDir}/`)).toBe(true);
    expect(execFileSync('pdfinfo', [pdf.value.pdfPath], { encoding: 'utf8' })).toMatch(
      /^Pages:\s+2$/m,
    );

    // Only this scanner's pages are bound: no other file reaches the PDF.
    expect(
      await scanner.toPdf([{ imagePath: '/etc/passwd', previewPath: '/etc/passwd' }]),
    ).toMatchObject({ ok: false, error: { code: 'scan-failed' } });
    expect(await scanner.toPdf([])).toMatchObject({ ok: false });
    expect(
      await scanner.toImages([{ imagePath: '/etc/passwd', previewPath: '/etc/passwd' }], 'png'),
    ).toMatchObject({ ok: false, error: { code: 'scan-failed' } });
    // For fields that take only images: the pages as they are, or as JPEG beside them.
    expect(await scanner.toImages(pages, 'png')).toEqual({
      ok: true,
      value: { files: pages.map((page) => page.imagePath) },
    });
    const jpegs = await scanner.toImages(pages, 'jpeg');
    if (!jpegs.ok) throw new Error(jpegs.error.detail);
    for (const file of jpegs.value.files)
      expect((await readFile(file)).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));

    await scanner.wipe();
    expect(existsSync(pdf.value.pdfPath)).toBe(false);
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
    const result = await scanner.scanPage(join(dir, 'session'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'scanner-missing', messageKey: 'scan.failed' },
    });
    await scanner.stop();
    expect(await readdir(join(dir, 'session'))).toEqual([]);
  });
});
