import type { KioskBarTexts } from './kiosk-bar-script.js';

/**
 * The kiosk UI catalogue's key of each bar text: the daemon fills the bar from the catalogue's
 * build (kiosk-texts.json), the one copy of these texts.
 */
export const barTextKeys = {
  label: 'bar.label',
  home: 'bar.home',
  back: 'bar.back',
  language: 'bar.language',
  help: 'bar.help',
  helpText: 'bar.helpText',
  textSize: 'bar.textSize',
  print: 'bar.print',
  end: 'bar.end',
  languageName: 'language.name',
  close: 'bar.close',
} as const satisfies Record<keyof KioskBarTexts, string>;

/** Languages written right to left: the bar mirrors its layout for them. */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

export function isRightToLeft(language: string): boolean {
  return RIGHT_TO_LEFT.has(language.split('-')[0]?.toLowerCase() ?? '');
}

/**
 * The texts of `language`; a language without texts falls back to German, a browser given no
 * texts at all shows the keys (as the daemon does without the catalogue).
 */
export function barTextsFor(
  texts: Readonly<Record<string, KioskBarTexts>>,
  language: string,
): KioskBarTexts {
  return texts[language] ?? texts.de ?? barTextKeys;
}
