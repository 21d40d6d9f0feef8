/** The citizen-facing pages' languages, German first; Arabic is written right to left. */
export const languages = ['de', 'en', 'tr', 'ar', 'uk', 'ru'] as const;
export type Language = (typeof languages)[number];

/** One text in every language. */
export type Translations = Record<Language, string>;

const isLanguage = (value: string): value is Language =>
  (languages as readonly string[]).includes(value);

/**
 * The page language: `?lang=` when it names one of ours, else the first of ours in the browser's
 * Accept-Language (by weight), else German.
 */
export function chooseLanguage(query: unknown, acceptLanguage: string | undefined): Language {
  if (typeof query === 'string' && isLanguage(query)) return query;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.split('-')[0]?.toLowerCase() ?? '', weight: Number(q ?? 1), index };
    })
    .filter(({ weight }) => weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map(({ primary }) => primary).find(isLanguage) ?? 'de';
}

export function direction(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** A text a member typed per language (title, purpose, a field's label): ours, else German. */
export function localized(texts: Readonly<Record<string, string>>, language: Language): string {
  return texts[language] ?? texts['de'] ?? '';
}

export function withLanguage(path: string, language: Language): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${language}`;
}
