/** What a card said, decoded: the values of getResult, in memory only and for one read. */

/** A date as the card holds it: the day or month may be unknown ("1964", "196408"). */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  /** ISO form of what is known: "1964-08-12", "1964-08" or "1964". */
  iso: string;
}

export type Place =
  | {
      kind: 'structured';
      street?: string;
      city: string;
      state?: string;
      country: string;
      zipCode?: string;
    }
  | { kind: 'freetext'; text: string }
  /** "keine Hauptwohnung in Deutschland" and the like: the card holds a reason, not a place. */
  | { kind: 'none'; text: string };

export interface PersonalData {
  documentType?: string;
  issuingState?: string;
  dateOfExpiry?: PartialDate;
  givenNames?: string;
  familyNames?: string;
  artisticName?: string;
  academicTitle?: string;
  dateOfBirth?: PartialDate;
  placeOfBirth?: Place;
  nationality?: string;
  birthName?: string;
  placeOfResidence?: Place;
  /** The municipality id as hex digits (e.g. "02760503150000"). */
  communityId?: string;
  residencePermitI?: string;
  residencePermitII?: string;
  phoneNumber?: string;
  emailAddress?: string;
}
