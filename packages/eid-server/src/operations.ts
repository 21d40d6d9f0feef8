/**
 * What an eService may ask of a card, by TR-03130's names (camelCase): each is read from a data
 * group, computed by the card (pseudonym, verifications), or not asked for.
 */
export const operationNames = [
  'documentType',
  'issuingState',
  'dateOfExpiry',
  'givenNames',
  'familyNames',
  'artisticName',
  'academicTitle',
  'dateOfBirth',
  'placeOfBirth',
  'nationality',
  'birthName',
  'placeOfResidence',
  'communityId',
  'residencePermitI',
  'residencePermitII',
  'phoneNumber',
  'emailAddress',
  'restrictedId',
  'ageVerification',
  'placeVerification',
] as const;
export type OperationName = (typeof operationNames)[number];

/** REQUIRED: the citizen cannot deselect it; ALLOWED: the citizen may; PROHIBITED: never asked. */
export type OperationSelection = 'REQUIRED' | 'ALLOWED' | 'PROHIBITED';

export type RequestedOperations = Partial<Record<OperationName, OperationSelection>>;
