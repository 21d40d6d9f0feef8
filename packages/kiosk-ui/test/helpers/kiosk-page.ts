import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import type { KioskView } from '@sidbox/protocol';
import { launchTestChromium } from './chromium.js';
import { startStubDaemon, type StubDaemon } from './stub-daemon.js';
import { base, screens, type ScreenName } from './views.js';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Builds the kiosk UI into a fresh directory, as `npm run build` does. */
export function buildKioskUi(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'sidbox-kiosk-ui-'));
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir], {
    cwd: packageDir,
    stdio: 'ignore',
  });
  return outDir;
}

/** The kiosk's Chromium: no back-forward cache, which would hold a page's view stream open. */
export function launchChromium(): Promise<Browser> {
  return launchTestChromium({ args: ['--disable-features=BackForwardCache'] });
}

/**
 * Opens a screen in a language: the stub gets the screen's view (in that language, as the
 * daemon would send it after the citizen chose it) and the page a fresh document.
 */
export async function openScreen(
  page: Page,
  stub: StubDaemon,
  name: ScreenName,
  language = 'de',
  adjust: (view: KioskView) => KioskView = (view) => view,
): Promise<void> {
  const screen = screens[name];
  stub.publish(adjust({ ...screen.view(), language }));
  await page.goto('about:blank');
  await page.goto(`${stub.origin}${screen.path}#k=test-token`);
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
  const outDir = buildKioskUi();
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
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
