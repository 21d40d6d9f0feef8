import { IntlMessageFormat } from 'intl-messageformat';
import { ar } from './ar.js';
import { de, type MessageKey, type Messages } from './de.js';
import { en } from './en.js';
import { ru } from './ru.js';
import { tr } from './tr.js';
import { uk } from './uk.js';

export type { MessageKey, Messages } from './de.js';

/**
 * The kiosk UI's one message catalogue: ICU MessageFormat per language, German first. A
 * language the terminal config lists but the catalogue lacks is not offered.
 */
export const catalogue = { de, en, tr, ar, uk, ru } satisfies Record<string, Messages>;
export type Language = keyof typeof catalogue;
export const catalogueLanguages = Object.keys(catalogue) as Language[];

export const languageDirection: Record<Language, 'ltr' | 'rtl'> = {
  de: 'ltr',
  en: 'ltr',
  tr: 'ltr',
  ar: 'rtl',
  uk: 'ltr',
  ru: 'ltr',
};

/**
 * Locales for numbers: Arabic keeps Latin digits, the digits of the PIN pad, the PIN letter
 * and the card itself.
 */
const formatLocale: Record<Language, string> = {
  de: 'de',
  en: 'en',
  tr: 'tr',
  ar: 'ar-u-nu-latn',
  uk: 'uk',
  ru: 'ru',
};

export function isLanguage(code: string): code is Language {
  return Object.hasOwn(catalogue, code);
}

export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const translators = new Map<Language, Translate>();

/** The formatter of one language; each message is parsed once, on first use. */
export function translator(language: Language): Translate {
  const known = translators.get(language);
  if (known) return known;
  const parsed = new Map<MessageKey, IntlMessageFormat>();
  const translate: Translate = (key, values) => {
    let format = parsed.get(key);
    if (!format) {
      format = new IntlMessageFormat(catalogue[language][key], formatLocale[language]);
      parsed.set(key, format);
    }
    return String(format.format(values));
  };
  translators.set(language, translate);
  return translate;
}
