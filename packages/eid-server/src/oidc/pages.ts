import type { OidcClaim } from '@sidbox/protocol';
import { html, type Html } from '../pages/html.js';
import { withLanguage, type Language } from '../pages/language.js';
import { documentPage, type Tone } from '../pages/layout.js';
import { linkButton, noticeBody } from '../pages/notice.js';
import type { RenderedPage } from '../pages/send-page.js';
import { signinPath, signinStep } from './paths.js';
import { text, type TextKey } from './texts.js';

/** "<heading> – Mit dem Personalausweis anmelden". */
const documentTitle = (language: Language, heading: string) =>
  text(language, 'documentTitle', { page: heading });

const claimLabels: Record<Exclude<OidcClaim, 'age_over'>, TextKey> = {
  given_name: 'labelGivenNames',
  family_name: 'labelFamilyNames',
  birthdate: 'labelDateOfBirth',
  address: 'labelAddress',
};

/** What the platform will receive, in the order of the contract. */
function receives(
  platform: string,
  claims: readonly OidcClaim[],
  minimumAge: number | undefined,
  language: Language,
): Html {
  const items = [
    text(language, 'receivesPseudonym', { platform }),
    ...claims.map((claim) =>
      claim === 'age_over'
        ? text(language, 'receivesAge', { age: String(minimumAge ?? '') })
        : text(language, claimLabels[claim]),
    ),
  ];
  return html`<ul class="receives">
    ${items.map((item) => html`<li>${item}</li>`)}
  </ul>`;
}

/** The platform's name, what it receives, and the start: the page the platform sent the citizen to. */
export function signinPage(
  view: { uid: string; platform: string; claims: readonly OidcClaim[]; minimumAge?: number },
  language: Language,
): RenderedPage {
  const { uid, platform, claims, minimumAge } = view;
  const heading = text(language, 'signinTitle', { platform });
  const body = html`<h1>${heading}</h1>
    <p>${text(language, 'signinWhat', { platform })}</p>
    ${receives(platform, claims, minimumAge, language)}
    <p class="prepare">${text(language, 'startPrepare')}</p>
    <p class="note">${text(language, 'signinNotStored', { platform })}</p>
    <p class="actions">
      <a class="button" href="${withLanguage(signinStep(uid, 'start'), language)}"
        >${text(language, 'signinButton')}</a
      >
      <a class="button secondary" href="${withLanguage(signinStep(uid, 'cancel'), language)}"
        >${text(language, 'cancelButton')}</a
      >
    </p>`;
  return documentPage({
    language,
    title: documentTitle(language, heading),
    body,
    languagesFor: signinPath(uid),
  });
}

/** A page that says why the sign-in cannot go on here, with a way on when there is one. */
function noticePage(
  language: Language,
  keys: { heading: TextKey; explanation: TextKey },
  status: number,
  action?: { href: string; label: TextKey },
  tone: Tone = 'notice',
  error?: string,
): RenderedPage {
  const heading = text(language, keys.heading);
  const body = html`${noticeBody(tone, heading, text(language, keys.explanation), error === undefined ? undefined : { name: 'error', value: error })}
  ${action && linkButton(withLanguage(action.href, language), text(language, action.label))}`;
  return documentPage({ language, title: documentTitle(language, heading), body }, status);
}

/** The interaction is unknown, expired or belongs to another browser. */
export const gonePage = (language: Language) =>
  noticePage(language, { heading: 'goneTitle', explanation: 'goneText' }, 404);

export const busyPage = (language: Language) =>
  noticePage(language, { heading: 'busyTitle', explanation: 'busyText' }, 503);

/**
 * The hub could not be asked, or a request the provider refused without a way back to the
 * platform (an unknown client, a redirect URI it did not register): the OAuth error code in
 * `data-error` for the platform's developers, no details for anyone else.
 */
export const unavailablePage = (language: Language, status = 503, error?: string) =>
  noticePage(
    language,
    { heading: 'unavailableTitle', explanation: 'unavailableText' },
    status,
    undefined,
    'problem',
    error,
  );

/** The browser came back before AusweisApp had finished: look again. */
export const pendingPage = (language: Language, uid: string) =>
  noticePage(language, { heading: 'pendingTitle', explanation: 'pendingText' }, 200, {
    href: signinStep(uid, 'done'),
    label: 'tryAgain',
  });
