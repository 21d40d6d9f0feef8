import type { Outcome } from '@sidbox/protocol';
import type { ChromiumKioskBrowser } from '../../../src/browser/chromium-kiosk-browser.js';
import type { TerminalDaemon } from '../../../src/daemon/terminal-daemon.js';
import { eidOutcome } from '../hub-terminal.js';
import { attractReady } from '../daemon-waits.js';

/** How long a walk waits for one event of the terminal before it fails, naming the event. */
const eventTimeoutMs = 15_000;

/** `promise`, or a failure that names what did not happen (instead of the test's timeout). */
export function within<T>(promise: Promise<T>, what: string, ms = eventTimeoutMs): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`not within ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Resolves with the URL once the kiosk browser's page is one starting with `prefix`. */
export function landsOn(browser: ChromiumKioskBrowser, prefix: string): Promise<string> {
  const landed = new Promise<string>((resolve) => {
    if (browser.currentUrl.startsWith(prefix)) return resolve(browser.currentUrl);
    const off = browser.on('navigated', ({ url }) => {
      if (!url.startsWith(prefix)) return;
      off();
      resolve(url);
    });
  });
  return within(landed, `the browser on ${prefix}`);
}

/** The outcome of the eID workflow that ends next. */
export function nextOutcome(daemon: TerminalDaemon): Promise<Outcome> {
  return within(eidOutcome(daemon), 'the outcome of the eID workflow');
}

/** Ends a session left running (as staff would) and waits until the attract screen is back. */
export async function endSession(daemon: TerminalDaemon): Promise<void> {
  if (daemon.status().state === 'idle') return;
  const ready = attractReady(daemon);
  await daemon.handle({ cmd: 'session', action: 'end' });
  await within(ready, 'the attract screen after the end of the session');
}
