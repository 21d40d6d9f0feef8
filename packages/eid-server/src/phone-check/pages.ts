import type { AuthenticationResult } from '../authentication-result.js';
import type { FailureReason } from '../session/outcome.js';
import { failureHints } from '../pages/failure-hints.js';
import { html } from '../pages/html.js';
import { withLanguage } from '../pages/language.js';
import { documentPage, headingWithIcon, type Tone } from '../pages/layout.js';
import { noticeBody } from '../pages/notice.js';
import { personalDataList } from '../pages/personal-data-view.js';
import type { RenderedPage } from '../pages/send-page.js';
import { paths } from './paths.js';
import { text, type Language, type TextKey } from './texts.js';

/** The standard eID-Client activations (TR-03124-1): the phone's app scheme, and the local form. */
const MOBILE_EID_CLIENT = 'eid://127.0.0.1:24727/eID-Client';
const LOCAL_EID_CLIENT = 'http://127.0.0.1:24727/eID-Client';

const documentTitle = (language: Language, heading: string) =>
  text(language, 'documentTitle', { page: heading });

/** The page the QR code opens: what happens, and the start that uses the link up. */
export function introPage(language: Language, linkToken: string): RenderedPage {
  const heading = text(language, 'introTitle');
  const body = html`<h1>${heading}</h1>
    <p>${text(language, 'introWhat')}</p>
    <p>${text(language, 'introHow')}</p>
    <p class="prepare">${text(language, 'startPrepare')}</p>
    <p>${text(language, 'introNeedsApp')}</p>
    <p class="actions">
      <a class="button" href="${withLanguage(paths.start(linkToken), language)}"
        >${text(language, 'introButton')}</a
      >
    </p>`;
  return documentPage({
    language,
    title: documentTitle(language, heading),
    body,
    languagesFor: `${paths.link}/${linkToken}`,
  });
}

/**
 * The check has started: the button hands its TC token URL to the phone's AusweisApp through
 * the `eid://` scheme the mobile apps register; the `http://127.0.0.1:24727` form is what an
 * eID-Client that serves the local port (or a browser that refuses the scheme) understands.
 * A page rather than a redirect, so that the fallback is there when the scheme goes nowhere.
 */
export function openPage(language: Language, tcTokenUrl: string): RenderedPage {
  const heading = text(language, 'openTitle');
  const query = `?tcTokenURL=${encodeURIComponent(tcTokenUrl)}`;
  const body = html`<h1>${heading}</h1>
    <p>${text(language, 'openText')}</p>
    <p class="actions">
      <a class="button" href="${MOBILE_EID_CLIENT + query}">${text(language, 'openButton')}</a>
    </p>
    <p>
      ${text(language, 'openFallback')}
      <a href="${LOCAL_EID_CLIENT + query}">${text(language, 'openFallbackLink')}</a>
    </p>`;
  return documentPage({ language, title: documentTitle(language, heading), body });
}

/** The card was read on the phone: the name, once, and that nothing was kept. */
export function successPage(result: AuthenticationResult, language: Language): RenderedPage {
  const heading = text(language, 'successTitle');
  const body = html`${headingWithIcon('success', heading)}
    <p>${text(language, 'successIntro')}</p>
    ${personalDataList(result, language, ['givenNames', 'familyNames'])}
    <p>${text(language, 'successNext')}</p>
    <p class="note">${text(language, 'notStored')}</p>`;
  return documentPage({ language, title: documentTitle(language, heading), body });
}

/**
 * Any other end: what happened and why in a sentence. No button back: the link is used up, so
 * the way to try again is a new code at the terminal.
 */
function noticePage(
  language: Language,
  tone: Tone,
  keys: { heading: TextKey; explanation: TextKey; next?: TextKey },
  status: number,
  reason?: FailureReason,
): RenderedPage {
  const heading = text(language, keys.heading);
  const body = html`${noticeBody(tone, heading, text(language, keys.explanation), reason && { name: 'reason', value: reason })}
  ${keys.next && html`<p>${text(language, keys.next)}</p>`}`;
  return documentPage({ language, title: documentTitle(language, heading), body }, status);
}

export const usedPage = (language: Language) =>
  noticePage(language, 'notice', { heading: 'usedTitle', explanation: 'usedText' }, 410);

export const expiredPage = (language: Language) =>
  noticePage(language, 'notice', { heading: 'expiredTitle', explanation: 'expiredText' }, 410);

export const busyPage = (language: Language) =>
  noticePage(language, 'notice', { heading: 'busyTitle', explanation: 'busyText' }, 503);

export const cancelledPage = (language: Language) =>
  noticePage(
    language,
    'notice',
    { heading: 'cancelledTitle', explanation: 'cancelledText', next: 'newCodeHint' },
    200,
  );

export const failedPage = (reason: FailureReason, language: Language) =>
  noticePage(
    language,
    'problem',
    { heading: 'failedTitle', explanation: failureHints[reason], next: 'newCodeHint' },
    200,
    reason,
  );

export const pendingPage = (language: Language) =>
  noticePage(language, 'notice', { heading: 'pendingTitle', explanation: 'pendingText' }, 200);

export const gonePage = (language: Language) =>
  noticePage(language, 'notice', { heading: 'shownOnceTitle', explanation: 'newCodeHint' }, 404);
