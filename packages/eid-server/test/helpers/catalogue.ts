import { expect, it } from 'vitest';
import { languages, type Translations } from '../../src/pages/language.js';

const placeholders = (value: string) => [...value.matchAll(/\{\w+\}/g)].map(([p]) => p).sort();

/** One test per text of a page catalogue: in every language, not empty, German's placeholders. */
export function eachTextInEveryLanguage(texts: Record<string, Translations>): void {
  it.each(Object.entries(texts))(
    '%s exists in every language with the same placeholders',
    (_key, translations) => {
      expect(Object.keys(translations).sort()).toEqual([...languages].sort());
      for (const language of languages) {
        expect(translations[language].trim()).not.toBe('');
        expect(placeholders(translations[language])).toEqual(placeholders(translations.de));
      }
    },
  );
}
