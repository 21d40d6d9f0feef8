import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import {
  outcomeCodes,
  surveyAnswers,
  surveyAnswerTexts,
  surveyStatementIds,
  surveyStatementTexts,
  translate,
  type MessageKey as ProtocolMessageKey,
} from '@sidbox/protocol';
import {
  catalogue,
  catalogueLanguages,
  translator,
  type Language,
  type MessageKey,
} from '../src/i18n/catalogue.js';
import { accessRightIds, accessRightKey } from '../src/eid/access-rights.js';

// Element types of the ICU message AST (@formatjs/icu-messageformat-parser's TYPE enum).
const argumentTypes: Record<number, string> = {
  1: 'argument',
  2: 'number',
  3: 'date',
  4: 'time',
  5: 'select',
  6: 'plural',
};
const pluralType = 6;
const tagType = 8;

interface Element {
  type: number;
  value?: unknown;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}

/** Every placeholder as `name:kind`, and the selectors of each plural, walking the whole AST. */
function inspect(
  elements: Element[],
  found = { args: new Set<string>(), plurals: [] as string[][] },
) {
  for (const element of elements) {
    const kind = argumentTypes[element.type];
    if (kind) found.args.add(`${String(element.value)}:${kind}`);
    if (element.type === tagType) found.args.add(`<${String(element.value)}>:tag`);
    if (element.type === pluralType && element.options) {
      found.plurals.push(Object.keys(element.options));
    }
    for (const option of Object.values(element.options ?? {})) inspect(option.value, found);
    if (element.children) inspect(element.children, found);
  }
  return found;
}

const parse = (language: Language, key: MessageKey) =>
  inspect(new IntlMessageFormat(catalogue[language][key], language).getAst() as Element[]);

const germanKeys = Object.keys(catalogue.de).sort() as MessageKey[];

/** A value for every placeholder the catalogue uses besides the plural counts. */
const samples = {
  n: 2,
  total: 6,
  percent: 150,
  name: 'AusweisApp',
  entry: 1,
  from: '1. Januar 2026',
  until: '1. Januar 2027',
  expires: Date.UTC(2026, 11, 7, 17, 5),
  age: 18,
  id: 'WriteCommunityID',
};
const others = catalogueLanguages.filter((language) => language !== 'de');

describe('kiosk UI message catalogue', () => {
  it('offers German, English, Turkish, Arabic, Ukrainian and Russian', () => {
    expect(catalogueLanguages).toEqual(['de', 'en', 'tr', 'ar', 'uk', 'ru']);
  });

  it.each(others)('%s has exactly the German keys (none missing, none extra)', (language) => {
    const keys = Object.keys(catalogue[language]).sort();
    expect(
      germanKeys.filter((key) => !keys.includes(key)),
      `missing in ${language}`,
    ).toEqual([]);
    expect(
      keys.filter((key) => !(germanKeys as string[]).includes(key)),
      `extra in ${language}`,
    ).toEqual([]);
  });

  it.each(catalogueLanguages)('every %s message is non-empty ICU and parses', (language) => {
    for (const key of germanKeys) {
      const message = catalogue[language][key];
      expect(message.trim(), `${language} ${key}`).not.toBe('');
      expect(() => parse(language, key), `${language} ${key}`).not.toThrow();
    }
  });

  it.each(others)('%s uses the same placeholders as German', (language) => {
    for (const key of germanKeys) {
      const german = [...parse('de', key).args].sort();
      expect([...parse(language, key).args].sort(), `${language} ${key}`).toEqual(german);
    }
  });

  it.each(catalogueLanguages)("every %s plural covers the language's plural forms", (language) => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const key of germanKeys) {
      for (const selectors of parse(language, key).plurals) {
        expect(selectors, `${language} ${key}`).toEqual(expect.arrayContaining(needed));
      }
    }
  });

  it.each(catalogueLanguages)('every %s message formats with sample values', (language) => {
    const t = translator(language);
    for (const key of germanKeys) {
      for (const count of [0, 1, 2, 3, 5, 11, 21, 100]) {
        const text = t(key, { ...samples, count, seconds: count });
        expect(text, `${language} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('inflects numbers per language', () => {
    expect(translator('de')('eid.triesLeft', { count: 1 })).toBe('Sie haben noch 1 Versuch.');
    expect(translator('de')('eid.triesLeft', { count: 2 })).toBe('Sie haben noch 2 Versuche.');
    expect(translator('ru')('eid.triesLeft', { count: 5 })).toBe('У вас осталось 5 попыток.');
    expect(translator('uk')('warning.text', { seconds: 3 })).toContain('3 секунди');
    expect(translator('ar')('warning.text', { seconds: 2 })).toContain('ثانيتين');
    // Latin digits in Arabic too: the digits of the pad, the PIN letter and the card.
    expect(translator('ar')('warning.text', { seconds: 30 })).toContain('30');
  });

  it('has a text for every eID outcome, equal to the protocol texts in German and English', () => {
    for (const code of outcomeCodes) {
      const key = `eid.outcome.${code}` as ProtocolMessageKey;
      expect(catalogue.de[`outcome.${code}`]).toBe(translate('de', key));
      expect(catalogue.en[`outcome.${code}`]).toBe(translate('en', key));
    }
  });

  it('has the survey statements and answers, equal to the protocol texts in German and English', () => {
    for (const language of ['de', 'en'] as const) {
      for (const id of surveyStatementIds) {
        expect(catalogue[language][`survey.statement.${id}`]).toBe(
          surveyStatementTexts[language][id],
        );
      }
      for (const answer of surveyAnswers) {
        expect(catalogue[language][`survey.answer.${answer}`]).toBe(
          surveyAnswerTexts[language][answer],
        );
      }
    }
  });

  it.each(['tr', 'ar', 'uk', 'ru'] as const)(
    '%s is translated, not an English copy',
    (language) => {
      const same = germanKeys.filter((key) => catalogue[language][key] === catalogue.en[key]);
      // OK, a bare percentage and the like may read the same; sentences may not.
      expect(same.filter((key) => /\s\p{L}+\s/u.test(catalogue.en[key]))).toEqual([]);
    },
  );

  it('names every access right AusweisApp knows in plain words, in every language', () => {
    for (const id of accessRightIds) {
      for (const language of catalogueLanguages) {
        // Plain words: no SDK name such as DateOfBirth in CamelCase.
        expect(catalogue[language][`right.${id}`], `${language} ${id}`).not.toMatch(/[a-z][A-Z]/);
      }
    }
    expect(accessRightKey('FamilyName')).toBe('right.FamilyName');
    expect(accessRightKey('SomethingNew')).toBeNull();
  });

  it('names each language in itself, distinctly', () => {
    const names = catalogueLanguages.map((language) => catalogue[language]['language.name']);
    expect(new Set(names).size).toBe(names.length);
  });
});
