import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import type { KioskBrowserEvents, ScanPanelView } from '../src/browser/kiosk-browser.js';
import { barTextsOf, catalogueBarTexts } from './helpers/browser/catalogue-texts.js';
import { nextEvent } from './helpers/browser/events.js';
import { oneServiceRules } from './helpers/browser/rules.js';
import { html, serveSite, type TestSite } from './helpers/sites.js';

// The scan panel the kiosk bar draws over a service page, in real Chromium (headless): a modal
// dialog in the bar's closed shadow root, previews on canvases, taps reported as trusted
// `scan` reports, and file fields reported with their `accept`. The daemon's side (what the panel says when) is in daemon-citizen-ui.real.test.ts.

const RED = [193, 18, 31];
const aria = (name: string, role = 'button') => `::-p-aria([name="${name}"][role="${role}"])`;
const de = barTextsOf('de');

let service: TestSite;
let kiosk: TestSite;
let browser: ChromiumKioskBrowser;

const page = () => browser.devtoolsPage();

beforeAll(async () => {
  kiosk = await serveSite({ '/': html('<h1>kiosk page</h1>') });
  service = await serveSite({
    // A service whose policy allows no image at all, from anywhere.
    '/form': html(
      '<h1>Antrag</h1><input type=file id=file>' +
        '<input type=file id=photos accept="image/jpeg, .jpg" multiple>' +
        '<div style="width:60px;height:80px;background:rgb(193,18,31)"></div>',
      { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" },
    ),
  });
  browser = new ChromiumKioskBrowser({
    rules: oneServiceRules(service.url('/form'), { kioskOrigins: [kiosk.origin] }),
    kioskBar: { texts: catalogueBarTexts },
    prepareNext: false,
    display: 'headless',
  });
  await browser.start(service.url('/form'));
});

afterAll(async () => {
  await browser?.stop();
  await Promise.all([service?.close(), kiosk?.close()]);
});

async function element(selector: string): Promise<ElementHandle> {
  const found = await page().waitForSelector(selector, { timeout: 5000 });
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

async function tap(selector: string): Promise<void> {
  const box = await (await element(selector)).boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  await page().mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

const nextScanTap = () =>
  nextEvent(browser, 'kiosk-bar', (report) => report.action === 'scan') as Promise<
    KioskBrowserEvents['kiosk-bar']
  >;

/** What is hit at a point of the viewport, as the page sees it (a closed shadow root retargets). */
function hitAt(x: number, y: number): Promise<string | undefined> {
  return page().evaluate((x, y) => document.elementFromPoint(x, y)?.tagName.toLowerCase(), x, y);
}

function panel(previewPng: string, overrides: Partial<ScanPanelView> = {}): ScanPanelView {
  return {
    title: 'Dokument scannen',
    status: 'Prüfen Sie die Vorschau.',
    busy: false,
    pagesHeading: 'Gescannte Seiten: 1',
    pages: [{ label: 'Seite 1', previewPng, remove: 'Entfernen: Seite 1' }],
    buttons: [
      { command: 'scan', label: 'Weitere Seite scannen', primary: false },
      { command: 'done', label: 'Fertig – Dokument übernehmen', primary: true },
      { command: 'cancel', label: 'Abbrechen', primary: false },
    ],
    note: 'Die Scans werden am Ende Ihrer Sitzung gelöscht.',
    ...overrides,
  };
}

describe('file fields', () => {
  it('a click on a file field is reported with what it accepts, and no dialog opens', async () => {
    const single = nextEvent(browser, 'file-chooser');
    await page().click('#file');
    expect(await single).toEqual({
      backendNodeId: expect.any(Number),
      multiple: false,
      accept: '',
    });
    const photos = nextEvent(browser, 'file-chooser');
    await page().click('#photos');
    expect(await photos).toEqual({
      backendNodeId: expect.any(Number),
      multiple: true,
      accept: 'image/jpeg, .jpg',
    });
  });
});

describe('scan panel in the kiosk bar', () => {
  it('a modal dialog over the page; the preview is drawn although the page allows no images', async () => {
    // A real PNG: Chromium's own picture of the page's red box.
    const png = await page().screenshot({
      type: 'png',
      encoding: 'base64',
      clip: await (await element('div')).boundingBox().then((box) => {
        if (!box) throw new Error('no box');
        return box;
      }),
    });
    expect(await browser.showScanPanel(panel(png))).toBe(true);
    const dialog = await element(aria('Dokument scannen', 'dialog'));
    expect(await dialog.evaluate((el) => el.textContent)).toContain('Prüfen Sie die Vorschau.');
    // The citizen's next step has the focus; the page below cannot be tapped.
    const done = await element(aria('Fertig – Dokument übernehmen'));
    expect(await done.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(
      true,
    );
    expect(await hitAt(640, 700)).toMatch(/^sidbox-bar-/);

    // Chromium's accessibility tree calls role=img "image".
    const preview = await element(aria('Seite 1', 'image'));
    await page().waitForFunction(
      (canvas) => (canvas as HTMLCanvasElement).width === 60,
      {},
      preview,
    );
    const pixel = await preview.evaluate((canvas) => {
      const context = (canvas as HTMLCanvasElement).getContext('2d');
      return context ? [...context.getImageData(30, 40, 1, 1).data] : [];
    });
    expect(pixel.slice(0, 3)).toEqual(RED);

    // Large targets, for fingers.
    for (const name of ['Weitere Seite scannen', 'Fertig – Dokument übernehmen', 'Abbrechen']) {
      const box = await (await element(aria(name))).boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(box?.width).toBeGreaterThanOrEqual(44);
    }
  });

  it('reports taps on its buttons, a page’s remove button and Escape as cancel', async () => {
    const done = nextScanTap();
    await tap(aria('Fertig – Dokument übernehmen'));
    expect(await done).toEqual({ action: 'scan', scan: { command: 'done' } });
    const remove = nextScanTap();
    await tap(aria('Entfernen: Seite 1'));
    expect(await remove).toEqual({ action: 'scan', scan: { command: 'remove', page: 0 } });
    const cancel = nextScanTap();
    await page().keyboard.press('Escape');
    expect(await cancel).toEqual({ action: 'scan', scan: { command: 'cancel' } });
    // A page script cannot press them: it cannot even find them.
    expect(await page().evaluate(() => document.querySelectorAll('button').length)).toBe(0);
  });

  it('keeps the keyboard in the bar and the panel: Tab never reaches the page below', async () => {
    const inPage = () => page().evaluate(() => document.activeElement?.tagName.toLowerCase());
    const watched = [de.home, 'Abbrechen'];
    const handles = await Promise.all(watched.map((name) => element(aria(name))));
    const focusedOne = async () => {
      for (const [index, handle] of handles.entries()) {
        const has = await handle.evaluate(
          (el) => (el.getRootNode() as ShadowRoot).activeElement === el,
        );
        if (has) return watched[index];
      }
      return undefined;
    };
    for (const shift of [false, true]) {
      const seen = new Set<string | undefined>();
      if (shift) await page().keyboard.down('Shift');
      for (let i = 0; i < 12; i++) {
        await page().keyboard.press('Tab');
        expect(await inPage()).toMatch(/^sidbox-bar-/);
        seen.add(await focusedOne());
      }
      if (shift) await page().keyboard.up('Shift');
      // All the way round, both ways: the bar's first button and the panel's last both came by.
      expect(seen).toEqual(new Set([...watched, undefined]));
    }
  });

  it('shows progress as busy; the language list opens over it and gives it back', async () => {
    await browser.showScanPanel(
      panel('', {
        status: 'Die Seite wird gescannt …',
        busy: true,
        pages: [],
        pagesHeading: '',
        buttons: [{ command: 'cancel', label: 'Abbrechen', primary: false }],
      }),
    );
    const dialog = await element(aria('Dokument scannen', 'dialog'));
    expect(await dialog.evaluate((el) => el.getAttribute('aria-busy'))).toBe('true');
    const status = await element('::-p-aria([role="status"])');
    expect(await status.evaluate((el) => el.textContent)).toBe('Die Seite wird gescannt …');

    await tap(aria(`${de.language}: ${de.languageName}`));
    await element(aria(de.language, 'dialog'));
    expect(await page().$(aria('Dokument scannen', 'dialog'))).toBeNull();
    await page().keyboard.press('Escape');
    await element(aria('Dokument scannen', 'dialog'));
  });

  it('closes with null; a kiosk page has no bar to show it on', async () => {
    expect(await browser.showScanPanel(null)).toBe(true);
    await page().waitForSelector(aria('Dokument scannen', 'dialog'), {
      hidden: true,
      timeout: 5000,
    });
    expect(await hitAt(640, 700)).toBe('html');

    const arrived = nextEvent(browser, 'navigated', (e) => e.url === kiosk.url('/'));
    await browser.navigate(kiosk.url('/'));
    await arrived;
    expect(await browser.showScanPanel(panel(''))).toBe(false);
  });
});
