import type { Language } from '../i18n/catalogue.js';

/** A configured text in the citizen's language, else the German one, marked as German. */
export function Localized(props: {
  texts: Record<string, string>;
  language: Language;
  tag: 'strong' | 'span';
}) {
  const { texts, language, tag: Tag } = props;
  const own = texts[language];
  return own !== undefined ? <Tag>{own}</Tag> : <Tag lang="de">{texts['de']}</Tag>;
}

/** The same choice as plain text, for labels. */
export function localizedText(texts: Record<string, string>, language: Language): string {
  return texts[language] ?? texts['de'] ?? '';
}
