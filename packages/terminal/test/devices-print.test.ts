import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CupsPrinter } from '../src/devices/print/cups-printer.js';
import { startCups, type TestCups } from './helpers/devices/cupsd.js';
import { firstFileIn } from './helpers/devices/first-file.js';
import { textPdf } from './helpers/devices/text-pdf.js';

const QUEUE = 'sidbox-pdf';
let dir: string;
let cups: TestCups | undefined;
let pdf: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-cups-'));
  cups = await startCups(dir, QUEUE);
  pdf = join(dir, 'page.pdf');
  await writeFile(pdf, textPdf('Meldebescheinigung 4711'));
});
afterAll(async () => {
  await cups?.daemon.stop();
  await rm(dir, { recursive: true, force: true });
});

function server(): TestCups {
  if (!cups) throw new Error('cupsd did not start');
  return cups;
}

/** The job's data file in the spool, as cupsd names it: d<5-digit job number>-001. */
const spoolFile = (jobId: string): string =>
  join(server().spoolDir, `d${jobId.split('-').pop()?.padStart(5, '0')}-001`);

describe('printing through a real CUPS with the cups-pdf printer', () => {
  it('prints a PDF silently; the printed PDF carries the text', async () => {
    const printer = new CupsPrinter({ printer: QUEUE, server: server().server });
    await printer.start();
    expect(printer.state()).toMatchObject({ status: 'ok' });
    const printed = firstFileIn(server().printedDir);
    const job = await printer.print(pdf, 'Meldebescheinigung');
    expect(job.ok).toBe(true);
    const text = execFileSync('pdftotext', [await printed, '-'], { encoding: 'utf8' });
    expect(text).toContain('Meldebescheinigung 4711');
  });

  it('cancels a held job at session end and its spool file is gone', async () => {
    const printer = new CupsPrinter({ printer: QUEUE, server: server().server });
    // A job submitted just before session end, held so it is certainly still queued.
    const out = execFileSync('lp', ['-d', QUEUE, '-H', 'hold', pdf], {
      encoding: 'utf8',
      env: { ...process.env, CUPS_SERVER: server().server, LC_ALL: 'C' },
    });
    const jobId = /request id is (\S+)/.exec(out)?.[1] ?? '';
    expect(existsSync(spoolFile(jobId))).toBe(true);

    expect(await printer.cancelAll([jobId])).toEqual({ ok: true, value: { cancelled: [jobId] } });
    expect(existsSync(spoolFile(jobId))).toBe(false);
    const queued = execFileSync('lpstat', ['-o', QUEUE], {
      encoding: 'utf8',
      env: { ...process.env, CUPS_SERVER: server().server },
    });
    expect(queued).not.toContain(jobId);
  });

  it('reports a missing or stopped printer as a typed error, never a crash', async () => {
    const missing = new CupsPrinter({ printer: 'no-such-queue', server: server().server });
    expect(await missing.print(pdf, 'x')).toMatchObject({
      ok: false,
      error: { code: 'printer-missing', messageKey: 'print.printerMissing' },
    });
    expect(missing.state()).toMatchObject({ status: 'missing' });

    execFileSync('cupsdisable', [QUEUE], { env: { ...process.env, CUPS_SERVER: server().server } });
    const stopped = new CupsPrinter({ printer: QUEUE, server: server().server });
    expect(await stopped.print(pdf, 'x')).toMatchObject({
      ok: false,
      error: { code: 'printer-stopped', messageKey: 'print.printerStopped' },
    });
    expect(stopped.state()).toMatchObject({ status: 'stopped' });
  });
});
