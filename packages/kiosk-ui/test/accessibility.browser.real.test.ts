import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, catalogueLanguages } from '../src/i18n/catalogue.js';
import { isDaemonKey } from '../src/i18n/kiosk-texts.js';
import { box as boxOf, openKioskPage, openScreen, type KioskPage } from './helpers/kiosk-page.js';
import type { StubDaemon } from './helpers/stub-daemon.js';
import { screenNames, type ScreenName } from './helpers/views.js';

/**
 * The built kiosk UI in real Chromium, served by the stub daemon: axe-core against WCAG 2.1
 * A/AA on every screen and layer in German and Arabic; right-to-left geometry;
 * reflow at 200 % text; and the texts file the daemon reads.
 */
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const wcag21 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

let kiosk: KioskPage;
let stub: StubDaemon;
let page: Page;

beforeAll(async () => {
  kiosk = await openKioskPage();
  ({ stub, page } = kiosk);
}, 60_000);

afterAll(() => kiosk?.close());

async function axe(): Promise<Violation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const result = await (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> };
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

/** Layers opened from the bar, on top of a screen. */
const layers: Record<string, { screen: ScreenName; open: string; ready: string }> = {
  help: { screen: 'consent', open: '.kiosk-bar button:nth-child(3)', ready: '#help-text' },
  language: {
    screen: 'home',
    open: '.kiosk-bar button:nth-child(2)',
    ready: '.overlay .languages',
  },
};

describe('kiosk UI accessibility in Chromium (axe-core, WCAG 2.1 A/AA)', () => {
  // German (the source, the longest words) and Arabic (right to left): the other four languages
  // share German's layout and markup; that their texts are complete is checked without a browser.
  const languages = ['de', 'ar'];

  it.each(languages.flatMap((language) => screenNames.map((name) => [language, name] as const)))(
    '%s · %s: no violations',
    async (language, name) => {
      await openScreen(page, stub, name, language);
      expect(await axe()).toEqual([]);
    },
  );

  it.each(
    languages.flatMap((language) => Object.keys(layers).map((name) => [language, name] as const)),
  )('%s · %s dialog: no violations, focus inside', async (language, name) => {
    const layer = layers[name];
    if (!layer) throw new Error(name);
    await openScreen(page, stub, layer.screen, language);
    await page.click(layer.open);
    await page.waitForSelector(layer.ready);
    expect(await page.evaluate(() => document.activeElement?.closest('.overlay') !== null)).toBe(
      true,
    );
    expect(await axe()).toEqual([]);
  });
});

describe('kiosk UI layout', () => {
  it('mirrors the layout in Arabic: Home at the right edge, text right-aligned, pad left to right', async () => {
    await openScreen(page, stub, 'pin', 'de');
    const barDe = await box('.kiosk-bar');
    const homeDe = await box('.kiosk-bar button:first-child');
    expect(homeDe.x - barDe.x).toBeLessThan(40);

    await openScreen(page, stub, 'pin', 'ar');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    const bar = await box('.kiosk-bar');
    const home = await box('.kiosk-bar button:first-child');
    const end = await box('.kiosk-bar button.end');
    // Home starts the bar at its right edge; End sits at the other (left) end.
    expect(bar.x + bar.width - (home.x + home.width)).toBeLessThan(40);
    expect(end.x).toBeLessThan(home.x);
    // The heading's text hugs the right edge of its panel.
    const [textRight = 0, panelRight = NaN] = await page.$eval('.panel h1', (h1) => {
      const range = document.createRange();
      range.selectNodeContents(h1);
      const panel = h1.closest('.panel')?.getBoundingClientRect();
      return [
        range.getBoundingClientRect().right,
        (panel?.right ?? 0) -
          parseFloat(getComputedStyle(h1.closest('.panel') as Element).paddingRight),
      ];
    });
    expect(Math.abs(textRight - panelRight)).toBeLessThan(2);
    // The digit pad keeps the telephone layout: 1 left of 3, OK at the bottom right.
    const [one, three] = await page.$$eval('.pad button', (buttons) =>
      [buttons[0], buttons[2]].map((b) => b?.getBoundingClientRect().x ?? 0),
    );
    expect(one).toBeLessThan(three ?? 0);
    expect((await box('.pad .ok')).x).toBeGreaterThan(one ?? 0);
    // The title column starts at the right, the pad column is left of it.
    expect((await box('.entry-pad')).x).toBeLessThan((await box('.entry-info')).x);

    // The primary action sits left of Cancel, at the end of the reading direction; in
    // German it is right of it.
    for (const [language, primaryFirst] of [
      ['de', false],
      ['ar', true],
    ] as const) {
      await openScreen(page, stub, 'consent', language);
      const primary = await box('.buttons button.primary');
      const cancel = await box('.buttons button.secondary');
      expect(primary.x < cancel.x, language).toBe(primaryFirst);
    }

    // The service tile's accent border is on the right (the start side in Arabic).
    await openScreen(page, stub, 'home', 'ar');
    const border = await page.$eval('.tiles .tile', (tile) => {
      const style = getComputedStyle(tile);
      return { right: style.borderRightWidth, left: style.borderLeftWidth };
    });
    expect(parseFloat(border.right)).toBeGreaterThan(parseFloat(border.left));
  });

  async function box(selector: string) {
    return boxOf(page, selector);
  }

  const reflowScreens: ScreenName[] = [
    'home-long',
    'home-training',
    'fast-lane',
    'consent',
    'insert-card',
    'pin',
    'new-pin',
    'outcome-blocked',
    'survey',
    'staff-menu',
    'attract',
  ];

  it.each([
    { width: 1280, height: 1024 },
    { width: 1024, height: 768 },
  ])(
    'reflows at 200 % text in $width×$height: no horizontal scrolling, nothing cut off',
    async ({ width, height }) => {
      await page.setViewport({ width, height });
      try {
        for (const name of reflowScreens) {
          for (const language of ['de', 'ar']) {
            await openScreen(page, stub, name, language, (view) => ({ ...view, textScale: 2 }));
            const problems = await page.evaluate(() => {
              const found: string[] = [];
              const root = document.documentElement;
              if (root.style.fontSize !== '44px') found.push(`root font ${root.style.fontSize}`);
              if (root.scrollWidth > root.clientWidth)
                found.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
              for (const element of document.querySelectorAll<HTMLElement>(
                'button, h1, h2, p, label, legend, dt, dd, td, th',
              )) {
                if (element.scrollWidth > element.clientWidth + 1)
                  found.push(
                    `${element.tagName} "${element.textContent?.slice(0, 30)}" ${element.scrollWidth} > ${element.clientWidth}`,
                  );
                const rect = element.getBoundingClientRect();
                if (rect.right > root.clientWidth + 1 || rect.left < -1)
                  found.push(
                    `${element.tagName} "${element.textContent?.slice(0, 30)}" outside ${rect.left}–${rect.right}`,
                  );
              }
              return found;
            });
            expect(problems, `${name} ${language}`).toEqual([]);
          }
        }
      } finally {
        await page.setViewport({ width: 1280, height: 1024 });
      }
    },
    60_000,
  );
});

describe('dist/kiosk-texts.json', () => {
  it('has every bar., notice., scan. and language.name key as plain text in every language', () => {
    const texts = JSON.parse(
      readFileSync(join(kiosk.outDir, 'kiosk-texts.json'), 'utf8'),
    ) as Record<string, Record<string, string>>;
    const required = [
      'bar.label',
      'bar.home',
      'bar.back',
      'bar.language',
      'bar.help',
      'bar.helpText',
      'bar.textSize',
      'bar.print',
      'bar.close',
      'bar.end',
      'notice.printing',
      'notice.printerMissing',
      'notice.outOfPaper',
      'notice.paperJam',
      'notice.printerOffline',
      'notice.uploadUnavailable',
      'scan.title',
      'notice.scanned',
      'notice.scanFailed',
      'language.name',
    ];
    const keys = Object.keys(catalogue.de).filter(isDaemonKey).sort();
    expect(keys).toEqual(expect.arrayContaining(required));
    expect(Object.keys(texts).sort()).toEqual([...catalogueLanguages].sort());
    for (const language of catalogueLanguages) {
      expect(Object.keys(texts[language] ?? {}).sort(), language).toEqual(keys);
      for (const key of keys) {
        const text = texts[language]?.[key] ?? '';
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        expect(text, `${language} ${key}`).not.toMatch(/[{}]/);
      }
    }
    expect(texts['de']?.['bar.home']).toBe(catalogue.de['bar.home']);
    expect(texts['ar']?.['language.name']).toBe(catalogue.ar['language.name']);
  });
});
