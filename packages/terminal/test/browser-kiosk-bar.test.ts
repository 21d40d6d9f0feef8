import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import type { KioskBrowserEvents } from '../src/browser/kiosk-browser.js';
import { nextEvent } from './helpers/browser/events.js';
import { decodePng } from './helpers/browser/png.js';
import { ownBrowserDirs, survivors } from './helpers/processes.js';
import { html, serveSite, type TestSite } from './helpers/sites.js';

// The kiosk bar (Home / End) the browser injects into every top-level service page, from the
// page guard's isolated world, in real Chromium (headless).

const BAR_BLUE = '#1d3557';
const HOME = '::-p-aria([name="Startseite / Home"][role="button"])';
const END = '::-p-aria([name="Beenden / End"][role="button"])';

let service: TestSite;
let kiosk: TestSite;
let browser: ChromiumKioskBrowser;
const taps: KioskBrowserEvents['kiosk-bar'][] = [];

const page = () => browser.devtoolsPage();

beforeAll(async () => {
  kiosk = await serveSite({ '/': html('<h1>kiosk page</h1>') });
  service = await serveSite({
    '/plain': html(
      '<h1 id=title style="margin:0;font:40px sans-serif">Führungszeugnis online</h1>' +
        '<p style="font:24px sans-serif">Ein Dienst eines Dritten, mit eigener Gestaltung.</p>',
    ),
    // Hides everything it can reach, then removes the bar and the root's inline style.
    '/hostile': html(
      `<style>
        * { display: none !important; visibility: hidden !important; opacity: 0 !important; }
        html { transform: translateY(-500px) !important; margin: 0 !important; }
        html > :last-child { display: none !important; }
      </style>
      <script>
        addEventListener('load', () => {
          const bar = document.documentElement.lastElementChild;
          bar.remove();
          document.documentElement.removeAttribute('style');
          document.title = 'removed ' + bar.tagName.toLowerCase();
        });
      </script>`,
    ),
  });
  browser = new ChromiumKioskBrowser({
    rules: {
      kioskOrigins: [kiosk.origin],
      services: [
        {
          id: 'svc',
          startUrl: service.url('/plain'),
          origins: [service.origin],
          allowDownloads: false,
          allowPrint: false,
        },
      ],
    },
    prepareNext: false,
    display: 'headless',
  });
  browser.on('kiosk-bar', (tap) => taps.push(tap));
  await browser.start(service.url('/plain'));
});

afterAll(async () => {
  const pid = browser?.status().pid;
  await browser?.stop();
  await Promise.all([service?.close(), kiosk?.close()]);
  expect(await survivors(pid ? [pid] : [])).toEqual([]);
  expect(ownBrowserDirs()).toEqual([]);
});

/** What is hit at a point of the viewport, as the page sees it (a closed shadow root retargets). */
function hitAt(x: number, y: number): Promise<string | undefined> {
  return page().evaluate((x, y) => document.elementFromPoint(x, y)?.tagName.toLowerCase(), x, y);
}

async function barButton(selector: string): Promise<ElementHandle> {
  const button = await page().waitForSelector(selector, { timeout: 5000 });
  if (!button) throw new Error(`no ${selector}`);
  return button;
}

describe('kiosk bar on service pages', () => {
  it('is on top of the page, reserves its space, and shows in a 1280×800 screenshot', async () => {
    await browser.navigate(service.url('/plain'));
    expect(await hitAt(640, 30)).toMatch(/^sidbox-bar-/);
    // The page starts below the bar, so the bar covers none of it.
    const top = await page().$eval('#title', (el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(64);
    const home = await barButton(HOME);
    const end = await barButton(END);
    for (const button of [home, end]) {
      const box = await button.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(box?.width).toBeGreaterThanOrEqual(44);
      expect(box?.y).toBeLessThan(64);
    }
    const png = Buffer.from(await page().screenshot({ type: 'png' }));
    await writeFile(join(tmpdir(), 'sidbox-kiosk-bar.png'), png);
    const image = decodePng(png);
    expect({ width: image.width, height: image.height }).toEqual({ width: 1280, height: 800 });
    expect(image.colourAt(4, 4)).toBe(BAR_BLUE);
    // Below the bar: the page's own white.
    expect(image.colourAt(640, 780)).toBe('#ffffff');
  });

  it('stays visible and in place on a page whose CSS and script try to hide or remove it', async () => {
    await browser.navigate(service.url('/hostile'));
    // The page's own load handler removed the bar and reported it in the title.
    await page().waitForFunction(() => document.title.startsWith('removed sidbox-bar-'), {
      timeout: 5000,
    });
    // Re-attached (by the time the page can look, the observer has run), with its space.
    expect(await hitAt(640, 30)).toMatch(/^sidbox-bar-/);
    expect(await page().evaluate(() => getComputedStyle(document.documentElement).marginTop)).toBe(
      '64px',
    );
    await barButton(HOME);
    await barButton(END);
    const image = decodePng(Buffer.from(await page().screenshot({ type: 'png' })));
    expect(image.colourAt(4, 4)).toBe(BAR_BLUE);
    await writeFile(
      join(tmpdir(), 'sidbox-kiosk-bar-hostile.png'),
      Buffer.from(await page().screenshot({ type: 'png' })),
    );
  });

  it('ignores clicks and events a page script makes, and cannot be forged', async () => {
    await browser.navigate(service.url('/plain'));
    taps.length = 0;
    const attempts = await page().evaluate(() => {
      const host = document.documentElement.lastElementChild as HTMLElement;
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      host.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      (document.elementFromPoint(1200, 30) as HTMLElement | null)?.click();
      const binding = (globalThis as Record<string, unknown>).__sidboxGuardReport;
      return {
        shadowRoot: host.shadowRoot,
        binding: typeof binding,
      };
    });
    // The closed root and the isolated world's binding are out of the page's reach.
    expect(attempts).toEqual({ shadowRoot: null, binding: 'undefined' });
    // A real tap after the attempts: it is the first report, so none of the attempts counted.
    const home = nextEvent(browser, 'kiosk-bar');
    await (await barButton(HOME)).click();
    expect(await home).toEqual({ action: 'home' });
    expect(taps).toEqual([{ action: 'home' }]);
  });

  it('reports a real mouse click on End, and is keyboard operable (Tab, Enter)', async () => {
    await browser.navigate(service.url('/plain'));
    taps.length = 0;
    const end = nextEvent(browser, 'kiosk-bar');
    // Real CDP mouse input at the button's place, as a finger on the touch screen.
    const box = await (await barButton(END)).boundingBox();
    if (!box) throw new Error('End has no box');
    await page().mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await end).toEqual({ action: 'end' });

    await browser.navigate(service.url('/plain'));
    const home = nextEvent(browser, 'kiosk-bar');
    // The page has nothing focusable: the first Tab reaches Home.
    await page().keyboard.press('Tab');
    await page().keyboard.press('Enter');
    expect(await home).toEqual({ action: 'home' });
    expect(taps).toEqual([{ action: 'end' }, { action: 'home' }]);
  });

  it('is not drawn on kiosk pages, which render their own bar', async () => {
    await browser.navigate(kiosk.url('/'));
    const last = await page().evaluate(() => document.documentElement.lastElementChild?.tagName);
    expect(last).toBe('BODY');
    expect(await page().evaluate(() => document.documentElement.getAttribute('style'))).toBeNull();
  });
});
