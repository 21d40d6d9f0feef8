import { decodeTlvs, type Tlv } from '../asn1/tlv.js';
import { DataGroupError } from './datagroup-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const asciiPattern = /^[\x20-\x7e]*$/;
const numericPattern = /^[0-9 ]*$/;

/** The universal string types the eID data groups use, by tag, and what each may hold. */
const stringTypes: ReadonlyMap<number, { name: string; decode: (bytes: Buffer) => string }> =
  new Map([
    [0x0c, { name: 'UTF8String', decode: (bytes: Buffer) => utf8.decode(bytes) }],
    [0x13, { name: 'PrintableString', decode: ascii(asciiPattern) }],
    [0x16, { name: 'IA5String', decode: ascii(asciiPattern) }],
    [0x12, { name: 'NumericString', decode: ascii(numericPattern) }],
  ]);

function ascii(allowed: RegExp): (bytes: Buffer) => string {
  return (bytes) => {
    const text = bytes.toString('latin1');
    if (!allowed.test(text)) throw new DataGroupError('malformed', 'characters outside the type');
    return text;
  };
}

/** A string object of any of the types the data groups use, decoded by its universal tag. */
export function decodeString(tlv: Tlv): string {
  const type = stringTypes.get(tlv.tag);
  if (type === undefined) throw new DataGroupError('malformed', 'expected a string');
  try {
    return type.decode(tlv.value);
  } catch (error) {
    if (error instanceof DataGroupError) throw error;
    throw new DataGroupError('malformed', `invalid ${type.name}`);
  }
}

/** The single object inside a constructed (explicitly tagged) one. */
export function onlyChild(tlv: Tlv): Tlv {
  const children = decodeTlvs(tlv.value);
  const [only] = children;
  if (children.length !== 1 || only === undefined)
    throw new DataGroupError('malformed', `expected one inner object, found ${children.length}`);
  return only;
}
