import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../src/self-check/texts.js';
import { texts } from '../src/self-check/texts.js';
import { wcagViolations } from '../../kiosk-ui/test/helpers/axe.js';
import type { PageProblems } from '../../kiosk-ui/test/helpers/page-problems.js';
import { startCitizenBrowser } from './helpers/citizen-browser.js';
import { startSelfCheckServer, type SelfCheckServer } from './helpers/self-check-server.js';

// The pages in Debian's Chromium as a citizen sees them: WCAG 2.1 A/AA by axe-core, large
// targets, reflow at 200 % zoom, keyboard use, no console errors. With SIDBOX_SCREENSHOTS=1 it
// also writes docs/screenshots/self-check-*.png.

const screenshotDir =
  process.env['SIDBOX_SCREENSHOTS'] === '1'
    ? join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots')
    : undefined;

let selfCheck: SelfCheckServer;
let browser: Browser;
let page: Page;
let problems: PageProblems;
let activations: string[];

beforeAll(async () => {
  ({
    server: selfCheck,
    browser,
    page,
    problems,
    activations,
  } = await startCitizenBrowser(startSelfCheckServer, { viewportHeight: 1024 }));
});

afterAll(async () => {
  await browser?.close();
  await selfCheck?.close();
});

async function open(path: string): Promise<void> {
  problems.clear();
  const answer = await page.goto(new URL(path, selfCheck.origin).href);
  expect(answer?.status()).toBe(200);
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
  expect(await wcagViolations(page)).toEqual([]);
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
  expect(problems.list).toEqual([]);
}

/** Tabs to the start button and presses Enter: the activation the kiosk would intercept. */
async function startByKeyboard(): Promise<URL> {
  activations.length = 0;
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
    expect(problems.list).toEqual([]);
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
