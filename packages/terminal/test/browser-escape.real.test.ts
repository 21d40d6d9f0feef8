import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import type { BlockReason } from '../src/browser/kiosk-browser.js';
import { dragOntoPage } from './helpers/browser/drag.js';
import { nextEvent } from './helpers/browser/events.js';
import { installHandlerSpies, type HandlerSpies } from './helpers/browser/external-handlers.js';
import { watchPageTargets, type PageTargetWatch } from './helpers/browser/page-targets.js';
import { oneServiceRules } from './helpers/browser/rules.js';
import { html, serveSite, type TestSite } from './helpers/sites.js';

let service: TestSite;
let other: TestSite;
let foreign: TestSite;
let browser: ChromiumKioskBrowser;
let handlers: HandlerSpies;
let pageTargets: PageTargetWatch;

const page = () => browser.devtoolsPage();

beforeAll(async () => {
  // Before Chromium starts: it finds the desktop's URL handlers on its PATH.
  handlers = await installHandlerSpies();
  foreign = await serveSite({ '/': html('<h1>foreign</h1>') });
  other = await serveSite({ '/': html('<h1>another page of the service</h1>') });
  const f = foreign.url('/');
  const o = other.url('/');
  service = await serveSite({
    '/': html(`<h1 id=home>service</h1>
      <a id=link href="${f}">foreign</a>
      <form id=form action="${f}" method=get><input name=q value=1></form>
      <a id=mailto href="mailto:someone@example.org">mail</a>
      <a id=tel href="tel:+49301234">tel</a>
      <a id=file href="file:///etc/passwd">file</a>
      <a id=chrome href="chrome://settings">settings</a>
      <a id=download href="/file.bin">download</a>
      <a id=blank-foreign target=_blank href="${f}">foreign tab</a>
      <a id=blank-allowed target=_blank href="${o}">allowed tab</a>
      <button id=open-foreign onclick="window.open('${f}')">foreign window</button>
      <button id=open-allowed onclick="window.open('${o}')">allowed window</button>
`),
    '/refresh': html(`<meta http-equiv=refresh content="0;url=${f}">refreshing`),
    '/file.bin': (_q, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': 'attachment; filename=x.bin',
      });
      res.end('secret');
    },
  });
  browser = new ChromiumKioskBrowser({
    rules: oneServiceRules(service.url('/'), { origins: [service.origin, other.origin] }),
    prepareNext: false,
  });
  await browser.start(service.url('/'));
  pageTargets = await watchPageTargets(page().browser());
});

afterAll(async () => {
  await pageTargets?.close();
  await browser?.stop();
  await Promise.all([service?.close(), other?.close(), foreign?.close(), handlers?.remove()]);
});

/**
 * Popups are closed asynchronously, and the blocked event can come before the popup even
 * exists: wait (on target events) until the attempt's popup was created and only the view is left.
 */
function untilSinglePage(popupsBefore: number | null): Promise<void> {
  return pageTargets.until(
    () =>
      pageTargets.count() === 1 && (popupsBefore === null || pageTargets.created() > popupsBefore),
  );
}

/** Back on the service's start page with a marker in its sessionStorage. */
async function freshServicePage(): Promise<void> {
  if (page().url() !== service.url('/')) {
    const arrived = nextEvent(browser, 'navigated', (e) => e.url === service.url('/'));
    // A recovery of the previous attempt may still be under way and abort this navigation.
    await browser.navigate(service.url('/')).catch(() => browser.navigate(service.url('/')));
    await arrived;
  }
  await page().evaluate(() => sessionStorage.setItem('marker', 'kept'));
}

async function expectIntact(): Promise<void> {
  expect(page().url()).toBe(service.url('/'));
  expect(await page().evaluate(() => sessionStorage.getItem('marker'))).toBe('kept');
  expect(pageTargets.count()).toBe(1);
}

async function expectBlocked(reason: BlockReason, attempt: () => Promise<unknown>): Promise<void> {
  await freshServicePage();
  const blocked = nextEvent(browser, 'blocked');
  const popupsBefore = reason === 'popup' ? pageTargets.created() : null;
  await attempt();
  expect((await blocked).reason).toBe(reason);
  // The recovery (if any) ends on the service page again.
  await page().waitForFunction((url) => location.href === url, { timeout: 5000 }, service.url('/'));
  await untilSinglePage(popupsBefore);
  await expectIntact();
}

const script = (code: string) => () => page().evaluate(code);

describe(
  'escape suite: each attempt blocked, the session intact, one blocked event',
  { timeout: 10_000 },
  () => {
    it('reports the policy wall is in place', () => {
      expect(browser.status().policyEnforced).toBe(true);
    });

    it.each([
      ['link', () => page().click('#link')],
      ['form', () => page().$eval('#form', (f) => (f as unknown as { submit(): void }).submit())],
    ])('a foreign origin by %s', async (_how, attempt) => {
      await expectBlocked('origin-not-allowed', attempt);
      expect(foreign.requests).toEqual([]);
    });

    it('a foreign origin by location assignment', async () => {
      await expectBlocked(
        'origin-not-allowed',
        script(`location = ${JSON.stringify(foreign.url('/'))}`),
      );
      expect(foreign.requests).toEqual([]);
    });

    it('a foreign iframe: not loaded, reported, the page intact', async () => {
      await expectBlocked('origin-not-allowed', () =>
        page().evaluate((url) => {
          const frame = document.createElement('iframe');
          frame.src = url;
          document.body.append(frame);
        }, foreign.url('/')),
      );
      expect(foreign.requests).toEqual([]);
    });

    it.each([
      ['window.open', '#open-foreign'],
      ['target=_blank', '#blank-foreign'],
    ])('a foreign origin by %s: no second page', async (_how, selector) => {
      await expectBlocked('popup', () => page().click(selector));
      expect(foreign.requests).toEqual([]);
    });

    it('window.open() without a URL: no second page', async () => {
      await expectBlocked('popup', script('window.open()'));
    });

    it.each([
      ['window.open', '#open-allowed'],
      ['target=_blank', '#blank-allowed'],
    ])('an allowed origin by %s opens in the same view', async (_how, selector) => {
      await freshServicePage();
      const arrived = nextEvent(browser, 'navigated', (e) => e.url === other.url('/'));
      const popupsBefore = pageTargets.created();
      await page().click(selector);
      await arrived;
      await untilSinglePage(popupsBefore);
      expect(page().url()).toBe(other.url('/'));
    });

    it.each([
      ['a file', { files: [import.meta.filename] }],
      ['a link', { link: 'https://evil.example/' }],
    ] as const)('drag-and-drop of %s onto the page', async (_what, payload) => {
      await expectBlocked('drag-and-drop', () => dragOntoPage(page(), payload));
    });

    it.each([
      ['mailto:', 'mailto:someone@example.org'],
      ['intent:', 'intent://scan/#Intent;scheme=zxing;package=com.example;end'],
      ['tel:', 'tel:+49301234'],
    ])('%s by script', async (_scheme, url) => {
      await expectBlocked('external-protocol', script(`location.href = ${JSON.stringify(url)}`));
    });

    it('a foreign origin by meta refresh', async () => {
      await freshServicePage();
      const blocked = nextEvent(browser, 'blocked');
      await browser.navigate(service.url('/refresh'));
      expect((await blocked).reason).toBe('origin-not-allowed');
      expect(foreign.requests).toEqual([]);
    });

    it.each([
      ['file: link', 'scheme-not-allowed', () => page().click('#file')],
      ['chrome: link', 'scheme-not-allowed', () => page().click('#chrome')],
      ['mailto: link', 'external-protocol', () => page().click('#mailto')],
      ['tel: link', 'external-protocol', () => page().click('#tel')],
      ['file: by script', 'scheme-not-allowed', script(`location.href = 'file:///etc/passwd'`)],
      [
        'chrome://settings by script',
        'scheme-not-allowed',
        script(`location.href = 'chrome://settings'`),
      ],
      [
        'view-source: by script',
        'scheme-not-allowed',
        script(`location.href = 'view-source:' + location.href`),
      ],
      [
        'devtools: by script',
        'scheme-not-allowed',
        script(`location.href = 'devtools://devtools/bundled/inspector.html'`),
      ],
      [
        'data: top-level by script',
        'scheme-not-allowed',
        script(`location.href = 'data:text/html,<h1>x</h1>'`),
      ],
    ] as const)('%s', async (_name, reason, attempt) => {
      await expectBlocked(reason, attempt);
    });

    it('a download the service does not allow', async () => {
      await expectBlocked('download', () => page().click('#download'));
    });

    it('the context menu', async () => {
      await expectBlocked('context-menu', () => page().click('#home', { button: 'right' }));
    });

    const shortcuts: Array<[string, string[]]> = [
      ...['KeyN', 'KeyT', 'KeyW', 'KeyL', 'KeyO', 'KeyS', 'KeyU', 'KeyP'].map(
        (k): [string, string[]] => [`Ctrl+${k}`, ['Control', k]],
      ),
      ...['KeyI', 'KeyJ', 'KeyC'].map((k): [string, string[]] => [
        `Ctrl+Shift+${k}`,
        ['Control', 'Shift', k],
      ]),
      ['F11', ['F11']],
      ['F12', ['F12']],
      ['Alt+F4', ['Alt', 'F4']],
      ['Alt+Left', ['Alt', 'ArrowLeft']],
      ['Alt+Right', ['Alt', 'ArrowRight']],
      ['Ctrl+Minus below the allowed zoom', ['Control', 'Minus']],
    ];
    it.each(shortcuts)('the shortcut %s (real CDP key events)', async (_name, keys) => {
      await expectBlocked('shortcut', async () => {
        for (const key of keys) await page().keyboard.down(key as never);
        for (const key of [...keys].reverse()) await page().keyboard.up(key as never);
      });
    });

    // Last: every external-protocol attempt above had the whole suite's time to launch a handler.
    it('launched no desktop URL handler for any of it', async () => {
      expect(await handlers.launched()).toEqual([]);
    });
  },
);
