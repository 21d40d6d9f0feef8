import { inflateSync } from 'node:zlib';
import { decodeTlv, type Tlv } from '../asn1/tlv.js';
import { DataGroupError } from './datagroup-error.js';
import { decodeString, onlyChild } from './strings.js';

/** Text ::= CHOICE { uncompressed [1] UTF8String, compressed [2] OCTET STRING (zlib) }. */
const uncompressedTag = 0xa1;
const compressedTag = 0xa2;
const octetStringTag = 0x04;

/** Far above any residence permit's text; stops a crafted stream from inflating without end. */
const maxInflatedLength = 64 * 1024;

function inflated(compressed: Buffer): Buffer {
  try {
    return inflateSync(compressed, { maxOutputLength: maxInflatedLength });
  } catch {
    throw new DataGroupError('malformed', 'compressed text does not inflate');
  }
}

/**
 * A Text (residence permit I and II). The compressed form holds the zlib stream of the encoded
 * UTF8String, as the Governikus eIDAS middleware reads it.
 */
export function decodeText(tlv: Tlv): string {
  switch (tlv.tag) {
    case uncompressedTag:
      return decodeString(onlyChild(tlv));
    case compressedTag: {
      const octets = onlyChild(tlv);
      if (octets.tag !== octetStringTag)
        throw new DataGroupError('malformed', 'compressed text is not an OCTET STRING');
      return decodeString(decodeTlv(inflated(octets.value)));
    }
    default:
      throw new DataGroupError('malformed', 'expected a Text');
  }
}
