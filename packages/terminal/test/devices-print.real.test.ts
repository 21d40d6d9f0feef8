import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CupsPrinter } from '../src/devices/print/cups-printer.js';
import { parseQueueStatus, printerProblem } from '../src/devices/print/printer-status.js';
import { reportingFault, startCups, type TestCups } from './helpers/devices/cupsd.js';
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

/** A queue on the FAKE fault backend (see helpers/devices/cupsd.ts). */
const faultyQueue = (queue: string, reason: string, exitCode: 0 | 4 | 'hold') =>
  reportingFault(server(), queue, { reason, exitCode, pdf });

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

describe('printer faults reported through the real CUPS (FAKE fault backend)', () => {
  it.each([
    ['media-empty-error', 'out-of-paper', 'notice.outOfPaper'],
    ['media-jam-error', 'paper-jam', 'notice.paperJam'],
  ])(
    '%s stops the queue: a typed problem in the print result and in state()',
    async (reason, code, messageKey) => {
      const queue = `fault-${code}`;
      await faultyQueue(queue, reason, 4);
      const printer = new CupsPrinter({ printer: queue, server: server().server });
      expect(await printer.print(pdf, 'Meldebescheinigung')).toMatchObject({
        ok: false,
        error: { code, messageKey },
      });
      expect(printer.state()).toMatchObject({
        status: 'stopped',
        detail: { queue, problem: code, messageKey },
      });
    },
  );

  it('a printer that still queues while reporting no paper takes the job and says so', async () => {
    const queue = 'fault-still-queueing';
    await faultyQueue(queue, 'media-empty-report', 0);
    const printer = new CupsPrinter({ printer: queue, server: server().server });
    const result = await printer.print(pdf, 'Meldebescheinigung');
    expect(result).toMatchObject({
      ok: true,
      value: { notice: { problem: 'out-of-paper', messageKey: 'notice.outOfPaper' } },
    });
    expect(printer.state()).toMatchObject({
      status: 'unavailable',
      detail: { problem: 'out-of-paper' },
    });
    if (result.ok) await printer.cancelAll([result.value.jobId]);
  });

  it('a printer that does not answer while a job waits is reported offline', async () => {
    const queue = 'fault-offline';
    const waiting = await faultyQueue(queue, 'offline-report', 'hold');
    const printer = new CupsPrinter({ printer: queue, server: server().server });
    const result = await printer.print(pdf, 'Meldebescheinigung');
    expect(result).toMatchObject({
      ok: true,
      value: { notice: { problem: 'printer-offline', messageKey: 'notice.printerOffline' } },
    });
    expect(printer.state()).toMatchObject({
      status: 'unavailable',
      detail: { problem: 'printer-offline' },
    });
    // Session end: both jobs go, the held backend with them.
    const jobs = result.ok ? [waiting, result.value.jobId] : [waiting];
    expect(await printer.cancelAll(jobs)).toEqual({ ok: true, value: { cancelled: jobs } });
  });
});

describe('reading printer-state-reasons (pure)', () => {
  const listing = (state: string, alerts: string): string =>
    `printer q ${state} since Fri Nov 27 13:29:35 2026 -\n\treason\n\tForm mounted:\n\tAlerts: ${alerts}\n\tLocation: \n`;

  it('parses the queue state and its reasons from lpstat -l', () => {
    expect(parseQueueStatus('q', listing('disabled', 'media-jam-error paused'))).toEqual({
      enabled: false,
      reasons: ['media-jam-error', 'paused'],
    });
    expect(parseQueueStatus('q', listing('is idle.  enabled', 'none'))).toEqual({
      enabled: true,
      reasons: [],
    });
    expect(parseQueueStatus('other', listing('disabled', 'none'))).toBeUndefined();
  });

  it('names the first fault that stops printing; warnings do not count, no suffix is an error', () => {
    expect(printerProblem(['paused', 'media-needed'])).toBe('out-of-paper');
    expect(printerProblem(['media-empty-warning', 'toner-low-report'])).toBeUndefined();
    expect(printerProblem(['offline', 'media-jam-error'])).toBe('printer-offline');
    expect(printerProblem(['output-area-full-error'])).toBe('paper-jam');
    expect(printerProblem(['timed-out-report'])).toBe('printer-offline');
    expect(printerProblem(['paused'])).toBeUndefined();
  });
});
