import { assetPaths } from './assets.js';
import { html, type Html } from './html.js';
import { direction, languages, withLanguage, type Language } from './language.js';
import type { RenderedPage } from './send-page.js';
import { sharedTexts, translate } from './texts.js';

export type Tone = 'success' | 'notice' | 'problem';

/** A check mark, an "i" or an exclamation mark in a circle: the outcome at a glance. */
const icons: Record<Tone, Html> = {
  success: html`<path d="M14 25l7 7 13-15" />`,
  notice: html`<path d="M24 22v12M24 14v1" />`,
  problem: html`<path d="M24 13v13M24 34v1" />`,
};

export function headingWithIcon(tone: Tone, heading: string): Html {
  return html`<h1 class="status ${tone}">
    <svg class="icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="23" />
      ${icons[tone]}
    </svg>
    <span>${heading}</span>
  </h1>`;
}

/** The same page in every language, the current one marked. */
function languageLinks(current: Language, path: string): Html {
  const links = languages.map(
    (language) =>
      html`<li>
        <a
          href="${withLanguage(path, language)}"
          lang="${language}"
          hreflang="${language}"
          ${language === current ? html`aria-current="page"` : ''}
          >${translate(sharedTexts, language, 'languageName')}</a
        >
      </li>`,
  );
  return html`<header>
    <nav aria-label="${translate(sharedTexts, current, 'languageNavigation')}">
      <ul class="languages">
        ${links}
      </ul>
    </nav>
  </header>`;
}

export interface PageContent {
  language: Language;
  /** The document title. */
  title: string;
  body: Html;
  /** Offer the page in the other languages, linked to this path. */
  languagesFor?: string;
}

/** A whole document: language and direction, a stylesheet and an icon from this server. */
export function renderDocument(content: PageContent): string {
  const { language, title, body, languagesFor } = content;
  return `<!doctype html>\n${html`<html lang="${language}" dir="${direction(language)}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title}</title>
      <link rel="stylesheet" href="${assetPaths.stylesheet}" />
      <link rel="icon" href="${assetPaths.icon}" type="image/svg+xml" />
    </head>
    <body>
      ${languagesFor === undefined ? '' : languageLinks(language, languagesFor)}
      <main>${body}</main>
    </body>
  </html>`}\n`;
}

/** A whole document as the answer to a request, 200 unless told. */
export function documentPage(content: PageContent, status = 200): RenderedPage {
  return { status, html: renderDocument(content) };
}
