import { silentLogger } from '@sidbox/runtime';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskBarConfig } from '../src/browser/kiosk-bar-config.js';
import { kioskBarScanPanel, kioskBarScript } from '../src/browser/kiosk-bar-script.js';
import { KioskTexts } from '../src/daemon/kiosk-texts.js';
import type { FlowPage, ScanFlowState } from '../src/features/scanning/scan-flow.js';
import { scanPanelView } from '../src/features/scanning/scan-panel-view.js';
import { defaultKioskUiDir } from '../src/kiosk-ui-server/server.js';
import { launchChromium } from '../../kiosk-ui/test/helpers/kiosk-page.js';
import { wcagViolations } from './helpers/citizen/axe.js';
import { html, serveSite, type TestSite } from './helpers/sites.js';

// WCAG 2.1 A/AA (axe-core) for what the terminal draws over third-party pages: the kiosk bar,
// its language and help panels, and the scan panel, in German and Arabic. axe cannot look into
// a closed shadow root, so here the bar's own script runs in a plain page whose attachShadow is
// made to open its roots; everything else is the code the kiosk runs.

const texts = KioskTexts.load(defaultKioskUiDir, silentLogger());
let chromium: Browser;
let page: Page;
let site: TestSite;

beforeAll(async () => {
  site = await serveSite({
    '/': html('<main><h1>Anmeldung einer Wohnung</h1><p>Ein Dienst eines Dritten.</p></main>'),
  });
  chromium = await launchChromium();
  page = await chromium.newPage();
  await page.setViewport({ width: 1280, height: 1024 });
});

afterAll(async () => {
  await chromium?.close();
  await site?.close();
});

/** The service page with the kiosk bar in `language`, its shadow root open for axe. */
async function pageWithBar(language: string): Promise<void> {
  await page.goto(site.url('/'));
  await page.evaluate(() => {
    document.documentElement.lang = 'de';
    document.title = 'Anmeldung';
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function open(init) {
      return attach.call(this, { ...init, mode: 'open' });
    };
  });
  const config = kioskBarConfig(
    { texts: texts.barTexts(), heightPx: 64 },
    { kioskOrigins: [], languages: ['de', 'en', 'ar'], services: [] },
    { language, textScale: 1 },
  );
  await page.evaluate(kioskBarScript(config, 'noBindingHere'));
}

const tap = async (name: string) =>
  (await page.waitForSelector(`::-p-aria([name="${name}"][role="button"])`))?.click();

async function previewPng(): Promise<string> {
  return page.screenshot({
    type: 'png',
    encoding: 'base64',
    clip: { x: 0, y: 80, width: 60, height: 80 },
  });
}

function scanView(language: string, state: ScanFlowState) {
  return scanPanelView(state, (key) => texts.text(language, key));
}

describe.each(['de', 'ar'])(
  'kiosk bar over a service page in %s: no WCAG 2.1 A/AA violation',
  (language) => {
    const bar = texts.barTexts()[language];
    if (!bar) throw new Error(`no bar texts for ${language}`);

    it('the bar', async () => {
      await pageWithBar(language);
      expect(await wcagViolations(page)).toEqual([]);
    });

    it('its language list and its help', async () => {
      await pageWithBar(language);
      await tap(`${bar.language}: ${bar.languageName}`);
      expect(await wcagViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await tap(bar.help);
      expect(await wcagViolations(page)).toEqual([]);
    });

    it('the scan panel: ready, scanning, two pages to review', async () => {
      await pageWithBar(language);
      const png = await previewPng();
      const page1: FlowPage = { imagePath: '/x/1.png', previewPath: '/x/1p.png', previewPng: png };
      const states: ScanFlowState[] = [
        { step: 'ready', pages: [], maxPages: 10 },
        { step: 'scanning', pages: [page1], maxPages: 10 },
        { step: 'review', pages: [page1, page1], maxPages: 10 },
      ];
      for (const state of states) {
        await page.evaluate(kioskBarScanPanel(scanView(language, state)));
        expect(await wcagViolations(page), state.step).toEqual([]);
      }
    });
  },
);
