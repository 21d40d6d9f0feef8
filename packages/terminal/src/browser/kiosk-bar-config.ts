import { textScales } from '@sidbox/protocol';
import {
  DEFAULT_KIOSK_BAR_HEIGHT,
  type KioskBarConfig,
  type KioskBarTexts,
} from './kiosk-bar-script.js';
import { barTextsFor, isRightToLeft } from './kiosk-bar-texts.js';
import type { NavigationRules, SessionLook } from './kiosk-browser.js';
import { indexOrigins, serviceScopes } from './decide-navigation.js';

/** The kiosk bar as the browser is configured: texts by language code, and its height. */
export interface KioskBarSettings {
  texts: Readonly<Record<string, KioskBarTexts>>;
  heightPx: number;
}

export const DEFAULT_KIOSK_BAR_SETTINGS: KioskBarSettings = {
  texts: {},
  heightPx: DEFAULT_KIOSK_BAR_HEIGHT,
};

/** The languages the bar offers: the terminal's (from the rules), else every one with texts. */
export function barLanguages(settings: KioskBarSettings, rules: NavigationRules): string[] {
  return rules.languages?.length ? [...rules.languages] : Object.keys(settings.texts);
}

/** A new citizen's look: the first language, text at 100 %. */
export function defaultLook(
  settings: KioskBarSettings | null,
  rules: NavigationRules,
): SessionLook {
  const first = settings ? barLanguages(settings, rules)[0] : rules.languages?.[0];
  return { language: first ?? 'de', textScale: 1 };
}

function languageName(settings: KioskBarSettings, code: string): string {
  const own = settings.texts[code]?.languageName;
  if (own) return own;
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Everything the bar script needs for this look, resolved here so the script stays simple. */
export function kioskBarConfig(
  settings: KioskBarSettings,
  rules: NavigationRules,
  look: SessionLook,
): KioskBarConfig {
  const texts = barTextsFor(settings.texts, look.language);
  return {
    kioskOrigins: [...indexOrigins(rules).kiosk],
    printScopes: serviceScopes(rules).map((scope) => ({
      origin: scope.origin,
      path: scope.path,
      print: rules.services.some((s) => s.id === scope.id && s.printButton === true),
    })),
    heightPx: settings.heightPx,
    language: look.language,
    rtl: isRightToLeft(look.language),
    scale: look.textScale,
    scales: textScales,
    texts,
    languages: barLanguages(settings, rules).map((code) => ({
      code,
      name: languageName(settings, code),
    })),
  };
}
