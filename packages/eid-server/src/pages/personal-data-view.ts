import type { AuthenticationResult } from '../authentication-result.js';
import type { Place } from '../personal-data.js';
import { formatPartialDate } from './format.js';
import { html, type Html } from './html.js';
import { text, type Language, type TextKey } from './texts.js';

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

type ShownField = 'givenNames' | 'familyNames' | 'dateOfBirth' | 'placeOfResidence';

/**
 * What the card said, as a definition list. A field the citizen deselected says so, and one the
 * card does not hold says that instead. The card's words are isolated (`<bdi>`), so that a Latin
 * address reads "51147 KÖLN" on an Arabic page too.
 */
export function personalDataList(result: AuthenticationResult, language: Language): Html {
  const data = result.personalData;
  const values: Record<ShownField, Html | string | undefined> = {
    givenNames: data.givenNames ? html`<bdi>${data.givenNames}</bdi>` : undefined,
    familyNames: data.familyNames ? html`<bdi>${data.familyNames}</bdi>` : undefined,
    dateOfBirth: data.dateOfBirth && formatPartialDate(data.dateOfBirth, language),
    placeOfResidence: data.placeOfResidence && place(data.placeOfResidence, language),
  };
  const labels: Record<ShownField, TextKey> = {
    givenNames: 'labelGivenNames',
    familyNames: 'labelFamilyNames',
    dateOfBirth: 'labelDateOfBirth',
    placeOfResidence: 'labelAddress',
  };
  const rows = (Object.keys(labels) as ShownField[]).map((field) => {
    const value = values[field];
    const missing: TextKey =
      result.operationsAllowedByUser[field] === 'NOTONCHIP' ? 'notOnCard' : 'notTransmitted';
    return html`<div data-field="${field}">
      <dt>${text(language, labels[field])}</dt>
      ${
        value === undefined
          ? html`<dd class="missing">${text(language, missing)}</dd>`
          : html`<dd>${value}</dd>`
      }
    </div>`;
  });
  return html`<dl class="card-data">${rows}</dl>`;
}
