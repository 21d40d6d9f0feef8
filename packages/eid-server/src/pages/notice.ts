import { html, type Html } from './html.js';
import { headingWithIcon, type Tone } from './layout.js';

/** A link styled as a button, alone in its row of actions. */
export function linkButton(
  href: string,
  label: string,
  kind: 'primary' | 'secondary' = 'primary',
): Html {
  return html`<p class="actions">
    <a class="button ${kind === 'secondary' ? 'secondary' : ''}" href="${href}">${label}</a>
  </p>`;
}

/**
 * The top of a page that tells one outcome: the heading with its icon and a sentence on why.
 * `mark` puts the outcome's code on the sentence (`data-reason`, `data-error`) for tests and
 * for a platform's developers; the citizen reads only the sentence.
 */
export function noticeBody(
  tone: Tone,
  heading: string,
  explanation: string,
  mark?: { name: 'reason' | 'error'; value: string },
): Html {
  return html`${headingWithIcon(tone, heading)}
    <p ${mark === undefined ? '' : html`data-${mark.name}="${mark.value}"`}>${explanation}</p>`;
}
