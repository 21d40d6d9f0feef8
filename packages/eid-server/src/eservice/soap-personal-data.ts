import type { PartialDate, PersonalData, Place } from '../personal-data.js';
import { hexBinary, parseHexBinary } from '../xml/hex-binary.js';
import { el, type XmlFragment } from '../xml/write.js';
import { SoapError } from './soap-error.js';

function digits(value: number | undefined, width: number): string {
  return value === undefined ? ' '.repeat(width) : String(value).padStart(width, '0');
}

function isComplete(date: PartialDate): boolean {
  return date.month !== undefined && date.day !== undefined;
}

function isoDate(date: PartialDate): string {
  return `${digits(date.year, 4)}-${digits(date.month, 2)}-${digits(date.day, 2)}`;
}

/** GeneralDateType: the card's YYYYMMDD with blanks for what is unknown, a date when complete. */
function generalDate(name: string, date: PartialDate): XmlFragment {
  return el(`eid:${name}`, [
    el('eid:DateString', digits(date.year, 4) + digits(date.month, 2) + digits(date.day, 2)),
    isComplete(date) ? el('eid:DateValue', isoDate(date)) : undefined,
  ]);
}

/** DateOfExpiry is a plain xs:date: a partial one cannot be written. */
function plainDate(name: string, date: PartialDate): XmlFragment {
  if (!isComplete(date)) throw new SoapError('invalid-value', `${name} is not a complete date`);
  return el(`eid:${name}`, isoDate(date));
}

function generalPlace(name: string, place: Place): XmlFragment {
  switch (place.kind) {
    case 'structured':
      return el(
        `eid:${name}`,
        el('eid:StructuredPlace', [
          optionalText('Street', place.street),
          el('eid:City', place.city),
          optionalText('State', place.state),
          el('eid:Country', place.country),
          optionalText('ZipCode', place.zipCode),
        ]),
      );
    case 'freetext':
      return el(`eid:${name}`, el('eid:FreetextPlace', place.text));
    case 'none':
      return el(`eid:${name}`, el('eid:NoPlaceInfo', place.text));
  }
}

function optionalText(name: string, value: string | undefined): XmlFragment | undefined {
  return value === undefined ? undefined : el(`eid:${name}`, value);
}

function municipalityId(communityId: string): XmlFragment {
  const bytes = parseHexBinary(communityId);
  if (bytes === undefined) throw new SoapError('invalid-value', 'communityId is not hex');
  return el('eid:MunicipalityID', hexBinary(bytes));
}

function optional<T>(value: T | undefined, write: (present: T) => XmlFragment) {
  return value === undefined ? undefined : write(value);
}

/** PersonalDataType, elements in the XSD's order. */
export function personalDataXml(data: PersonalData, restrictedId?: Buffer): XmlFragment {
  return el('eid:PersonalData', [
    optionalText('DocumentType', data.documentType),
    optionalText('IssuingState', data.issuingState),
    optional(data.dateOfExpiry, (date) => plainDate('DateOfExpiry', date)),
    optionalText('GivenNames', data.givenNames),
    optionalText('FamilyNames', data.familyNames),
    optionalText('ArtisticName', data.artisticName),
    optionalText('AcademicTitle', data.academicTitle),
    optional(data.dateOfBirth, (date) => generalDate('DateOfBirth', date)),
    optional(data.placeOfBirth, (place) => generalPlace('PlaceOfBirth', place)),
    optionalText('Nationality', data.nationality),
    optionalText('BirthName', data.birthName),
    optional(data.placeOfResidence, (place) => generalPlace('PlaceOfResidence', place)),
    optional(data.communityId, municipalityId),
    optionalText('ResidencePermitI', data.residencePermitI),
    optionalText('ResidencePermitII', data.residencePermitII),
    optionalText('PhoneNumber', data.phoneNumber),
    optionalText('EmailAddress', data.emailAddress),
    optional(restrictedId, (id) => el('eid:RestrictedID', el('eid:ID', hexBinary(id)))),
  ]);
}
