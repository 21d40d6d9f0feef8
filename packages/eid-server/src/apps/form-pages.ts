import type { EidApp, FormField } from '@sidbox/protocol';
import type { AuthenticationResult } from '../authentication-result.js';
import { formatPartialDate } from '../pages/format.js';
import { html, type Html } from '../pages/html.js';
import { localized, withLanguage, type Language } from '../pages/language.js';
import { headingWithIcon } from '../pages/layout.js';
import { personalDataList } from '../pages/personal-data-view.js';
import type { RenderedPage } from '../pages/send-page.js';
import { maxLength, type FieldProblem } from './form-input.js';
import { HANDOVER_CODE_LENGTH } from './handover-codes.js';
import { linkButton } from '../pages/notice.js';
import { appDocument } from './pages.js';
import { appPaths } from './paths.js';
import { text } from './texts.js';

/** A form app's data in memory: the card's answer (only what the form shows) and the typed values. */
export interface FormDraft {
  app: EidApp & { settings: { kind: 'form' } };
  card: AuthenticationResult;
  values: Record<string, string>;
}

const formSettings = (draft: FormDraft) => draft.app.settings;

function cardSection(draft: FormDraft, language: Language): Html {
  return html`<section class="form-part" aria-labelledby="from-card">
    <h2 id="from-card">${text(language, 'fromCard')}</h2>
    ${personalDataList(draft.card, language, formSettings(draft).cardData)}
  </section>`;
}

const inputTypes: Record<FormField['type'], string> = {
  text: 'text',
  textarea: 'text',
  date: 'date',
  number: 'text',
  email: 'email',
};

function input(field: FormField, language: Language, value: string, problem?: FieldProblem): Html {
  const id = `field-${field.id}`;
  const described = problem === undefined ? '' : `${id}-error`;
  const common = html`id="${id}" name="${field.id}" maxlength="${maxLength[field.type]}"
  ${field.required ? 'required' : ''}
  ${problem === undefined ? '' : html`aria-invalid="true" aria-describedby="${described}"`}`;
  const control =
    field.type === 'textarea'
      ? html`<textarea ${common} rows="4">${value}</textarea>`
      : html`<input
          ${common}
          type="${inputTypes[field.type]}"
          value="${value}"
          ${field.type === 'number' ? html`inputmode="decimal"` : ''}
        />`;
  return html`<p class="field ${problem === undefined ? '' : 'invalid'}">
    <label for="${id}"
      >${localized(field.label, language)}${
        field.required
          ? html` <span class="required">(${text(language, 'requiredField')})</span>`
          : ''
      }</label
    >
    ${
      problem === undefined
        ? ''
        : html`<span class="field-error" id="${described}"
            >${text(language, problem, { max: String(maxLength[field.type]) })}</span
          >`
    }
    ${control}
  </p>`;
}

/** The card data read-only, the member's fields to fill in, and "Weiter" to the check page. */
export function formPage(
  draft: FormDraft,
  token: string,
  language: Language,
  problems: Record<string, FieldProblem> = {},
): RenderedPage {
  const { app } = draft;
  const heading = localized(app.title, language);
  const fields = formSettings(draft).fields;
  const hasProblems = Object.keys(problems).length > 0;
  const body = html`<h1>${heading}</h1>
    <p>${text(language, 'formIntro')}</p>
    ${hasProblems ? html`<p class="error-summary" role="alert">${text(language, 'formHasErrors')}</p>` : ''}
    ${cardSection(draft, language)}
    <form method="post" action="${withLanguage(appPaths.form(app.id, token), language)}" novalidate>
      ${
        fields.length === 0
          ? ''
          : html`<fieldset class="form-part">
              <legend>${text(language, 'yourDetails')}</legend>
              ${fields.map((field) => input(field, language, draft.values[field.id] ?? '', problems[field.id]))}
            </fieldset>`
      }
      <p class="actions">
        <button class="button" type="submit">${text(language, 'continueButton')}</button>
      </p>
    </form>`;
  return {
    ...appDocument(language, heading, body, { app, languagesFor: appPaths.form(app.id, token) }),
    status: hasProblems ? 400 : 200,
  };
}

/** A typed value as the reader expects it: a date like the card's dates (24.12.2026). */
function shownValue(field: FormField, value: string, language: Language): string {
  if (field.type !== 'date') return value;
  // The input checked it: YYYY-MM-DD (form-input.ts).
  const [year = 0, month = 1, day = 1] = value.split('-').map(Number);
  return formatPartialDate({ year, month, day, iso: value }, language);
}

/**
 * Everything on the form as a definition list: the card's data, then the member's fields that
 * were filled in (an optional field left empty is not a line of the form).
 */
function filledForm(draft: FormDraft, language: Language): Html {
  const fields = formSettings(draft).fields.filter(
    (field) => (draft.values[field.id] ?? '') !== '',
  );
  return html`${cardSection(draft, language)}
  ${
    fields.length === 0
      ? ''
      : html`<section class="form-part" aria-labelledby="your-details">
          <h2 id="your-details">${text(language, 'yourDetails')}</h2>
          <dl class="card-data">
            ${fields.map((field) => {
              const value = shownValue(field, draft.values[field.id] ?? '', language);
              return html`<div data-field="${field.id}">
                <dt>${localized(field.label, language)}</dt>
                <dd class="typed"><bdi>${value}</bdi></dd>
              </div>`;
            })}
          </dl>
        </section>`
  }`;
}

function postButton(
  action: string,
  label: string,
  kind: 'primary' | 'secondary' = 'primary',
): Html {
  return html`<form method="post" action="${action}" class="inline">
    <button class="button ${kind === 'secondary' ? 'secondary' : ''}" type="submit">
      ${label}
    </button>
  </form>`;
}

/**
 * The whole form to check: "Korrigieren" back to the inputs (values kept), then, for print, the
 * hint to tap the kiosk bar's "Drucken" and "Fertig"; for a hand-over, the hand-over button.
 */
export function checkPage(draft: FormDraft, token: string, language: Language): RenderedPage {
  const { app } = draft;
  const heading = localized(app.title, language);
  const print = formSettings(draft).output === 'print';
  const next = print
    ? postButton(
        withLanguage(appPaths.finish(app.id, token), language),
        text(language, 'doneButton'),
      )
    : postButton(
        withLanguage(appPaths.handOver(app.id, token), language),
        text(language, 'handoverButton'),
      );
  const body = html`<h1>${heading}</h1>
    <p class="no-print">${text(language, 'checkTitle')}</p>
    ${filledForm(draft, language)}
    ${print ? html`<p class="note no-print">${text(language, 'printHint')}</p>` : ''}
    <div class="actions no-print">
      <a class="button secondary" href="${withLanguage(appPaths.form(app.id, token), language)}"
        >${text(language, 'correctButton')}</a
      >
      ${next}
    </div>`;
  return appDocument(language, text(language, 'checkTitle'), body, {
    app,
    languagesFor: appPaths.check(app.id, token),
  });
}

export function handoverCodePage(app: EidApp, code: string, language: Language): RenderedPage {
  const heading = text(language, 'handoverTitle');
  const body = html`${headingWithIcon('success', heading)}
    <p class="handover-code" lang="en"><bdi>${code}</bdi></p>
    <p>${text(language, 'handoverText')}</p>`;
  return appDocument(language, heading, body, { app });
}

export function formDeletedPage(app: EidApp, language: Language): RenderedPage {
  const heading = text(language, 'formDeletedTitle');
  const body = html`${headingWithIcon('success', heading)}
    <p>${text(language, 'removeCard')}</p>`;
  return appDocument(language, heading, body, { app });
}

/** The reception types the guest's code; a wrong one says so and changes nothing. */
export function receptionPage(app: EidApp, language: Language, wrongCode = false): RenderedPage {
  const heading = text(language, 'receptionTitle');
  const body = html`<h1>${heading}</h1>
    <p class="purpose">${localized(app.title, language)}</p>
    <form method="post" action="${withLanguage(appPaths.reception(app.id), language)}">
      <p class="field ${wrongCode ? 'invalid' : ''}">
        <label for="code">${text(language, 'receptionCodeLabel')}</label>
        ${
          wrongCode
            ? html`<span class="field-error" id="code-error"
                >${text(language, 'receptionCodeWrong')}</span
              >`
            : ''
        }
        <input
          id="code"
          name="code"
          class="code-input"
          required
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          maxlength="${HANDOVER_CODE_LENGTH + 2}"
          ${wrongCode ? html`aria-invalid="true" aria-describedby="code-error" autofocus` : ''}
        />
      </p>
      <p class="actions">
        <button class="button" type="submit">${text(language, 'receptionShowButton')}</button>
      </p>
    </form>`;
  return {
    ...appDocument(language, heading, body, { app, languagesFor: appPaths.reception(app.id) }),
    status: wrongCode ? 404 : 200,
  };
}

/** The handed-over form, shown once to the reception. */
export function receivedFormPage(draft: FormDraft, language: Language): RenderedPage {
  const { app } = draft;
  const heading = localized(app.title, language);
  const body = html`<h1>${heading}</h1>
    <p class="note no-print">${text(language, 'receptionOnce')}</p>
    ${filledForm(draft, language)}
    ${linkButton(withLanguage(appPaths.reception(app.id), language), text(language, 'receptionTitle'), 'secondary')}`;
  return appDocument(language, heading, body, { app });
}
