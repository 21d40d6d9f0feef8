import type { OperationName } from '../operations.js';

export const EID_NAMESPACE = 'http://bsi.bund.de/eID/';

/**
 * Our operations by their TR-03130 element names, in the XSD's sequence order (eID-Server WSDL
 * 2.0, as in Governikus' eIDAS middleware). The XSD names the community id MunicipalityID.
 */
export const tr03130OperationNames: readonly (readonly [OperationName, string])[] = [
  ['documentType', 'DocumentType'],
  ['issuingState', 'IssuingState'],
  ['dateOfExpiry', 'DateOfExpiry'],
  ['givenNames', 'GivenNames'],
  ['familyNames', 'FamilyNames'],
  ['artisticName', 'ArtisticName'],
  ['academicTitle', 'AcademicTitle'],
  ['dateOfBirth', 'DateOfBirth'],
  ['placeOfBirth', 'PlaceOfBirth'],
  ['nationality', 'Nationality'],
  ['birthName', 'BirthName'],
  ['placeOfResidence', 'PlaceOfResidence'],
  ['communityId', 'MunicipalityID'],
  ['residencePermitI', 'ResidencePermitI'],
  ['residencePermitII', 'ResidencePermitII'],
  ['phoneNumber', 'PhoneNumber'],
  ['emailAddress', 'EmailAddress'],
  ['restrictedId', 'RestrictedID'],
  ['ageVerification', 'AgeVerification'],
  ['placeVerification', 'PlaceVerification'],
];

/** Elements the XSD marks mandatory in OperationsSelectorType/OperationsResponderType. */
export const mandatoryOperationElements: ReadonlySet<string> = new Set([
  'DocumentType',
  'IssuingState',
  'DateOfExpiry',
  'GivenNames',
  'FamilyNames',
  'ArtisticName',
  'AcademicTitle',
  'DateOfBirth',
  'PlaceOfBirth',
  'Nationality',
  'BirthName',
  'PlaceOfResidence',
  'ResidencePermitI',
  'RestrictedID',
  'AgeVerification',
  'PlaceVerification',
]);

const RESULT_MINOR = 'http://www.bsi.bund.de/eid/server/2.0/resultminor';

/** TR-03130 ResultMinor codes of the eID web service. */
export const eidResultMinor = {
  schemaViolation: `${RESULT_MINOR}/common#schemaViolation`,
  internalError: `${RESULT_MINOR}/common#internalError`,
  invalidPsk: `${RESULT_MINOR}/useID#invalidPSK`,
  tooManyOpenSessions: `${RESULT_MINOR}/useID#tooManyOpenSessions`,
  missingArgument: `${RESULT_MINOR}/useID#missingArgument`,
  missingTerminalRights: `${RESULT_MINOR}/useID#missingTerminalRights`,
  noResultYet: `${RESULT_MINOR}/getResult#noResultYet`,
  invalidSession: `${RESULT_MINOR}/getResult#invalidSession`,
  invalidCounter: `${RESULT_MINOR}/getResult#invalidCounter`,
  invalidDocument: `${RESULT_MINOR}/getResult#invalidDocument`,
  /** The eCard-API code AusweisApp reports when the citizen cancels, passed on as it is. */
  cancellationByUser: 'http://www.bsi.bund.de/ecard/api/1.1/resultminor/sal#cancellationByUser',
} as const;
