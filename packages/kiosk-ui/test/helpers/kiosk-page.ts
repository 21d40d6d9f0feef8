import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { inject } from 'vitest';
import type { KioskView } from '@sidbox/protocol';
import { launchTestChromium } from './chromium.js';
import { startStubDaemon, type StubDaemon } from './stub-daemon.js';
import { base, screens, type ScreenName } from './views.js';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The kiosk's Chromium: no back-forward cache, which would hold a page's view stream open. */
export function launchChromium(): Promise<Browser> {
  return launchTestChromium({ args: ['--disable-features=BackForwardCache'] });
}

/**
 * Opens a screen in a language: the stub gets the screen's view (in that language, as the
 * daemon would send it after the citizen chose it) and the page a fresh document.
 */
let openings = 0;

export async function openScreen(
  page: Page,
  stub: StubDaemon,
  name: ScreenName,
  language = 'de',
  adjust: (view: KioskView) => KioskView = (view) => view,
): Promise<void> {
  const screen = screens[name];
  stub.publish(adjust({ ...screen.view(), language }));
  // A query the UI ignores makes every opening a new document in one navigation (the UI drops
  // the #k= fragment, so the same address again would only be a jump within the page).
  const fresh = `${screen.path.includes('?') ? '&' : '?'}fresh=${(openings += 1)}`;
  await page.goto(`${stub.origin}${screen.path}${fresh}#k=test-token`);
  await page.waitForSelector(screen.ready);
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, {}, language);
  await settled(page);
}

/** Waits until running animations (the attract screen's fade) have finished. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished)),
  );
}

/** Box of the first element matching a selector, or a failure naming it. */
export async function box(page: Page, selector: string) {
  const handle = await page.$(selector);
  const rect = await handle?.boundingBox();
  if (!rect) throw new Error(`${selector} not on screen`);
  return rect;
}

export interface KioskPage {
  /** Where the UI was built (the files the stub serves). */
  outDir: string;
  stub: StubDaemon;
  page: Page;
  close(): Promise<void>;
}

/** The built kiosk UI behind the stub daemon, one 1280×1024 page in Debian's Chromium. */
export async function openKioskPage(): Promise<KioskPage> {
  const outDir = inject('kioskUiDir');
  const stub = await startStubDaemon(outDir, base);
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1024 });
  return {
    outDir,
    stub,
    page,
    close: async () => {
      await browser.close();
      await stub.close();
    },
  };
}
