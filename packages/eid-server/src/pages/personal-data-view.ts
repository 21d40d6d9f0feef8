import { formCardData } from '@sidbox/protocol';
import type { AuthenticationResult } from '../authentication-result.js';
import type { PersonalData, Place } from '../personal-data.js';
import { formatPartialDate } from './format.js';
import { html, type Html } from './html.js';
import type { Language } from './language.js';
import { sharedTexts, translate } from './texts.js';

type SharedKey = keyof typeof sharedTexts;
const text = (language: Language, key: SharedKey, values?: Record<string, string>) =>
  translate(sharedTexts, language, key, values);

/** The card's country code for Germany (ICAO 9303). */
const GERMANY = 'D';

function place(value: Place, language: Language): Html {
  switch (value.kind) {
    case 'structured': {
      const { street, zipCode, city, state, country } = value;
      const lines = [
        street,
        [zipCode, city].filter(Boolean).join(' '),
        state,
        country === GERMANY ? undefined : text(language, 'addressCountry', { country }),
      ];
      return html`${lines.map((line) => line && html`<span class="line"><bdi>${line}</bdi></span>`)}`;
    }
    case 'freetext':
      return html`<span class="freetext"><bdi>${value.text}</bdi></span>`;
    case 'none':
      return html`<span class="line">${text(language, 'addressNone')}</span>
        <span class="line" lang="de"><bdi>${value.text}</bdi></span>`;
  }
}

/** The card data a page can show, in the order a form lists them: what a form may ask for. */
export const shownFields = formCardData satisfies readonly (keyof PersonalData)[];
export type ShownField = (typeof shownFields)[number];

export const fieldLabels: Record<ShownField, SharedKey> = {
  academicTitle: 'labelAcademicTitle',
  givenNames: 'labelGivenNames',
  familyNames: 'labelFamilyNames',
  birthName: 'labelBirthName',
  dateOfBirth: 'labelDateOfBirth',
  placeOfBirth: 'labelPlaceOfBirth',
  nationality: 'labelNationality',
  placeOfResidence: 'labelAddress',
};

/** A field's label in a language. */
export const fieldLabel = (field: ShownField, language: Language): string =>
  text(language, fieldLabels[field]);

function shownValue(data: PersonalData, field: ShownField, language: Language): Html | undefined {
  switch (field) {
    case 'dateOfBirth':
      return data.dateOfBirth && html`${formatPartialDate(data.dateOfBirth, language)}`;
    case 'placeOfBirth':
    case 'placeOfResidence': {
      const value = data[field];
      return value && place(value, language);
    }
    default: {
      const value = data[field];
      return value ? html`<bdi>${value}</bdi>` : undefined;
    }
  }
}

/**
 * What the card said, as a definition list of the given fields. A field the citizen deselected
 * says so, and one the card does not hold says that instead. The card's words are isolated
 * (`<bdi>`), so that a Latin address reads "51147 KÖLN" on an Arabic page too.
 */
export function personalDataList(
  result: AuthenticationResult,
  language: Language,
  fields: readonly ShownField[] = ['givenNames', 'familyNames', 'dateOfBirth', 'placeOfResidence'],
): Html {
  const rows = fields.map((field) => {
    const value = shownValue(result.personalData, field, language);
    const missing: SharedKey =
      result.operationsAllowedByUser[field] === 'NOTONCHIP' ? 'notOnCard' : 'notTransmitted';
    return html`<div data-field="${field}">
      <dt>${fieldLabel(field, language)}</dt>
      ${
        value === undefined
          ? html`<dd class="missing">${text(language, missing)}</dd>`
          : html`<dd>${value}</dd>`
      }
    </div>`;
  });
  return html`<dl class="card-data">${rows}</dl>`;
}
