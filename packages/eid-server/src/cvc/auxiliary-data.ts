import { decodeTlv, decodeTlvs, encodeTlv } from '../asn1/tlv.js';
import { oidContent, oidFromContent, oids } from '../asn1/oids.js';
import { CvcError } from './cvc-error.js';

/**
 * The authenticated auxiliary data of Terminal Authentication (TR-03110-3 A.6.5):
 * 67 { 73 { 06 oid, 53 value } … } for age verification, document validity and community ID.
 */
export interface AuxiliaryData {
  /** Born on or before this day: 'YYYYMMDD'. */
  ageVerificationDate?: string;
  /** Hex, the leading digits of the community ID to match, e.g. '02760400110000'. */
  communityId?: string;
  /** Valid on this day: 'YYYYMMDD'. */
  validityDate?: string;
}

const DATE = /^\d{8}$/;
const COMMUNITY_ID = /^(?:[0-9a-fA-F]{2}){1,7}$/;

function invalid(what: string): CvcError {
  return new CvcError('malformed-auxiliary-data', what);
}

function dateValue(date: string): Buffer {
  const month = Number(date.slice(4, 6));
  const day = Number(date.slice(6));
  const parsed = new Date(Date.UTC(Number(date.slice(0, 4)), month - 1, day));
  if (!DATE.test(date) || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) {
    throw invalid('an auxiliary date is a calendar day YYYYMMDD');
  }
  return Buffer.from(date, 'ascii');
}

function communityIdValue(communityId: string): Buffer {
  if (!COMMUNITY_ID.test(communityId)) throw invalid('a community ID is 1–7 bytes in hex');
  return Buffer.from(communityId, 'hex');
}

function template(oid: string, value: Buffer): Buffer {
  return encodeTlv(0x73, [encodeTlv(0x06, oidContent(oid)), encodeTlv(0x53, value)]);
}

/** The 67 TLV, its templates in the order age, validity, community ID. */
export function encodeAuxiliaryData(data: AuxiliaryData): Buffer {
  const templates: Buffer[] = [];
  if (data.ageVerificationDate !== undefined) {
    templates.push(template(oids.auxDateOfBirth, dateValue(data.ageVerificationDate)));
  }
  if (data.validityDate !== undefined) {
    templates.push(template(oids.auxDateOfExpiry, dateValue(data.validityDate)));
  }
  if (data.communityId !== undefined) {
    templates.push(template(oids.auxCommunityId, communityIdValue(data.communityId)));
  }
  return encodeTlv(0x67, templates);
}

function parseTemplates(bytes: Buffer): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of decodeTlvs(decodeTlv(bytes, 0x67).value)) {
    const [type, value, ...rest] = entry.tag === 0x73 ? decodeTlvs(entry.value) : [];
    if (type?.tag !== 0x06 || value?.tag !== 0x53 || rest.length > 0) {
      throw invalid('an auxiliary data template is not 73 { 06, 53 }');
    }
    const oid = oidFromContent(type.value);
    if (found.has(oid)) throw invalid('an auxiliary data OID appears twice');
    found.set(oid, value.value);
  }
  return found;
}

function parseOrThrow(bytes: Buffer): Map<string, Buffer> {
  try {
    return parseTemplates(bytes);
  } catch (error) {
    if (error instanceof CvcError) throw error;
    throw invalid('not authenticated auxiliary data');
  }
}

/** The contents of a 67 TLV; unknown OIDs are refused, as AusweisApp does. */
export function parseAuxiliaryData(bytes: Buffer): AuxiliaryData {
  const templates = parseOrThrow(bytes);
  const data: AuxiliaryData = {};
  for (const [oid, value] of templates) {
    if (oid === oids.auxDateOfBirth) data.ageVerificationDate = value.toString('latin1');
    else if (oid === oids.auxDateOfExpiry) data.validityDate = value.toString('latin1');
    else if (oid === oids.auxCommunityId) data.communityId = value.toString('hex');
    else throw invalid('unknown auxiliary data OID');
  }
  for (const date of [data.ageVerificationDate, data.validityDate]) {
    if (date !== undefined) dateValue(date);
  }
  return data;
}
