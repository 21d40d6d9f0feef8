import type { KioskBrowser, KioskBrowserEvents } from '../../../src/browser/kiosk-browser.js';

/** The next event of a kind (optionally matching), so tests wait on events, never on sleeps. */
export function nextEvent<E extends keyof KioskBrowserEvents>(
  browser: KioskBrowser,
  event: E,
  matches: (payload: KioskBrowserEvents[E]) => boolean = () => true,
): Promise<KioskBrowserEvents[E]> {
  return new Promise((resolve) => {
    const off = browser.on(event, (payload) => {
      if (!matches(payload)) return;
      off();
      resolve(payload);
    });
  });
}
