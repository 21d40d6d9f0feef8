import { useLayoutEffect } from 'preact/hooks';
import type { KioskView } from '@sidbox/protocol';
import {
  catalogueLanguages,
  isLanguage,
  languageDirection,
  translator,
  type Language,
  type Translate,
} from './i18n/catalogue.js';

/** The configured languages the catalogue has, in the configured order. */
export function offeredLanguages(configured: readonly string[]): Language[] {
  const offered = configured.filter(isLanguage);
  return offered.length > 0 ? offered : ['de'];
}

/** The session's language as the daemon holds it; German when the catalogue lacks it. */
export function sessionLanguage(view: KioskView | null): Language {
  const wanted = view?.language ?? 'de';
  return isLanguage(wanted) ? wanted : 'de';
}

export interface LanguageChoice {
  language: Language;
  offered: Language[];
  t: Translate;
}

/**
 * The citizen's language comes from the daemon (it also labels the kiosk bar on service
 * pages and ends with the session). Sets `lang`, `dir` and the title of the document.
 */
export function useLanguage(view: KioskView | null): LanguageChoice {
  const language = sessionLanguage(view);
  const offered = offeredLanguages(view?.languages ?? catalogueLanguages);
  const t = translator(language);
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = languageDirection[language];
    document.title = t('app.title');
  }, [language, t]);
  return { language, offered, t };
}
