import { describe, expect, it } from 'vitest';
import {
  catalogueKeys,
  languages,
  outcomeCodes,
  outcomeMessageKey,
  trainingLabel,
  translate,
  type MessageKey,
} from '../src/index.js';

describe('outcome texts', () => {
  it.each(languages)('every outcome code has a %s text', (language) => {
    for (const code of outcomeCodes) {
      const text = translate(language, outcomeMessageKey(code) as MessageKey);
      expect(text, `${language} ${code}`).toMatch(/\S/);
    }
  });

  it.each(languages)('the %s catalogue has no text without an outcome code', (language) => {
    expect(catalogueKeys(language).sort()).toEqual(outcomeCodes.map(outcomeMessageKey).sort());
  });

  it('German and English differ (nothing left untranslated)', () => {
    for (const code of outcomeCodes) {
      const key = outcomeMessageKey(code) as MessageKey;
      expect(translate('de', key)).not.toBe(translate('en', key));
    }
    expect(trainingLabel('de')).not.toBe(trainingLabel('en'));
  });
});
