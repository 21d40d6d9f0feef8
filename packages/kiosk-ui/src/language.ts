import { useEffect, useRef, useState } from 'preact/hooks';
import type { KioskView } from '@sidbox/protocol';
import {
  catalogueLanguages,
  isLanguage,
  languageDirection,
  translator,
  type Language,
  type Translate,
} from './i18n/catalogue.js';

const storageKey = 'sidbox-language';

/** The configured languages the catalogue has, German first when configured. */
export function offeredLanguages(configured: readonly string[]): Language[] {
  const offered = configured.filter(isLanguage);
  return offered.length > 0 ? offered : ['de'];
}

function stored(): Language | null {
  const code = sessionStorage.getItem(storageKey);
  return code && isLanguage(code) ? code : null;
}

export interface LanguageChoice {
  language: Language;
  offered: Language[];
  choose: (language: Language) => void;
  t: Translate;
}

/**
 * The citizen's language: kept across page loads within the session (sessionStorage, wiped
 * with the browser profile), back to the first configured language when a session ends. Sets
 * `lang`, `dir` and the title of the document.
 */
export function useLanguage(view: KioskView | null): LanguageChoice {
  const [chosen, setChosen] = useState<Language | null>(stored);
  const previousState = useRef(view?.state);
  const offered = offeredLanguages(view?.languages ?? catalogueLanguages);
  const fallback = offered.includes('de') ? 'de' : (offered[0] ?? 'de');
  const language = chosen && offered.includes(chosen) ? chosen : fallback;
  const t = translator(language);

  useEffect(() => {
    const before = previousState.current;
    previousState.current = view?.state;
    if (view?.state === 'idle' && before !== undefined && before !== 'idle') {
      sessionStorage.removeItem(storageKey);
      setChosen(null);
    }
  }, [view?.state]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = languageDirection[language];
    document.title = t('app.title');
  }, [language, t]);

  const choose = (next: Language) => {
    sessionStorage.setItem(storageKey, next);
    setChosen(next);
  };
  return { language, offered, choose, t };
}
