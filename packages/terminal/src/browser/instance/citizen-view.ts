import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { INTERNAL_SCHEMES } from '../decide-navigation.js';
import { GUARD_BINDING, GUARD_WORLD, guardScript } from '../page-guard-script.js';
import type { InstanceSettings } from './instance-settings.js';

/** The citizen's one window: its page, the page target's own session and its size. */
export interface CitizenView {
  readonly page: Page;
  /** The page target's session (Page, Runtime, Emulation, DOM); the wall's is the browser's. */
  readonly cdp: CDPSession;
  readonly targetId: string;
  /** The view's size in CSS pixels at 100 %, which a text size divides. */
  readonly viewport: { width: number; height: number };
}

type ViewSettings = Pick<InstanceSettings, 'display' | 'windowSize'>;

/** Opens the one window, full screen on a display, of the window size headless. */
export async function openWindow(
  browser: Browser,
  session: CDPSession,
  settings: ViewSettings,
): Promise<CitizenView> {
  const { targetId } = await session.send('Target.createTarget', {
    url: 'about:blank',
    newWindow: true,
  });
  const { windowId } = await session.send('Browser.getWindowForTarget', { targetId });
  if (settings.display !== 'headless') {
    // --kiosk makes only the startup window full screen; a window opened over CDP showed the
    // tab strip and the address bar on the stick (cage), so it is put into full screen here.
    await session.send('Browser.setWindowBounds', {
      windowId,
      bounds: { windowState: 'fullscreen' },
    });
  }
  const { bounds } = await session.send('Browser.getWindowBounds', { windowId });
  let viewport = settings.windowSize;
  if (settings.display === 'headless') {
    // The window size includes a frame that headless only pretends to have: size the page.
    await session.send('Browser.setContentsSize', { windowId, ...settings.windowSize });
  } else if (bounds.width && bounds.height) {
    // Kiosk mode: the window is the screen, without a frame.
    viewport = { width: bounds.width, height: bounds.height };
  }
  const target = await browser.waitForTarget((t) => t.type() === 'page');
  const page = await target.asPage();
  const cdp = await target.createCDPSession();
  return { page, cdp, targetId, viewport };
}

type GuardSettings = Pick<
  InstanceSettings,
  'interception' | 'zoom' | 'deviceScaleFactor' | 'notice'
>;

/**
 * Turns on what the view's listeners hear, and the page guard in every document. Call it once
 * the listeners are in place: events of the first document would be missed otherwise.
 */
export async function armPage(cdp: CDPSession, settings: GuardSettings): Promise<void> {
  await Promise.all([
    cdp.send('Page.enable'),
    cdp.send('Runtime.enable'),
    cdp.send('Log.enable'),
    cdp.send('Inspector.enable'),
    cdp.send('Runtime.addBinding', { name: GUARD_BINDING, executionContextName: GUARD_WORLD }),
    // Every file chooser comes to the daemon as an event; the page never gets a native
    // dialog, so no file of the terminal can reach it (the policy forbids the dialog too).
    cdp.send('Page.setInterceptFileChooserDialog', { enabled: true }),
    // A service worker could answer a page without the network, and so without the connect
    // wall's policy (see wall/connect-wall.ts): the page's requests go past it.
    settings.interception
      ? cdp
          .send('Network.enable')
          .then(() => cdp.send('Network.setBypassServiceWorker', { bypass: true }))
      : Promise.resolve(),
  ]);
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
    source: guardScript({
      internalSchemes: [...INTERNAL_SCHEMES],
      zoom: settings.zoom,
      deviceScaleFactor: settings.deviceScaleFactor,
      notice: settings.notice,
    }),
    worldName: GUARD_WORLD,
    runImmediately: true,
  });
}
