import type { Logger } from '@sidbox/runtime';
import { ChromiumKioskBrowser } from '../browser/chromium-kiosk-browser.js';
import type { KioskBrowser } from '../browser/kiosk-browser.js';
import { defaultKioskUiDir } from '../kiosk-ui-server/server.js';
import { KioskTexts } from './kiosk-texts.js';

/**
 * The real kiosk browser; its rules are set by the daemon once the kiosk UI has a port. The
 * kiosk bar on service pages speaks every language of the kiosk UI's catalogue.
 */
export function createKioskBrowser(options: {
  headless: boolean;
  logger: Logger;
  /** The built kiosk UI, whose kiosk-texts.json has the bar's texts; the default build if unset. */
  kioskUiDir?: string;
  /** The configuration's `testEidServer` TLS keys the browser accepts (demos and tests only). */
  trustedSpki?: string[];
}): KioskBrowser {
  const texts = KioskTexts.load(
    options.kioskUiDir ?? defaultKioskUiDir,
    options.logger.child({ component: 'kiosk-texts' }),
  );
  return new ChromiumKioskBrowser({
    rules: { kioskOrigins: [], services: [] },
    ...(options.headless && { display: 'headless' as const }),
    kioskBar: { texts: texts.barTexts() },
    ...(options.trustedSpki && { trustedSpki: options.trustedSpki }),
    logger: options.logger,
  });
}
