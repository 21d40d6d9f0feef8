import type { Logger } from '@sidbox/eid';
import { ChromiumKioskBrowser } from '../browser/chromium-kiosk-browser.js';
import type { KioskBrowser } from '../browser/kiosk-browser.js';

/** The real kiosk browser; its rules are set by the daemon once the kiosk UI has a port. */
export function createKioskBrowser(options: { headless: boolean; logger: Logger }): KioskBrowser {
  return new ChromiumKioskBrowser({
    rules: { kioskOrigins: [], services: [] },
    ...(options.headless && { display: 'headless' as const }),
    logger: options.logger,
  });
}
