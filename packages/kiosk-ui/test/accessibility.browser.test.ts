import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskView, type EidStep } from '@sidbox/protocol';

/**
 * The built kiosk UI in real Chromium, served with a stub of the daemon's view stream (the
 * same SSE `view` events and action endpoint as the terminal's KioskUiServer), checked by
 * axe-core against WCAG 2.1 A/AA on every screen in German, English and Arabic.
 */
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const wcag21 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const entry = { workflow: 'auth', training: false } as const;
const pinEntry = { keypad: false, lastAttemptWrong: false } as const;
const base: KioskView = KioskView.parse({
  state: 'active',
  services: [
    {
      id: 'wohnsitz',
      title: { de: 'Wohnsitz ummelden', en: 'Register a new address' },
      description: { de: 'Umzug innerhalb Deutschlands', en: 'Moving within Germany' },
      category: 'residence',
      eid: true,
    },
    {
      id: 'termin',
      title: { de: 'Termin buchen' },
      description: { de: 'Einen Termin im Bürgeramt vereinbaren' },
      category: 'eid',
      eid: false,
    },
  ],
  languages: ['de', 'en', 'tr', 'ar', 'uk', 'ru'],
  branding: { memberName: 'Bundesstadt Bonn', colours: { primary: '#004b87', accent: '#f5a800' } },
  training: false,
  warningDeadline: null,
  eid: null,
  cardReminder: false,
});

const eid = (step: EidStep): KioskView => ({ ...base, eid: step });

/** Each screen: the view the daemon sends, the page address, and what shows it is rendered. */
const screens: Record<string, { view: () => KioskView; path: string; ready: string }> = {
  attract: { view: () => ({ ...base, state: 'idle' }), path: '/', ready: 'button.attract' },
  services: { view: () => base, path: '/', ready: '.tiles' },
  consent: {
    view: () =>
      eid({
        ...entry,
        step: 'access-rights',
        provider: {
          subjectName: 'Bundesstadt Bonn – Bürgeramt',
          subjectUrl: 'https://www.bonn.de',
          issuerName: 'D-Trust',
          issuerUrl: 'https://www.d-trust.net',
          purpose: 'Ummeldung',
          termsOfUsage: '',
          validFrom: '2025-01-01',
          validUntil: '2026-01-01',
        },
        required: ['FamilyName', 'GivenNames'],
        optional: ['Address'],
        effective: ['FamilyName', 'GivenNames', 'Address'],
      }),
    path: '/',
    ready: '.panel ul',
  },
  'insert-card': {
    view: () =>
      eid({
        ...entry,
        training: true,
        step: 'insert-card',
        readers: [
          {
            name: 'Training reader',
            attached: true,
            keypad: false,
            insertable: true,
            card: null,
            training: true,
          },
        ],
      }),
    path: '/',
    ready: '.panel',
  },
  pin: {
    view: () =>
      eid({
        ...entry,
        ...pinEntry,
        step: 'enter-pin',
        retryCounter: 2,
        minDigits: 6,
        maxDigits: 6,
        lastAttemptWrong: true,
      }),
    path: '/',
    ready: '.pad',
  },
  can: { view: () => eid({ ...entry, ...pinEntry, step: 'enter-can' }), path: '/', ready: '.pad' },
  puk: { view: () => eid({ ...entry, ...pinEntry, step: 'enter-puk' }), path: '/', ready: '.pad' },
  'new-pin': {
    view: () => eid({ ...entry, workflow: 'change-pin', step: 'enter-new-pin', keypad: false }),
    path: '/',
    ready: '.pad',
  },
  working: {
    view: () => eid({ ...entry, step: 'working', progress: null }),
    path: '/',
    ready: '[role=status]',
  },
  'idle-warning': {
    view: () => ({ ...base, state: 'warning', warningDeadline: Date.now() + 60_000 }),
    path: '/',
    ready: '[role=alertdialog]',
  },
  outcome: { view: () => base, path: '/outcome?code=pin-blocked', ready: '[role=status]' },
  survey: { view: () => base, path: '/survey', ready: 'fieldset' },
  blocked: { view: () => base, path: '/blocked', ready: '.panel' },
  error: { view: () => base, path: '/error', ready: '.panel' },
  'card-reminder': {
    view: () => ({ ...base, state: 'idle', cardReminder: true }),
    path: '/',
    ready: '[role=alertdialog]',
  },
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The daemon's side of the kiosk UI, reduced to serving files and one current view. */
function stubDaemon(root: string, current: () => KioskView): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/api/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      response.write(`event: view\ndata: ${JSON.stringify(current())}\n\n`);
      return;
    }
    if (path === '/api/action') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, data: null }));
      return;
    }
    const file = normalize(join(root, extname(path) ? path : '/index.html'));
    if (!file.startsWith(root + sep)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': "default-src 'self'; img-src 'self' data: https:",
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

describe('kiosk UI accessibility in Chromium (axe-core, WCAG 2.1 A/AA)', () => {
  let outDir: string;
  let server: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;
  let view: KioskView = base;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'sidbox-kiosk-ui-'));
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir], {
      cwd: packageDir,
      stdio: 'ignore',
    });
    server = stubDaemon(outDir, () => view);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await puppeteer.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // A cached page would keep its view stream open and use up the connections per host.
        '--disable-features=BackForwardCache',
      ],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 1024 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(outDir, { recursive: true, force: true });
  });

  /** Opens a screen in a language: the language is chosen by its button, as a citizen would. */
  async function open(name: string, language: string): Promise<void> {
    const screen = screens[name];
    if (!screen) throw new Error(`no screen ${name}`);
    view = screen.view();
    // A fresh document each time: the same address with a new fragment would not reload.
    await page.goto('about:blank');
    await page.goto(`${origin}${screen.path}#k=test-token`);
    await page.waitForSelector(screen.ready);
    const current = await page.evaluate(() => document.documentElement.lang);
    if (current !== language) {
      await page.click(`button.lang[lang=${language}]`);
      await page.waitForFunction(
        (wanted) => document.documentElement.lang === wanted,
        {},
        language,
      );
    }
  }

  async function axe(): Promise<Violation[]> {
    await page.evaluate(axeSource);
    return page.evaluate(async (tags) => {
      const result = await (
        window as unknown as {
          axe: {
            run: (context: Document, options: object) => Promise<{ violations: Violation[] }>;
          };
        }
      ).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        nodes: nodes.map(({ target }) => ({ target })),
      }));
    }, wcag21);
  }

  const cases = ['de', 'en', 'ar'].flatMap((language) =>
    Object.keys(screens).map((name) => [language, name] as const),
  );

  it.each(cases)('%s · %s: no violations', async (language, name) => {
    await open(name, language);
    expect(await axe()).toEqual([]);
  });

  it('mirrors the layout in Arabic and keeps the digit pad left to right', async () => {
    const box = async (selector: string) => {
      const handle = await page.$(selector);
      const rect = await handle?.boundingBox();
      if (!rect) throw new Error(`${selector} not on screen`);
      return rect;
    };
    await open('pin', 'de');
    expect((await box('.buttons button:last-child')).x).toBeGreaterThan(
      (await box('.buttons button.secondary')).x,
    );
    expect((await box('.languages')).x).toBeGreaterThan((await box('.member')).x);

    await open('pin', 'ar');
    const direction = await page.evaluate(() => ({
      dir: document.documentElement.dir,
      computed: getComputedStyle(document.body).direction,
    }));
    expect(direction).toEqual({ dir: 'rtl', computed: 'rtl' });
    // Languages at the start of the header (left), member name at its right.
    expect((await box('.languages')).x).toBeLessThan((await box('.member')).x);
    // The primary action (OK) sits left of Cancel, at the end of the reading direction.
    expect((await box('.buttons button:last-child')).x).toBeLessThan(
      (await box('.buttons button.secondary')).x,
    );
    // The digit pad keeps the telephone layout: 1 left of 3.
    const [one, three] = await page.$$eval('.pad button', (buttons) =>
      [buttons[0], buttons[2]].map((b) => b?.getBoundingClientRect().x ?? 0),
    );
    expect(one).toBeLessThan(three ?? 0);
    const shot = join(process.env['SIDBOX_SCREENSHOT_DIR'] ?? outDir, 'kiosk-pin-ar.png');
    await page.screenshot({ path: shot as `${string}.png` });
    await open('services', 'ar');
    await page.screenshot({
      path: join(
        process.env['SIDBOX_SCREENSHOT_DIR'] ?? outDir,
        'kiosk-services-ar.png',
      ) as `${string}.png`,
    });
    // The service tile's accent border is on the right (the start side in Arabic).
    const border = await page.$eval('.tiles .tile', (tile) => {
      const style = getComputedStyle(tile);
      return { right: style.borderRightWidth, left: style.borderLeftWidth };
    });
    expect(parseFloat(border.right)).toBeGreaterThan(parseFloat(border.left));
  });
});
