import {
  catalogue,
  catalogueLanguages,
  translator,
  type Language,
  type MessageKey,
} from './catalogue.js';

/**
 * The catalogue keys the daemon needs outside the kiosk UI: the service pages' bar, notices and
 * scan panel.
 */
export function isDaemonKey(key: string): boolean {
  return (
    key.startsWith('bar.') ||
    key.startsWith('notice.') ||
    key.startsWith('scan.') ||
    key === 'language.name'
  );
}

/**
 * `dist/kiosk-texts.json`: those keys as plain text in every language, so the daemon labels
 * the kiosk bar on third-party pages and its notices from the same catalogue as the UI.
 */
export function kioskTexts(): Record<Language, Record<string, string>> {
  const keys = (Object.keys(catalogue.de) as MessageKey[]).filter(isDaemonKey);
  return Object.fromEntries(
    catalogueLanguages.map((language) => {
      const t = translator(language);
      return [language, Object.fromEntries(keys.map((key) => [key, t(key)]))];
    }),
  ) as Record<Language, Record<string, string>>;
}
