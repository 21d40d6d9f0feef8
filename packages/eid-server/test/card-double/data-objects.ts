import { decodeTlvs, type Tlv } from '../../src/asn1/tlv.js';
import { oidContent } from '../../src/asn1/oids.js';

/** The data objects of a command's data field, by tag; malformed data gives none. */
export function objects(data: Buffer | undefined): Map<number, Tlv> {
  try {
    return new Map((data === undefined ? [] : decodeTlvs(data)).map((tlv) => [tlv.tag, tlv]));
  } catch {
    return new Map();
  }
}

/** The children of a constructed data object such as 7C or A0. */
export function childrenOf(tlv: Tlv | undefined): Map<number, Tlv> {
  return objects(tlv?.value);
}

/** Whether a data object holds exactly this OID. */
export function holdsOid(tlv: Tlv | undefined, oid: string): boolean {
  return tlv?.value.equals(oidContent(oid)) ?? false;
}
