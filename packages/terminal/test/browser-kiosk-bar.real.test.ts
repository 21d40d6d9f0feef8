import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import type { KioskBarTexts } from '../src/browser/kiosk-bar-script.js';
import type { KioskBrowserEvents } from '../src/browser/kiosk-browser.js';
import { barTextsOf } from './helpers/browser/catalogue-texts.js';
import { nextEvent } from './helpers/browser/events.js';
import { decodePng } from './helpers/browser/png.js';
import { oneServiceRules } from './helpers/browser/rules.js';
import { ownBrowserDirs, survivors } from './helpers/processes.js';
import { html, serveSite, type TestSite } from './helpers/sites.js';

// The kiosk bar the browser injects into every top-level service page, from the page guard's
// isolated world, in real Chromium (headless): its buttons, panels, languages and text sizes,
// and Back over real pages.

const BAR_BLUE = '#1d3557';
const ARABIC: KioskBarTexts = {
  label: 'أدوات التحكم في الجهاز',
  home: 'الرئيسية',
  back: 'رجوع',
  language: 'اللغة',
  help: 'مساعدة',
  helpText: 'زر «رجوع» يعيدك إلى الصفحة السابقة، وزر «الرئيسية» إلى القائمة.',
  textSize: 'حجم الخط',
  print: 'طباعة',
  end: 'إنهاء الجلسة',
  languageName: 'العربية',
  close: 'إغلاق',
};
const de = barTextsOf('de');
const en = barTextsOf('en');
const aria = (name: string, role = 'button') => `::-p-aria([name="${name}"][role="${role}"])`;
const HOME = aria(de.home);
/** The text size button's name, with the percentage as the bar formats it in that language. */
const size = (scale: number, texts = de, language = 'de') =>
  aria(`${texts.textSize} ${new Intl.NumberFormat(language, { style: 'percent' }).format(scale)}`);
const END = aria(de.end);

let service: TestSite;
let kiosk: TestSite;
let browser: ChromiumKioskBrowser;
const pids = new Set<number>();
const taps: KioskBrowserEvents['kiosk-bar'][] = [];

const page = () => browser.devtoolsPage();

beforeAll(async () => {
  kiosk = await serveSite({ '/': html('<h1>kiosk page</h1>') });
  const plain =
    '<h1 id=title style="margin:0;font:40px sans-serif">Führungszeugnis online</h1>' +
    '<p style="font:24px sans-serif">Ein Dienst eines Dritten, mit eigener Gestaltung.</p>';
  service = await serveSite({
    '/plain': html(plain),
    '/a': html('<h1>a</h1>'),
    // As strict as the eID-Server's own pages: no inline style of anyone's applies.
    '/strict-csp': html(plain, {
      'Content-Security-Policy': "default-src 'none'; style-src 'self'; script-src 'none'",
    }),
    '/b': html('<h1>b</h1>'),
    '/c': html('<h1>c</h1>'),
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
    rules: oneServiceRules(service.url('/plain'), {
      kioskOrigins: [kiosk.origin],
      languages: ['de', 'en', 'tr', 'ar'],
    }),
    kioskBar: { texts: { de, en, ar: ARABIC } },
    prepareNext: false,
    display: 'headless',
  });
  browser.on('kiosk-bar', (tap) => taps.push(tap));
  await browser.start(service.url('/plain'));
  trackPid();
});

afterAll(async () => {
  trackPid();
  await browser?.stop();
  await Promise.all([service?.close(), kiosk?.close()]);
  expect(await survivors([...pids])).toEqual([]);
  expect(ownBrowserDirs()).toEqual([]);
});

function trackPid(): void {
  const pid = browser?.status().pid;
  if (pid) pids.add(pid);
}

/** What is hit at a point of the viewport, as the page sees it (a closed shadow root retargets). */
function hitAt(x: number, y: number): Promise<string | undefined> {
  return page().evaluate((x, y) => document.elementFromPoint(x, y)?.tagName.toLowerCase(), x, y);
}

async function barButton(selector: string): Promise<ElementHandle> {
  const button = await page().waitForSelector(selector, { timeout: 5000 });
  if (!button) throw new Error(`no ${selector}`);
  return button;
}

async function boxOf(selector: string) {
  const box = await (await barButton(selector)).boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return box;
}

/** A real tap (CDP mouse input) in the middle of a bar button; `zoom`: the page's text size. */
async function tap(selector: string, zoom = 1): Promise<void> {
  const box = await boxOf(selector);
  // Input comes in screen coordinates; under a zoom the page's CSS pixels are `zoom` times larger.
  await page().mouse.click((box.x + box.width / 2) * zoom, (box.y + box.height / 2) * zoom);
}

/** Whether the bar button has the focus. */
async function focused(selector: string): Promise<boolean> {
  return (await barButton(selector)).evaluate(
    (el) => (el.getRootNode() as ShadowRoot).activeElement === el,
  );
}

/** Whether the bar button has the keyboard focus, drawn (`:focus-visible`). */
async function focusVisible(selector: string): Promise<boolean> {
  return (await barButton(selector)).evaluate((el) => el.matches(':focus-visible'));
}

async function look(language: string, textScale: 1 | 1.5 | 2): Promise<void> {
  await browser.setSessionLook({ language, textScale });
}

async function open(path: string): Promise<void> {
  const arrived = nextEvent(browser, 'navigated', (e) => e.url === service.url(path));
  await browser.navigate(service.url(path));
  await arrived;
}

describe('kiosk bar on service pages', () => {
  it('is on top of the page, reserves its space, and shows in a 1280×800 screenshot', async () => {
    await browser.navigate(service.url('/plain'));
    expect(await hitAt(640, 30)).toMatch(/^sidbox-bar-/);
    // The page starts below the bar, so the bar covers none of it.
    const top = await page().$eval('#title', (el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(64);
    for (const name of [de.home, de.back, de.help, de.end]) {
      const box = await boxOf(aria(name));
      expect(box.height).toBeGreaterThanOrEqual(56);
      expect(box.width).toBeGreaterThanOrEqual(56);
      expect(box.y + box.height).toBeLessThanOrEqual(64);
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
    }
    const png = Buffer.from(await page().screenshot({ type: 'png' }));
    await writeFile(join(tmpdir(), 'sidbox-kiosk-bar.png'), png);
    const image = decodePng(png);
    expect({ width: image.width, height: image.height }).toEqual({ width: 1280, height: 800 });
    expect(image.colourAt(4, 4)).toBe(BAR_BLUE);
    // Below the bar: the page's own white.
    expect(image.colourAt(640, 780)).toBe('#ffffff');
  });

  it('keeps its look on a page whose Content-Security-Policy allows no inline style', async () => {
    await browser.navigate(service.url('/strict-csp'));
    expect(await hitAt(640, 30)).toMatch(/^sidbox-bar-/);
    const box = await boxOf(END);
    expect(box.height).toBeGreaterThanOrEqual(56);
    expect(box.y + box.height).toBeLessThanOrEqual(64);
    const image = decodePng(Buffer.from(await page().screenshot({ type: 'png' })));
    expect(image.colourAt(4, 4)).toBe(BAR_BLUE);
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
    for (const selector of [HOME, aria(de.back), aria(de.help), size(1), END])
      await barButton(selector);
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
      // Every button's place along the bar, as the page sees it: the host, never a button.
      for (let x = 20; x < 1280; x += 40)
        (document.elementFromPoint(x, 30) as HTMLElement | null)?.click();
      const world = globalThis as Record<string, unknown>;
      return {
        shadowRoot: host.shadowRoot,
        binding: typeof world.__sidboxGuardReport,
        bar: typeof world.__sidboxBar,
      };
    });
    // The closed root, the isolated world's binding and its bar are out of the page's reach.
    expect(attempts).toEqual({ shadowRoot: null, binding: 'undefined', bar: 'undefined' });
    // A real tap after the attempts: it is the first report, so none of the attempts counted.
    const back = nextEvent(browser, 'kiosk-bar');
    await tap(aria(de.back));
    expect(await back).toEqual({ action: 'back' });
    expect(taps).toEqual([{ action: 'back' }]);
  });

  it('reports a real mouse click on End, and is keyboard operable (Tab, Enter, visible focus)', async () => {
    await browser.navigate(service.url('/plain'));
    taps.length = 0;
    const end = nextEvent(browser, 'kiosk-bar');
    await tap(END);
    expect(await end).toEqual({ action: 'end' });

    await browser.navigate(service.url('/plain'));
    // The page has nothing focusable: Tab walks the bar in order, each focus drawn.
    const order = [de.home, de.back, `${de.language}: ${de.languageName}`, de.help];
    for (const name of order) {
      await page().keyboard.press('Tab');
      expect(await focusVisible(aria(name))).toBe(true);
    }
    const image = decodePng(Buffer.from(await page().screenshot({ type: 'png' })));
    const help = await boxOf(aria(de.help));
    // The focus ring (4 px, 2 px off the button) is drawn on the bar's blue.
    expect(image.colourAt(help.x + help.width / 2, help.y - 4)).not.toBe(BAR_BLUE);
    await page().keyboard.down('Shift');
    await page().keyboard.press('Tab');
    await page().keyboard.press('Tab');
    await page().keyboard.press('Tab');
    await page().keyboard.up('Shift');
    const home = nextEvent(browser, 'kiosk-bar');
    await page().keyboard.press('Enter');
    expect(await home).toEqual({ action: 'home' });
    expect(taps).toEqual([{ action: 'end' }, { action: 'home' }]);
  });

  it('help opens a panel with the text, closed by Escape or by its button', async () => {
    await browser.navigate(service.url('/plain'));
    expect(await page().$(aria(de.help, 'dialog'))).toBeNull();
    await tap(aria(de.help));
    const dialog = await barButton(aria(de.help, 'dialog'));
    expect(await dialog.evaluate((el) => el.textContent)).toContain(de.helpText);
    // Open, the bar covers the page: a tap on the page reaches the bar, not the page.
    expect(await hitAt(640, 700)).toMatch(/^sidbox-bar-/);
    // Focus moved into the panel (its close button); Escape closes and returns it to Help.
    expect(await focused(aria(`✕ ${de.close}`))).toBe(true);
    await page().keyboard.press('Escape');
    await page().waitForSelector(aria(de.help, 'dialog'), { hidden: true, timeout: 5000 });
    expect(await focused(aria(de.help))).toBe(true);
    expect(await hitAt(640, 700)).toBe('html');

    await tap(aria(de.help));
    await tap(aria(`✕ ${de.close}`));
    await page().waitForSelector(aria(de.help, 'dialog'), { hidden: true, timeout: 5000 });
  });

  it('lists the terminal’s languages by their own names; a choice is reported, not applied', async () => {
    await browser.navigate(service.url('/plain'));
    taps.length = 0;
    await tap(aria(`${de.language}: ${de.languageName}`));
    const list = await barButton(aria(de.language, 'dialog'));
    const names = await list.evaluate((el) =>
      [...el.querySelectorAll('button')].map((b) => [b.lang, b.textContent]),
    );
    expect(names).toEqual([
      ['de', 'Deutsch'],
      ['en', 'English'],
      ['tr', 'Türkçe'],
      ['ar', 'العربية'],
    ]);
    const chosen = nextEvent(browser, 'kiosk-bar');
    await tap(aria('English'));
    expect(await chosen).toEqual({ action: 'language', language: 'en' });
    await page().waitForSelector(aria(de.language, 'dialog'), { hidden: true, timeout: 5000 });
    // The daemon decides: until it sets the look, the bar stays German.
    await barButton(HOME);
  });

  it('follows the session look at once on the current page (no reload) and on later pages', async () => {
    await browser.navigate(service.url('/plain'));
    await page().evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    await look('en', 1);
    await barButton(aria(en.home));
    expect(await page().$(HOME)).toBeNull();
    expect(await page().evaluate(() => (window as unknown as { marker: string }).marker)).toBe(
      'same page',
    );
    await open('/a');
    await barButton(aria(en.end));

    // Arabic: its own texts, right to left (Home at the right end).
    await look('ar', 1);
    const home = await boxOf(aria(ARABIC.home));
    expect(home.x).toBeGreaterThan(1000);
    expect(
      await (await barButton(aria(ARABIC.home))).evaluate((el) => el.closest('nav')?.dir),
    ).toBe('rtl');
    // Turkish has no texts here: German.
    await look('tr', 1);
    await barButton(HOME);
    await look('de', 1);
  });

  it('looks set at the same moment apply in order; the last one wins on later pages', async () => {
    await browser.navigate(service.url('/plain'));
    await Promise.all([look('ar', 1), look('en', 1)]);
    await open('/a');
    await barButton(aria(en.home));
    await look('de', 1);
  });

  it('text size: the button cycles 100/150/200 %; 200 % lays the page out as 200 % zoom, the bar stays whole', async () => {
    await browser.navigate(service.url('/plain'));
    const bigger = nextEvent(browser, 'kiosk-bar');
    await tap(size(1));
    expect(await bigger).toEqual({ action: 'text-size', scale: 1.5 });

    await look('de', 2);
    // The page is laid out in half the width, i.e. as at 200 % browser zoom.
    expect(await page().evaluate(() => innerWidth)).toBe(640);
    const image = decodePng(Buffer.from(await page().screenshot({ type: 'png' })));
    await writeFile(
      join(tmpdir(), 'sidbox-kiosk-bar-200.png'),
      Buffer.from(await page().screenshot({ type: 'png' })),
    );
    // The bar keeps its 64 screen pixels, the page starts below it.
    expect(image.colourAt(4, 60)).toBe(BAR_BLUE);
    expect(image.colourAt(4, 70)).toBe('#ffffff');
    const title = await page().$eval('#title', (el) => el.getBoundingClientRect().top);
    expect(title * 2).toBeGreaterThanOrEqual(64);
    for (const selector of [HOME, aria(de.back), aria(de.help), size(2), END]) {
      const box = await boxOf(selector);
      expect(box.height * 2).toBeGreaterThanOrEqual(56);
      expect((box.x + box.width) * 2).toBeLessThanOrEqual(1280);
    }
    // Usable: a real tap at the button's place on the screen.
    const cycle = nextEvent(browser, 'kiosk-bar');
    await tap(size(2), 2);
    expect(await cycle).toEqual({ action: 'text-size', scale: 1 });

    // Later service pages keep it; kiosk pages scale themselves and are never zoomed.
    await open('/a');
    expect(await page().evaluate(() => innerWidth)).toBe(640);
    await browser.navigate(kiosk.url('/'));
    expect(await page().evaluate(() => innerWidth)).toBe(1280);
    await open('/plain');
    expect(await page().evaluate(() => innerWidth)).toBe(640);
    await look('de', 1);
    expect(await page().evaluate(() => innerWidth)).toBe(1280);
  });

  it('is not drawn on kiosk pages, which render their own bar', async () => {
    await browser.navigate(kiosk.url('/'));
    const last = await page().evaluate(() => document.documentElement.lastElementChild?.tagName);
    expect(last).toBe('BODY');
    expect(await page().evaluate(() => document.documentElement.getAttribute('style'))).toBeNull();
  });
});

describe('back', () => {
  it('goes one service page back, over refused attempts, never to a kiosk page', async () => {
    await browser.navigate(kiosk.url('/'));
    await open('/a');
    await open('/b');
    // A refused attempt leaves no entry to go back to.
    const blocked = nextEvent(browser, 'blocked');
    await page().evaluate(() => (location.href = 'http://127.0.0.1:9/foreign'));
    await blocked;
    // The policy refused it with an error page; the recovery goes back to /b.
    await page().waitForFunction((url) => location.href === url, {}, service.url('/b'));
    await open('/c');

    for (const expected of ['/b', '/a']) {
      const arrived = nextEvent(browser, 'navigated', (e) => e.url === service.url(expected));
      expect(await browser.back()).toBe(true);
      await arrived;
    }
    // Before /a is the kiosk page: nothing to go back to (the daemon shows its service list).
    expect(await browser.back()).toBe(false);
    expect(page().url()).toBe(service.url('/a'));
  });

  it('after a reset: nothing of the last session to go back to, and the default look', async () => {
    await look('en', 2);
    await open('/b');
    await browser.reset(service.url('/c'));
    trackPid();
    expect(await browser.back()).toBe(false);
    await barButton(HOME);
    expect(await page().evaluate(() => innerWidth)).toBe(1280);
  });
});
