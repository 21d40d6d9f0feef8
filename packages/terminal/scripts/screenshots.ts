// Service-page screenshots for docs/screenshots (run by `npm run screenshots` after the kiosk
// UI's own, which clears the folder and writes its README; this adds a section to it): the
// kiosk bar on a third-party page and the scan panel over it, in the real kiosk browser with
// the kiosk UI's texts and previews scanned by SANE's test backend.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@sidbox/runtime';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import { KioskTexts } from '../src/daemon/kiosk-texts.js';
import type { FlowPage } from '../src/features/scanning/scan-flow.js';
import { scanPanelView } from '../src/features/scanning/scan-panel-view.js';
import { SaneScanner } from '../src/devices/scan/sane-scanner.js';
import { defaultKioskUiDir } from '../src/kiosk-ui-server/server.js';

const outDir = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');
const texts = KioskTexts.load(defaultKioskUiDir, silentLogger());
const work = mkdtempSync(join(tmpdir(), 'sidbox-screenshots-'));

/** Two pages from SANE's test backend, with its grid picture instead of the default black. */
async function scanTwoPages(): Promise<FlowPage[]> {
  writeFileSync(join(work, 'dll.conf'), 'test\n');
  writeFileSync(join(work, 'test.conf'), 'test-picture "Grid"\n');
  const scanner = new SaneScanner({
    device: 'test',
    resolutionDpi: 50,
    mode: 'Gray',
    saneConfigDir: work,
  });
  const pages: FlowPage[] = [];
  for (let i = 0; i < 2; i++) {
    const page = await scanner.scanPage(join(work, 'session'));
    if (!page.ok) throw new Error(`scan failed: ${page.error.detail ?? page.error.code}`);
    const previewPng = readFileSync(page.value.previewPath).toString('base64');
    pages.push({ ...page.value, previewPng });
  }
  return pages;
}

const service = createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(
    '<!doctype html><html lang=de><meta charset=utf-8><title>Wohnungsanmeldung</title>' +
      '<body style="font:20px sans-serif;margin:24px"><h1>Anmeldung einer Wohnung</h1>' +
      '<p>Bitte laden Sie die Wohnungsgeberbestätigung hoch.</p>' +
      '<label>Wohnungsgeberbestätigung <input type=file accept=application/pdf></label></body>',
  );
});
await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(service.address() as AddressInfo).port}/`;

const browser = new ChromiumKioskBrowser({
  rules: {
    kioskOrigins: [],
    languages: ['de', 'en', 'ar'],
    services: [
      {
        id: 'anmeldung',
        startUrl: url,
        origins: [new URL(url).origin],
        allowDownloads: false,
        allowPrint: true,
        printButton: true,
      },
    ],
  },
  kioskBar: { texts: texts.barTexts() },
  prepareNext: false,
  display: 'headless',
});
const rows: string[] = [];
try {
  const pages = await scanTwoPages();
  await browser.start(url);
  const shot = async (file: string) => {
    writeFileSync(join(outDir, file), await browser.screenshot());
    return `[${file.replace('.png', '')}](${file})`;
  };
  const bar = [];
  const panel = [];
  for (const language of ['de', 'en', 'ar']) {
    await browser.setSessionLook({ language, textScale: 1 });
    bar.push(await shot(`service-page-${language}.png`));
    const view = scanPanelView({ step: 'review', pages, maxPages: 10 }, (key) =>
      texts.text(language, key),
    );
    await browser.showScanPanel(view);
    // The previews are decoded asynchronously: wait until each canvas left its default size.
    for (const { label } of view.pages) {
      const page = browser.devtoolsPage();
      const canvas = await page.waitForSelector(`::-p-aria([name="${label}"][role="image"])`);
      await page.waitForFunction(
        (element) => {
          const { width, height } = element as HTMLCanvasElement;
          return width !== 300 || height !== 150;
        },
        { timeout: 5000 },
        canvas,
      );
    }
    panel.push(await shot(`scan-panel-${language}.png`));
    await browser.showScanPanel(null);
  }
  rows.push(`| Kiosk bar on a third-party service page | ${bar.join(' · ')} |`);
  rows.push(
    `| Scan panel over the page: previews, another page, remove, done | ${panel.join(' · ')} |`,
  );
} finally {
  await browser.stop();
  service.close();
  rmSync(work, { recursive: true, force: true });
}
appendFileSync(
  join(outDir, 'README.md'),
  [
    '',
    '## Service pages',
    '',
    'The kiosk bar and the scan panel the terminal draws over a third-party page (the real kiosk',
    'browser, `packages/terminal/scripts/screenshots.ts`; previews from SANE’s test scanner).',
    '',
    '| screen | files |',
    '|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
console.log(`screenshots: ${rows.length} service-page screens written to ${outDir}`);
