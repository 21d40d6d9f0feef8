import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../src/self-check/texts.js';
import { texts } from '../src/self-check/texts.js';
import { launchTestChromium } from '../../kiosk-ui/test/helpers/chromium.js';
import { startSelfCheckServer, type SelfCheckServer } from './helpers/self-check-server.js';

// The pages in Debian's Chromium as a citizen sees them: WCAG 2.1 A/AA by axe-core, large
// targets, reflow at 200 % zoom, keyboard use, no console errors. With SIDBOX_SCREENSHOTS=1 it
// also writes docs/screenshots/self-check-*.png.

/** axe-core as the kiosk UI's accessibility tests use it (a devDependency of kiosk-ui). */
const axeSource = readFileSync(
  createRequire(new URL('../../kiosk-ui/package.json', import.meta.url)).resolve(
    'axe-core/axe.min.js',
  ),
  'utf8',
);
const screenshotDir =
  process.env['SIDBOX_SCREENSHOTS'] === '1'
    ? join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots')
    : undefined;
const EID_CLIENT = 'http://127.0.0.1:24727/';

let selfCheck: SelfCheckServer;
let browser: Browser;
let page: Page;
/** Console errors, page errors and failed loads of the current page. */
let problems: string[] = [];
/** The eID-Client activations the page asked for (answered 204, as if a client took it). */
let activations: string[] = [];

beforeAll(async () => {
  // The test server's certificate is self-signed and made with it, so Chromium (started at the
  // same time, to keep this file fast) accepts certificate errors; it talks to nothing else.
  const started = await Promise.allSettled([
    startSelfCheckServer().then((server) => (selfCheck = server)),
    launchTestChromium({ acceptInsecureCerts: true }).then((launched) => (browser = launched)),
  ]);
  for (const result of started) if (result.status === 'rejected') throw result.reason;
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1024 });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${String(error)}`));
  page.on('requestfailed', (request) => {
    // A navigation answered 204 (the activation) ends as aborted; nothing else may fail.
    if (!request.url().startsWith(EID_CLIENT)) problems.push(`failed: ${request.url()}`);
  });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (!request.url().startsWith(EID_CLIENT)) return void request.continue();
    activations.push(request.url());
    void request.respond({ status: 204 });
  });
});

afterAll(async () => {
  await browser?.close();
  await selfCheck?.close();
});

async function open(path: string): Promise<void> {
  problems = [];
  const answer = await page.goto(new URL(path, selfCheck.origin).href);
  expect(answer?.status()).toBe(200);
}

async function wcagViolations(): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run: (
          context: Document,
          options: object,
        ) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
      };
    };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map(
      ({ id, nodes }) => `${id}: ${nodes.map((n) => n.target.join(' '))}`,
    );
  });
}

/** Whether the page needs horizontal scrolling at this CSS width (1280 px at 200 % = 640). */
async function scrollsSideways(width: number): Promise<boolean> {
  await page.setViewport({ width, height: 800 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
  await page.setViewport({ width: 1280, height: 1024 });
  return overflow;
}

async function checkPage(name: string, language: Language): Promise<void> {
  expect(await page.$eval('html', (el) => [el.lang, el.dir])).toEqual([
    language,
    language === 'ar' ? 'rtl' : 'ltr',
  ]);
  expect(await wcagViolations()).toEqual([]);
  expect(await scrollsSideways(640)).toBe(false);
  expect(await scrollsSideways(320)).toBe(false);
  const button = await page.$eval('.button', (el) => {
    const box = el.getBoundingClientRect();
    return { width: box.width, height: box.height, font: getComputedStyle(el).fontSize };
  });
  expect(button.height).toBeGreaterThanOrEqual(56);
  expect(button.width).toBeGreaterThanOrEqual(44);
  expect(parseFloat(button.font)).toBeGreaterThanOrEqual(20);
  if (screenshotDir !== undefined) {
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({
      path: join(screenshotDir, `self-check-${name}-${language}.png`) as `${string}.png`,
    });
  }
  expect(problems).toEqual([]);
}

/** Tabs to the start button and presses Enter: the activation the kiosk would intercept. */
async function startByKeyboard(): Promise<URL> {
  activations = [];
  const label = await page.$eval('.button', (el) => el.textContent?.trim());
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === label) break;
  }
  const outline = await page.evaluate(
    () => getComputedStyle(document.activeElement ?? document.body).outlineStyle,
  );
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect.poll(() => activations.length).toBe(1);
  return new URL(activations[0] ?? '');
}

describe.each<Language>(['de', 'en', 'ar'])('in %s', (language) => {
  it('the start page starts a check from the keyboard', async () => {
    await open(`/self-check?lang=${language}`);
    expect(await page.$eval('h1', (el) => el.textContent)).toBe(texts.startTitle[language]);
    await checkPage('start', language);
    const activation = await startByKeyboard();
    expect(activation.pathname).toBe('/eID-Client');
    const tcToken = await selfCheck.get(activation.searchParams.get('tcTokenURL') ?? '');
    expect(tcToken.body).toContain('<RefreshAddress>');
    expect(problems).toEqual([]);
  });

  it('the result page shows the card’s data', async () => {
    const check = await selfCheck.startCheck(language);
    selfCheck.runCard(check);
    await open(`${check.refreshAddress.pathname}${check.refreshAddress.search}&ResultMajor=ok`);
    expect(await page.$eval('h1', (el) => el.textContent?.trim())).toBe(
      texts.successTitle[language],
    );
    const values = await page.$$eval('dd', (items) => items.map((item) => item.innerText));
    expect(values.slice(0, 2)).toEqual(['ERIKA', 'MUSTERMANN']);
    await checkPage('result', language);
  });
});
