import type { EidApp } from '@sidbox/protocol';
import type { FailureReason } from '../session/outcome.js';
import { failureHints } from '../pages/failure-hints.js';
import { html, type Html } from '../pages/html.js';
import { localized, withLanguage, type Language } from '../pages/language.js';
import { documentPage, type Tone } from '../pages/layout.js';
import { linkButton, noticeBody } from '../pages/notice.js';
import { fieldLabel } from '../pages/personal-data-view.js';
import type { RenderedPage } from '../pages/send-page.js';
import type { RegistrationOutcome } from './app-directory.js';
import { HANDOVER_CODE_LENGTH } from './handover-codes.js';
import { appPaths } from './paths.js';
import { text, type TextKey } from './texts.js';

/** A document of an app: "<heading> – <app title>", or the heading alone without an app. */
export function appDocument(
  language: Language,
  heading: string,
  body: Html,
  options: { app?: EidApp; languagesFor?: string; status?: number } = {},
): RenderedPage {
  const title =
    options.app === undefined
      ? heading
      : text(language, 'documentTitle', {
          page: heading,
          app: localized(options.app.title, language),
        });
  return documentPage(
    {
      language,
      title,
      body,
      ...(options.languagesFor !== undefined && { languagesFor: options.languagesFor }),
    },
    options.status,
  );
}

/** What the card is asked for, in plain words, derived from the kind as the request is. */
function askedData(app: EidApp, language: Language): Html {
  const settings = app.settings;
  const items =
    settings.kind === 'form'
      ? settings.cardData.map((item) => fieldLabel(item, language))
      : settings.kind === 'access'
        ? [text(language, 'dataPseudonym')]
        : [text(language, 'dataAge', { age: String(settings.minimumAge) })];
  return html`<p>${text(language, 'appDataIntro')}</p>
    <ul class="asked">
      ${items.map((item) => html`<li>${item}</li>`)}
    </ul>`;
}

/**
 * The citizen types the registration code a door app's member gave out. The form comes back to
 * the app's page, which then offers the start as a link: a form whose answer redirected to the
 * eID-Client and on to the kiosk's screens would be stopped by its own form-action policy.
 */
function codeForm(app: EidApp, language: Language, code: string, invalid: boolean): Html {
  return html`<form class="code-form" method="get" action="${appPaths.app(app.id)}">
    <input type="hidden" name="lang" value="${language}" />
    <p class="field ${invalid ? 'invalid' : ''}">
      <label for="code">${text(language, 'codeLabel')}</label>
      <span class="hint" id="code-hint">${text(language, 'codeHint')}</span>
      ${invalid ? html`<span class="field-error" id="code-error">${text(language, 'codeInvalid')}</span>` : ''}
      <input
        id="code"
        name="code"
        class="code-input"
        value="${code}"
        required
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        maxlength="${HANDOVER_CODE_LENGTH + 2}"
        aria-describedby="code-hint${invalid ? ' code-error' : ''}"
        ${invalid ? html`aria-invalid="true" autofocus` : ''}
      />
    </p>
    <p class="actions">
      <button class="button" type="submit">${text(language, 'continueButton')}</button>
    </p>
  </form>`;
}

/** A well-formed code: the start, with the way back to type another. */
function codeAccepted(app: EidApp, language: Language, code: string): Html {
  const start = `${withLanguage(appPaths.start(app.id), language)}&code=${code}`;
  return html`<p class="code-accepted">${text(language, 'codeAccepted', { code })}</p>
    <p class="actions">
      ${linkButton(start, text(language, 'appStartButton'))}
      ${linkButton(withLanguage(appPaths.app(app.id), language), text(language, 'otherCodeButton'), 'secondary')}
    </p>`;
}

/** What a door app's page got as its code: none yet, a well-formed one, or one to correct. */
export type CodeEntry = { code: string; state: 'none' | 'accepted' | 'invalid' };

export function codeEntry(typed: string): CodeEntry {
  if (typed === '') return { code: '', state: 'none' };
  return { code: typed, state: /^[A-Z0-9]{8}$/.test(typed) ? 'accepted' : 'invalid' };
}

/** Title, purpose, the data asked for, and the start (for a door app, after the code). */
export function appPage(
  app: EidApp,
  language: Language,
  access: CodeEntry = { code: '', state: 'none' },
): RenderedPage {
  const heading = localized(app.title, language);
  const start =
    app.settings.kind === 'access'
      ? access.state === 'accepted'
        ? codeAccepted(app, language, access.code)
        : codeForm(app, language, access.code, access.state === 'invalid')
      : linkButton(
          withLanguage(appPaths.start(app.id), language),
          text(language, 'appStartButton'),
        );
  const body = html`<h1>${heading}</h1>
    <p class="purpose">${localized(app.purpose, language)}</p>
    ${askedData(app, language)}
    <p class="prepare">${text(language, 'startPrepare')}</p>
    ${start}`;
  return {
    ...appDocument(language, heading, body, { languagesFor: appPaths.app(app.id) }),
    status: access.state === 'invalid' ? 400 : 200,
  };
}

export interface OutcomeText {
  heading: TextKey;
  explanation: TextKey;
  action?: TextKey;
  headingValues?: Record<string, string>;
}

/** What happened, a sentence on why, and the way back to the app's page. */
export function outcomePage(
  language: Language,
  tone: Tone,
  keys: OutcomeText,
  options: { app?: EidApp; status?: number; reason?: FailureReason } = {},
): RenderedPage {
  const heading = text(language, keys.heading, keys.headingValues);
  const { app, reason } = options;
  const back =
    app === undefined || keys.action === undefined
      ? ''
      : linkButton(withLanguage(appPaths.app(app.id), language), text(language, keys.action));
  const body = html`${noticeBody(tone, heading, text(language, keys.explanation), reason && { name: 'reason', value: reason })}
  ${back}`;
  return appDocument(language, heading, body, {
    ...(app && { app }),
    ...(options.status !== undefined && { status: options.status }),
  });
}

export const notAvailablePage = (language: Language) =>
  outcomePage(
    language,
    'notice',
    { heading: 'notAvailableTitle', explanation: 'notAvailableText' },
    { status: 404 },
  );

export const unreachablePage = (language: Language) =>
  outcomePage(
    language,
    'problem',
    { heading: 'unreachableTitle', explanation: 'busyText' },
    { status: 503 },
  );

export const busyPage = (app: EidApp, language: Language) =>
  outcomePage(
    language,
    'notice',
    { heading: 'busyTitle', explanation: 'busyText', action: 'backToStart' },
    { app, status: 503 },
  );

export const gonePage = (language: Language, app?: EidApp) =>
  outcomePage(
    language,
    'notice',
    { heading: 'goneTitle', explanation: 'goneText', action: 'startAgain' },
    { ...(app && { app }), status: 404 },
  );

export const pendingPage = (app: EidApp, language: Language) =>
  outcomePage(
    language,
    'notice',
    { heading: 'pendingTitle', explanation: 'pendingText', action: 'tryAgain' },
    { app },
  );

export const cancelledPage = (app: EidApp, language: Language) =>
  outcomePage(
    language,
    'notice',
    { heading: 'cancelledTitle', explanation: 'cancelledText', action: 'tryAgain' },
    { app },
  );

export const failedPage = (app: EidApp, language: Language, reason: FailureReason) =>
  outcomePage(
    language,
    'problem',
    { heading: 'failedTitle', explanation: failureHints[reason], action: 'tryAgain' },
    { app, reason },
  );

/** The access points' RefreshAddress, and where a citizen ends: nothing more to do. */
export const finishedPage = (language: Language) =>
  outcomePage(language, 'success', { heading: 'finishedTitle', explanation: 'removeCard' });

/** The door app's answer: registered under the member's label, or why not. */
export function registrationPage(
  app: EidApp,
  language: Language,
  outcome: RegistrationOutcome | { kind: 'hub-unreachable' },
): RenderedPage {
  switch (outcome.kind) {
    case 'registered':
      return outcomePage(
        language,
        'success',
        {
          heading: 'registeredTitle',
          headingValues: { label: outcome.label },
          explanation: 'registeredText',
        },
        { app },
      );
    case 'code-unknown':
    case 'code-used':
    case 'code-expired': {
      const heading = (
        {
          'code-unknown': 'codeUnknownTitle',
          'code-used': 'codeUsedTitle',
          'code-expired': 'codeExpiredTitle',
        } as const
      )[outcome.kind];
      return outcomePage(
        language,
        'problem',
        { heading, explanation: 'codeHelp', action: 'startAgain' },
        { app, status: 409 },
      );
    }
    case 'app-unavailable':
      return notAvailablePage(language);
    case 'hub-unreachable':
      return outcomePage(
        language,
        'problem',
        { heading: 'registrationUnavailableTitle', explanation: 'busyText', action: 'tryAgain' },
        { app, status: 503 },
      );
  }
}

/** The age app's answer, yes or no; the date of birth was never asked for. */
export function agePage(
  app: EidApp,
  language: Language,
  older: boolean,
  age: number,
): RenderedPage {
  return outcomePage(
    language,
    older ? 'success' : 'problem',
    {
      heading: older ? 'ageYes' : 'ageNo',
      headingValues: { age: String(age) },
      explanation: 'ageNote',
      action: 'startAgain',
    },
    { app },
  );
}
