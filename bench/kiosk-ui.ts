// Kiosk UI bench: the initial JavaScript the terminal's browser loads (gzip) against the
// 150 KB budget, and time-to-interactive of the attract and home screens in headless Debian
// Chromium against the 300 ms budget, next to a baseline measured in the same run: a static
// HTML page of the same size, served the same way, that is interactive once it is parsed.
//
// Interactive = the screen's control is in the DOM (the Preact app has rendered and attached
// its handlers) and one more frame was drawn; measured in the page from navigation start.
// Both are served by the kiosk UI's test stub daemon (same SSE view, same headers).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { launchChromium, packageDir } from '../packages/kiosk-ui/test/helpers/kiosk-page.js';
import { startStubDaemon, type StubDaemon } from '../packages/kiosk-ui/test/helpers/stub-daemon.js';
import { base } from '../packages/kiosk-ui/test/helpers/views.js';
import { median, ms, summarize } from './stats.js';

const budgetKb = 150;
const budgetMs = 300;
const rounds = 20;
const warmup = 3;
const distDir = join(packageDir, 'dist');

export async function run(): Promise<void> {
  const bundle = await initialJs();
  const baselineDir = await mkdtemp(join(tmpdir(), 'sidbox-bench-kiosk-ui-'));
  const ui = await startStubDaemon(distDir, base);
  const baseline = await startStubDaemon(baselineDir, base);
  const browser = await launchChromium();
  try {
    await writeFile(join(baselineDir, 'index.html'), staticPage(bundle.pageBytes));
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 1024 });
    await page.setCacheEnabled(false);
    const screens = [
      { name: 'attract', view: { ...base, state: 'idle' as const }, ready: 'button.attract' },
      { name: 'home', view: base, ready: '.tiles .tile' },
    ];
    const figures: Record<string, { p50: number; p90: number }> = {};
    const baselineMs: number[] = [];
    for (const screen of screens) {
      ui.publish(screen.view);
      const samples: number[] = [];
      for (let round = 0; round < warmup + rounds; round++) {
        // Alternate, so that both see the same machine load.
        const own = await timeToInteractive(page, ui, screen.ready);
        const plain = await timeToInteractive(page, baseline, 'button.attract');
        if (round >= warmup) {
          samples.push(own);
          baselineMs.push(plain);
        }
      }
      const { p50, p90 } = summarize(samples);
      figures[screen.name] = { p50, p90 };
    }
    const plainP50 = median(baselineMs);
    const attract = figures['attract'] ?? { p50: NaN, p90: NaN };
    const home = figures['home'] ?? { p50: NaN, p90: NaN };
    console.log(`kiosk-ui: initial JS ${bundle.files.join(', ')}`);
    console.log(
      `  gzip ${kb(bundle.gzipBytes)} KB (raw ${kb(bundle.rawBytes)} KB)  budget ${budgetKb} KB  ${bundle.gzipBytes <= budgetKb * 1024 ? 'ok' : 'OVER'}`,
    );
    console.log(`kiosk-ui: time to interactive, median of ${rounds} (p90), budget ${budgetMs} ms`);
    for (const [name, figure] of Object.entries(figures)) {
      console.log(
        `  ${name.padEnd(8)} ${ms(figure.p50)} ms (${ms(figure.p90)} ms)  ×${(figure.p50 / plainP50).toFixed(2)} of the static page  ${figure.p90 <= budgetMs ? 'ok' : 'OVER'}`,
      );
    }
    console.log(`  static page of the same size ${ms(plainP50)} ms`);
    console.log(
      JSON.stringify({
        bench: 'kiosk-ui',
        initialJsGzipKb: kb(bundle.gzipBytes),
        initialJsRawKb: kb(bundle.rawBytes),
        jsBudgetKb: budgetKb,
        attractP50Ms: ms(attract.p50),
        attractP90Ms: ms(attract.p90),
        homeP50Ms: ms(home.p50),
        homeP90Ms: ms(home.p90),
        staticPageP50Ms: ms(plainP50),
        attractRatio: Number((attract.p50 / plainP50).toFixed(2)),
        homeRatio: Number((home.p50 / plainP50).toFixed(2)),
        ttiBudgetMs: budgetMs,
        rounds,
      }),
    );
  } finally {
    await browser.close();
    await ui.close();
    await baseline.close();
    await rm(baselineDir, { recursive: true, force: true });
  }
}

/** The scripts index.html loads at once (entry and module preloads), raw and gzipped; and
 * the whole first load (HTML, CSS, JS) for the baseline page. */
async function initialJs(): Promise<{
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  pageBytes: number;
}> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(
      /<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g,
    ),
  ].map((match) => match[1] ?? match[2] ?? '');
  const bodies = await Promise.all(files.map((file) => readFile(join(distDir, file))));
  const css = html.match(/href="([^"]+\.css)"/)?.[1];
  const cssBytes = css ? (await readFile(join(distDir, css))).length : 0;
  return {
    files,
    rawBytes: bodies.reduce((sum, body) => sum + body.length, 0),
    pageBytes: bodies.reduce((sum, body) => sum + body.length, 0) + cssBytes + html.length,
    gzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body).length, 0),
  };
}

/** A page as large as the kiosk UI (HTML, CSS and JS), interactive once parsed. */
function staticPage(bytes: number): string {
  const head =
    '<!doctype html><html lang="de"><meta charset="utf-8"><title>Baseline</title>' +
    '<main><h1>Willkommen</h1><button type="button" class="attract">Starten</button></main>';
  const filler = 'Bürgerterminal '.repeat(Math.max(0, Math.ceil((bytes - head.length) / 16)));
  return `${head}<p hidden>${filler}</p></html>`;
}

/**
 * Runs in every page before its scripts: records when the ready selector has been drawn. A
 * string, because tsx would wrap a function's inner closures in helpers the page lacks.
 */
const readyProbe = (selector: string) => `(() => {
  const check = () => {
    if (window.__readyAt !== undefined || !document.querySelector(${JSON.stringify(selector)})) return;
    window.__readyAt = -1;
    requestAnimationFrame(() => (window.__readyAt = performance.now()));
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

async function timeToInteractive(page: Page, server: StubDaemon, ready: string): Promise<number> {
  await page.goto('about:blank');
  const probe = await page.evaluateOnNewDocument(readyProbe(ready));
  await page.goto(`${server.origin}/#k=bench`);
  await page.waitForFunction('(window.__readyAt ?? -1) > 0', { polling: 'raf' });
  const readyAt = (await page.evaluate('window.__readyAt')) as number;
  await page.removeScriptToEvaluateOnNewDocument(probe.identifier);
  return readyAt;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
