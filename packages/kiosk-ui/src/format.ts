import type { Language } from './i18n/catalogue.js';

/** A certificate date (ISO `YYYY-MM-DD…`) in the citizen's language; Latin digits in Arabic. */
export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = language === 'ar' ? 'ar-u-nu-latn' : language;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
