import type { AuthenticationResult } from '../authentication-result.js';
import type { FailureReason } from '../session/outcome.js';
import { failureHints } from '../pages/failure-hints.js';
import { html } from '../pages/html.js';
import { withLanguage } from '../pages/language.js';
import { documentPage, headingWithIcon, type Tone } from '../pages/layout.js';
import { linkButton, noticeBody } from '../pages/notice.js';
import { personalDataList } from '../pages/personal-data-view.js';
import type { RenderedPage } from '../pages/send-page.js';
import { paths } from './paths.js';
import { text, type Language, type TextKey } from './texts.js';

/** "<heading> – Online-Ausweis testen". */
const documentTitle = (language: Language, heading: string) =>
  text(language, 'documentTitle', { page: heading });

export function startPage(language: Language): RenderedPage {
  const heading = text(language, 'startTitle');
  const body = html`<h1>${heading}</h1>
    <p>${text(language, 'startWhat')}</p>
    <p>${text(language, 'startHow')}</p>
    <p class="prepare">${text(language, 'startPrepare')}</p>
    ${linkButton(withLanguage(paths.startSession, language), text(language, 'startButton'))}`;
  return documentPage({ language, title: heading, body, languagesFor: paths.start });
}

/** An outcome other than success: what happened, a sentence on why, and a way back. */
function outcomePage(
  language: Language,
  tone: Tone,
  keys: { heading: TextKey; explanation: TextKey; action: TextKey },
  status = 200,
  reason?: FailureReason,
): RenderedPage {
  const heading = text(language, keys.heading);
  const body = html`${noticeBody(tone, heading, text(language, keys.explanation), reason && { name: 'reason', value: reason })}
  ${linkButton(withLanguage(paths.start, language), text(language, keys.action))}`;
  return documentPage({ language, title: documentTitle(language, heading), body }, status);
}

export function busyPage(language: Language): RenderedPage {
  return outcomePage(
    language,
    'notice',
    { heading: 'busyTitle', explanation: 'busyText', action: 'backToStart' },
    503,
  );
}

export function successPage(result: AuthenticationResult, language: Language): RenderedPage {
  const heading = text(language, 'successTitle');
  const body = html`${headingWithIcon('success', heading)}
    <p>${text(language, 'successIntro')}</p>
    ${personalDataList(result, language)}
    <p class="note">${text(language, 'notStored')}</p>
    ${linkButton(withLanguage(paths.start, language), text(language, 'backToStart'), 'secondary')}`;
  return documentPage({ language, title: documentTitle(language, heading), body });
}

export function cancelledPage(language: Language): RenderedPage {
  return outcomePage(language, 'notice', {
    heading: 'cancelledTitle',
    explanation: 'cancelledText',
    action: 'tryAgain',
  });
}

export function failedPage(reason: FailureReason, language: Language): RenderedPage {
  return outcomePage(
    language,
    'problem',
    { heading: 'failedTitle', explanation: failureHints[reason], action: 'tryAgain' },
    200,
    reason,
  );
}

export function pendingPage(language: Language): RenderedPage {
  return outcomePage(language, 'notice', {
    heading: 'pendingTitle',
    explanation: 'pendingText',
    action: 'tryAgain',
  });
}

export function gonePage(language: Language): RenderedPage {
  return outcomePage(
    language,
    'notice',
    { heading: 'shownOnceTitle', explanation: 'goneText', action: 'startAgain' },
    404,
  );
}
