import { silentLogger } from '@sidbox/runtime';
import type { KioskBarTexts } from '../../../src/browser/kiosk-bar-script.js';
import { KioskTexts } from '../../../src/daemon/kiosk-texts.js';
import { defaultKioskUiDir } from '../../../src/kiosk-ui-server/server.js';

/** The kiosk bar's texts from the kiosk UI catalogue's build, as the daemon passes them. */
export const catalogueBarTexts = KioskTexts.load(defaultKioskUiDir, silentLogger()).barTexts();

export function barTextsOf(language: string): KioskBarTexts {
  const texts = catalogueBarTexts[language];
  if (!texts) throw new Error(`no kiosk bar texts in ${language}: run npm run build`);
  return texts;
}
