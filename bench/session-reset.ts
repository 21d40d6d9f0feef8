// Session-reset bench: from `ctl session end` to "attract screen ready for the next person",
// on a real terminal daemon (training card, headless Debian Chromium), next to a plain
// Chromium cold start measured in the same run.
//
// "Ready for the next person" = both hold: the daemon reports `idle` (its wipe has finished,
// the eID side renewed), and the browser the citizen now sees has rendered the attract screen
// (the kiosk UI's attract button is in the DOM of the fresh browser's page, and a frame was
// drawn after it). Measured from just before the control-socket request is sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import puppeteer, { type Page } from 'puppeteer-core';
import { silentLogger } from '@sidbox/runtime';
import { LocalTerminalConfig, type ControlRequest } from '@sidbox/protocol';
import {
  ChromiumKioskBrowser,
  TerminalDaemon,
  createKioskBrowser,
  sendControlRequest,
} from '@sidbox/terminal';
import { median, ms } from './stats.js';

const sessions = 20;
const coldStarts = 5;
const targetP95Ms = 1_000;
const chromium = '/usr/lib/chromium/chromium';

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sidbox-bench-reset-'));
  const service = await serveService();
  try {
    const coldMs = await measureColdStarts(service.url, dir);
    const reset = await measureResets(service.url, dir);
    report(coldMs, reset);
  } finally {
    await new Promise((resolve) => service.server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

interface ResetFigures {
  readyMs: number[];
  idleMs: number[];
  browserResetMs: number[];
  prewarmed: number;
}

/** A local service that leaves state behind: cookies, storage, a cached script. */
async function serveService(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.url === '/app.js') {
      response.writeHead(200, {
        'Content-Type': 'text/javascript',
        'Cache-Control': 'max-age=3600',
      });
      response.end('localStorage.setItem("visited", String(Date.now()));');
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Set-Cookie': 'citizen=1; Max-Age=3600; Path=/',
    });
    response.end(
      '<!doctype html><meta charset="utf-8"><title>Dienst</title><h1 id="ready">Testdienst</h1>' +
        '<script src="/app.js"></script>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** Waits for a selector in the page, then for one more animation frame: it was drawn. */
async function rendered(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 10_000 });
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve()))');
}

/** Plain Chromium (same binary, headless, fresh profile): launch to first page rendered. */
async function measureColdStarts(url: string, dir: string): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < coldStarts; round++) {
    const profile = await mkdtemp(join(dir, 'cold-'));
    const started = performance.now();
    const browser = await puppeteer.launch({
      executablePath: chromium,
      args: ['--headless', '--no-first-run', `--user-data-dir=${profile}`].concat(
        process.getuid?.() === 0 ? ['--no-sandbox'] : [],
      ),
      pipe: true,
      ignoreDefaultArgs: true,
      defaultViewport: null,
    });
    try {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await rendered(page, '#ready');
      samples.push(performance.now() - started);
    } finally {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    }
  }
  return samples;
}

async function measureResets(serviceUrl: string, dir: string): Promise<ResetFigures> {
  const socket = join(dir, 'ctl.sock');
  const browser = createKioskBrowser({ headless: true, logger: silentLogger() });
  if (!(browser instanceof ChromiumKioskBrowser)) throw new Error('not the real kiosk browser');
  const daemon = new TerminalDaemon({
    config: LocalTerminalConfig.parse({
      branding: { memberName: 'Bench' },
      services: [
        {
          id: 'svc',
          title: { de: 'Testdienst' },
          description: { de: 'Testdienst' },
          startUrl: serviceUrl,
          eid: true,
        },
      ],
    }),
    training: true,
    ctlSocketPath: socket,
    browser,
  });
  const ctl = async (request: ControlRequest): Promise<void> => {
    const reply = await sendControlRequest(socket, request);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  };
  const figures: ResetFigures = { readyMs: [], idleMs: [], browserResetMs: [], prewarmed: 0 };
  await daemon.start();
  try {
    for (let round = 0; round < sessions + 1; round++) {
      // Like a citizen who takes a moment: the next browser is prepared meanwhile.
      await browser.whenPrepared();
      await ctl({ cmd: 'session', action: 'start' });
      await ctl({ cmd: 'open', serviceId: 'svc' });
      await rendered(browser.devtoolsPage(), '#ready');

      const browserReset = new Promise<{ durationMs: number; prewarmed: boolean }>((resolve) => {
        const off = browser.on('reset', (event) => {
          off();
          resolve(event);
        });
      });
      let idleAt = 0;
      const idle = new Promise<void>((resolve) => {
        const off = daemon.session.on('attract-ready', () => {
          idleAt = performance.now();
          off();
          resolve();
        });
      });
      const started = performance.now();
      await ctl({ cmd: 'session', action: 'end' });
      await idle;
      await rendered(browser.devtoolsPage(), 'button.attract');
      const readyAt = performance.now();
      const reset = await browserReset;
      if (daemon.status().state !== 'idle') throw new Error('daemon not idle after the wipe');
      // The first round warms the code paths; it is not counted.
      if (round === 0) continue;
      figures.readyMs.push(readyAt - started);
      figures.idleMs.push(idleAt - started);
      figures.browserResetMs.push(reset.durationMs);
      if (reset.prewarmed) figures.prewarmed++;
    }
  } finally {
    await daemon.stop();
  }
  return figures;
}

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

function report(coldMs: number[], reset: ResetFigures): void {
  const p50 = quantile(reset.readyMs, 0.5);
  const p95 = quantile(reset.readyMs, 0.95);
  const cold = median(coldMs);
  console.log(`session-reset: ${sessions} sessions, ctl session end → attract ready (training)`);
  console.log(
    `  ready (daemon idle + attract drawn)  p50 ${ms(p50)} ms  p95 ${ms(p95)} ms  max ${ms(Math.max(...reset.readyMs))} ms  (target p95 ≤ ${targetP95Ms} ms)`,
  );
  console.log(
    `  of which daemon idle                 p50 ${ms(quantile(reset.idleMs, 0.5))} ms  p95 ${ms(quantile(reset.idleMs, 0.95))} ms`,
  );
  console.log(
    `  of which browser reset (swap+load)   p50 ${ms(quantile(reset.browserResetMs, 0.5))} ms  p95 ${ms(quantile(reset.browserResetMs, 0.95))} ms  prewarmed ${reset.prewarmed}/${sessions}`,
  );
  console.log(
    `  plain Chromium cold start → first page rendered, median of ${coldStarts}: ${ms(cold)} ms`,
  );
  console.log(`  reset p95 / cold start: ${(p95 / cold).toFixed(3)}`);
  console.log(
    JSON.stringify({
      bench: 'session-reset',
      sessions,
      p50Ms: ms(p50),
      p95Ms: ms(p95),
      idleP50Ms: ms(quantile(reset.idleMs, 0.5)),
      idleP95Ms: ms(quantile(reset.idleMs, 0.95)),
      browserResetP50Ms: ms(quantile(reset.browserResetMs, 0.5)),
      prewarmed: reset.prewarmed,
      coldStartMs: ms(cold),
      coldStartSamplesMs: coldMs.map(ms),
      ratioP95ToColdStart: Number((p95 / cold).toFixed(3)),
      targetP95Ms,
      met: p95 <= targetP95Ms,
    }),
  );
}
