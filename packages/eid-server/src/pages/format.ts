import type { PartialDate } from '../personal-data.js';
import type { Language } from './language.js';

/** Latin digits throughout: they are what the card itself prints. */
const locales: Record<Language, string> = {
  de: 'de-DE',
  en: 'en-GB',
  tr: 'tr-TR',
  ar: 'ar-u-nu-latn',
  uk: 'uk-UA',
  ru: 'ru-RU',
};

/**
 * A card date as the reader expects it: in German as printed on the card (12.08.1964), in the
 * other languages with the month's name, so that day and month cannot be mistaken. A date whose
 * day or month is unknown shows only what is known.
 */
export function formatPartialDate(date: PartialDate, language: Language): string {
  const at = new Date(0);
  at.setUTCFullYear(date.year, (date.month ?? 1) - 1, date.day ?? 1);
  const options: Intl.DateTimeFormatOptions =
    date.month === undefined
      ? { year: 'numeric' }
      : date.day === undefined
        ? { year: 'numeric', month: 'long' }
        : language === 'de'
          ? { year: 'numeric', month: '2-digit', day: '2-digit' }
          : { year: 'numeric', month: 'long', day: 'numeric' };
  return new Intl.DateTimeFormat(locales[language], { ...options, timeZone: 'UTC' }).format(at);
}
