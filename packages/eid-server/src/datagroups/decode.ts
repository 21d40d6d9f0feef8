import * as asn1js from 'asn1js';
import { Asn1Error, decodeTlv, type Tlv } from '../asn1/tlv.js';
import type { PersonalData } from '../personal-data.js';
import { DataGroupError } from './datagroup-error.js';
import { parseDate, parseGeneralDate } from './dates.js';
import { decodeGeneralPlace } from './places.js';
import { decodeString, onlyChild } from './strings.js';
import { decodeText } from './text.js';

type Decoder = (inner: Tlv) => PersonalData;

const multipleResidencesTag = 0x31;
const octetStringTag = 0x04;

/** Each eID data group this server reads, by number: what its one inner object means. */
const decoders: ReadonlyMap<number, Decoder> = new Map<number, Decoder>([
  [1, (inner) => ({ documentType: decodeString(inner) })],
  [2, (inner) => ({ issuingState: decodeString(inner) })],
  [3, (inner) => ({ dateOfExpiry: parseDate(decodeString(inner)) })],
  [4, (inner) => ({ givenNames: decodeString(inner) })],
  [5, (inner) => ({ familyNames: decodeString(inner) })],
  [6, (inner) => ({ artisticName: decodeString(inner) })],
  [7, (inner) => ({ academicTitle: decodeString(inner) })],
  [8, dateOfBirth],
  [9, (inner) => ({ placeOfBirth: decodeGeneralPlace(inner) })],
  [10, (inner) => ({ nationality: decodeString(inner) })],
  [13, (inner) => ({ birthName: decodeString(inner) })],
  [17, placeOfResidence],
  [18, communityId],
  [19, (inner) => ({ residencePermitI: decodeText(inner) })],
  [20, (inner) => ({ residencePermitII: decodeText(inner) })],
  [21, (inner) => ({ phoneNumber: decodeString(inner) })],
  [22, (inner) => ({ emailAddress: decodeString(inner) })],
]);

/** The data groups decodeDataGroup understands. */
export const decodableDataGroups: readonly number[] = [...decoders.keys()];

function dateOfBirth(inner: Tlv): PersonalData {
  const date = parseGeneralDate(decodeString(inner));
  return date === undefined ? {} : { dateOfBirth: date };
}

function placeOfResidence(inner: Tlv): PersonalData {
  // multResidence (a SET OF GeneralPlace) has no place in PersonalData's single address.
  if (inner.tag === multipleResidencesTag)
    throw new DataGroupError('unsupported', 'more than one place of residence');
  return { placeOfResidence: decodeGeneralPlace(inner) };
}

function communityId(inner: Tlv): PersonalData {
  if (inner.tag !== octetStringTag) throw new DataGroupError('malformed', 'expected OCTET STRING');
  return { communityId: inner.value.toString('hex').toUpperCase() };
}

/** APPLICATION n, constructed: DG1 = 0x61 … DG22 = 0x76. */
function dataGroupTag(dg: number): number {
  return 0x60 | dg;
}

/**
 * The file's one object. Files may be longer than their content and are then padded with zero
 * bytes; a file of zeros only holds nothing (undefined).
 */
function fileObject(dg: number, bytes: Buffer): Tlv | undefined {
  if (bytes.every((byte) => byte === 0)) return undefined;
  const { offset } = asn1js.fromBER(bytes);
  if (offset <= 0) throw new DataGroupError('malformed', 'not a TLV object');
  if (!bytes.subarray(offset).every((byte) => byte === 0))
    throw new DataGroupError('malformed', 'data after the object');
  return decodeTlv(bytes.subarray(0, offset), dataGroupTag(dg));
}

/**
 * The content of one eID data group file (what READ BINARY returned), decoded to the fields of
 * PersonalData it holds: `{ givenNames: 'ERIKA' }`. An empty or zero-filled file gives `{}`.
 * Throws DataGroupError, never anything else, whatever the bytes.
 */
export function decodeDataGroup(dg: number, bytes: Buffer): PersonalData {
  const decoder = decoders.get(dg);
  if (decoder === undefined)
    throw new DataGroupError('unknownDataGroup', 'not a decodable data group', dg);
  try {
    const file = fileObject(dg, bytes);
    return file === undefined ? {} : decoder(onlyChild(file));
  } catch (error) {
    if (error instanceof DataGroupError) throw new DataGroupError(error.code, error.reason, dg);
    // Asn1Error names tags and offsets only, never content.
    if (error instanceof Asn1Error) throw new DataGroupError('malformed', error.message, dg);
    throw new DataGroupError('malformed', 'undecodable', dg);
  }
}
