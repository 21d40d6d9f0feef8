import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { catalogues, type MessageKey, type UiLanguage } from './messages.js';

export interface I18n {
  lang: UiLanguage;
  t: (key: MessageKey) => string;
}

export const translator = (lang: UiLanguage): I18n => ({
  lang,
  t: (key) => catalogues[lang][key],
});

export const I18nContext = createContext<I18n>(translator('de'));

export const useI18n = () => useContext(I18nContext);

const storageKey = 'sidbox-hub-language';

export function savedLanguage(): UiLanguage {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'de';
}

export function saveLanguage(lang: UiLanguage): void {
  localStorage.setItem(storageKey, lang);
  document.documentElement.lang = lang;
}

/** A catalogue text with its {placeholders} filled in. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
