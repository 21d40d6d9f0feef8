/**
 * Every access right AusweisApp names (SDK ACCESS_RIGHTS `chat`, up to 1.26) in plain words
 * from the catalogue. A right this list does not know is shown by its name, marked as such.
 */
export const accessRightIds = [
  'Address',
  'BirthName',
  'FamilyName',
  'GivenNames',
  'PlaceOfBirth',
  'DateOfBirth',
  'DoctoralDegree',
  'ArtisticName',
  'Pseudonym',
  'ValidUntil',
  'Nationality',
  'IssuingCountry',
  'DocumentType',
  'ResidencePermitI',
  'ResidencePermitII',
  'CommunityID',
  'AddressVerification',
  'AgeVerification',
  'WriteAddress',
  'WriteCommunityID',
  'WriteResidencePermitI',
  'WriteResidencePermitII',
  'CanAllowed',
  'PinManagement',
] as const;
export type AccessRightId = (typeof accessRightIds)[number];

export function accessRightKey(id: string): `right.${AccessRightId}` | null {
  return (accessRightIds as readonly string[]).includes(id)
    ? (`right.${id}` as `right.${AccessRightId}`)
    : null;
}
