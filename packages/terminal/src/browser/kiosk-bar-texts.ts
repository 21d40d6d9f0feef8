import type { KioskBarTexts } from './kiosk-bar-script.js';

/**
 * The kiosk bar's built-in texts, for a browser given none (tests, a daemon without the kiosk
 * UI's catalogue). The daemon passes the catalogue's texts in every language it offers.
 */
export const DEFAULT_KIOSK_BAR_TEXTS: Readonly<Record<'de' | 'en', KioskBarTexts>> = {
  de: {
    label: 'Terminal-Steuerung',
    home: 'Start',
    back: 'Zurück',
    language: 'Sprache',
    help: 'Hilfe',
    helpText:
      'Mit „Zurück“ kommen Sie zur vorigen Seite, mit „Start“ zur Übersicht. „Sitzung beenden“ löscht alle Ihre Daten.',
    textSize: 'Schriftgröße',
    print: 'Drucken',
    end: 'Sitzung beenden',
    languageName: 'Deutsch',
    close: 'Schließen',
  },
  en: {
    label: 'Terminal controls',
    home: 'Home',
    back: 'Back',
    language: 'Language',
    help: 'Help',
    helpText:
      '“Back” takes you to the previous page, “Home” to the overview. “End session” deletes all your data.',
    textSize: 'Text size',
    print: 'Print',
    end: 'End session',
    languageName: 'English',
    close: 'Close',
  },
};

/** Languages written right to left: the bar mirrors its layout for them. */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

export function isRightToLeft(language: string): boolean {
  return RIGHT_TO_LEFT.has(language.split('-')[0]?.toLowerCase() ?? '');
}

/** The texts of `language`; a language without texts falls back to German. */
export function barTextsFor(
  texts: Readonly<Record<string, KioskBarTexts>>,
  language: string,
): KioskBarTexts {
  return texts[language] ?? texts.de ?? DEFAULT_KIOSK_BAR_TEXTS.de;
}
