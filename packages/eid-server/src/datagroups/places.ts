import { decodeTlvs, findTlv, type Tlv } from '../asn1/tlv.js';
import type { Place } from '../personal-data.js';
import { DataGroupError } from './datagroup-error.js';
import { decodeString, onlyChild } from './strings.js';

/** GeneralPlace ::= CHOICE { structuredPlace Place, freetextPlace [1], noPlaceInfo [2] }. */
const structuredPlaceTag = 0x30;
const freetextPlaceTag = 0xa1;
const noPlaceInfoTag = 0xa2;

/** Place ::= SEQUENCE { street [10], city [11], state [12], country [13], zipCode [14] }. */
const placeFieldTags = { street: 0xaa, city: 0xab, state: 0xac, country: 0xad, zipCode: 0xae };

/**
 * Written as free text by some authorities instead of as noPlaceInfo; either way the card holds a
 * reason, not a place.
 */
const noMainResidence = 'keine hauptwohnung in deutschland';

function field(children: readonly Tlv[], tag: number): string | undefined {
  const found = findTlv(children, tag);
  return found === undefined ? undefined : decodeString(onlyChild(found));
}

function structuredPlace(sequence: Tlv): Place {
  const children = decodeTlvs(sequence.value);
  const known = new Set(Object.values(placeFieldTags));
  if (children.some((child) => !known.has(child.tag)))
    throw new DataGroupError('malformed', 'unknown field in a structured place');
  const city = field(children, placeFieldTags.city);
  const country = field(children, placeFieldTags.country);
  if (city === undefined || country === undefined)
    throw new DataGroupError('malformed', 'structured place without city or country');
  const street = field(children, placeFieldTags.street);
  const state = field(children, placeFieldTags.state);
  const zipCode = field(children, placeFieldTags.zipCode);
  return {
    kind: 'structured',
    ...(street === undefined ? {} : { street }),
    city,
    ...(state === undefined ? {} : { state }),
    country,
    ...(zipCode === undefined ? {} : { zipCode }),
  };
}

/** A GeneralPlace (place of birth, place of residence). */
export function decodeGeneralPlace(tlv: Tlv): Place {
  switch (tlv.tag) {
    case structuredPlaceTag:
      return structuredPlace(tlv);
    case freetextPlaceTag: {
      const text = decodeString(onlyChild(tlv));
      const isNoPlace = text.trim().toLowerCase() === noMainResidence;
      return { kind: isNoPlace ? 'none' : 'freetext', text };
    }
    case noPlaceInfoTag:
      return { kind: 'none', text: decodeString(onlyChild(tlv)) };
    default:
      throw new DataGroupError('malformed', 'expected a GeneralPlace');
  }
}
