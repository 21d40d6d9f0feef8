import * as asn1js from 'asn1js';

/**
 * BER-TLV as the eID specifications write it: a tag is the number on the wire (0x7F21, 0x5F37,
 * 0x87), not an ASN.1 class/number pair. Encoding and decoding go through asn1js; this module
 * only translates between the two ways of naming a tag.
 */
export interface Tlv {
  tag: number;
  /** The content octets; for a constructed object, its children encoded. */
  value: Buffer;
}

export class Asn1Error extends Error {
  override readonly name = 'Asn1Error';
}

interface TagParts {
  tagClass: number;
  tagNumber: number;
  isConstructed: boolean;
}

function partsOf(tag: number): TagParts {
  const bytes: number[] = [];
  for (let rest = tag; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  const [first, ...more] = bytes.length === 0 ? [0] : bytes;
  const tagClass = ((first ?? 0) >> 6) + 1;
  const isConstructed = ((first ?? 0) & 0x20) !== 0;
  if (((first ?? 0) & 0x1f) !== 0x1f)
    return { tagClass, isConstructed, tagNumber: (first ?? 0) & 0x1f };
  const tagNumber = more.reduce((acc, byte) => acc * 128 + (byte & 0x7f), 0);
  return { tagClass, isConstructed, tagNumber };
}

function tagOf(id: { tagClass: number; tagNumber: number; isConstructed: boolean }): number {
  const head = ((id.tagClass - 1) << 6) | (id.isConstructed ? 0x20 : 0);
  if (id.tagNumber < 31) return head | id.tagNumber;
  const tail: number[] = [];
  for (
    let rest = id.tagNumber, last = true;
    rest > 0 || last;
    rest = Math.floor(rest / 128), last = false
  ) {
    tail.unshift((rest % 128) | (last ? 0 : 0x80));
  }
  return tail.reduce((acc, byte) => acc * 256 + byte, head | 0x1f);
}

/** One TLV object. A constructed tag takes its children (already encoded) as a list. */
export function encodeTlv(tag: number, content: Buffer | readonly Buffer[]): Buffer {
  const { tagClass, tagNumber, isConstructed } = partsOf(tag);
  const valueHex = Array.isArray(content)
    ? Buffer.concat(content as Buffer[])
    : (content as Buffer);
  const object = isConstructed
    ? new asn1js.Constructed({ idBlock: { tagClass, tagNumber }, value: decodeAsn1All(valueHex) })
    : new asn1js.Primitive({ idBlock: { tagClass, tagNumber }, valueHex });
  return Buffer.from(object.toBER());
}

function decodeAsn1All(der: Buffer): asn1js.AsnType[] {
  const objects: asn1js.AsnType[] = [];
  for (let offset = 0; offset < der.length;) {
    const view = der.subarray(offset);
    const decoded = asn1js.fromBER(view);
    if (decoded.offset === -1) throw new Asn1Error(`malformed TLV at offset ${offset}`);
    objects.push(decoded.result);
    offset += decoded.offset;
  }
  return objects;
}

/** Every TLV object in a buffer, in order; throws Asn1Error when the buffer is not whole TLVs. */
export function decodeTlvs(der: Buffer): Tlv[] {
  const found: Tlv[] = [];
  for (let offset = 0; offset < der.length;) {
    const decoded = asn1js.fromBER(der.subarray(offset));
    if (decoded.offset === -1) throw new Asn1Error(`malformed TLV at offset ${offset}`);
    const block = decoded.result;
    const headerLength = block.idBlock.blockLength + block.lenBlock.blockLength;
    const total = decoded.offset;
    found.push({
      tag: tagOf(block.idBlock),
      value: Buffer.from(der.subarray(offset + headerLength, offset + total)),
    });
    offset += total;
  }
  return found;
}

/** Exactly one TLV object, optionally of a given tag. */
export function decodeTlv(der: Buffer, expectedTag?: number): Tlv {
  const all = decodeTlvs(der);
  const [only] = all;
  if (all.length !== 1 || only === undefined)
    throw new Asn1Error(`expected one TLV, found ${all.length}`);
  if (expectedTag !== undefined && only.tag !== expectedTag) {
    throw new Asn1Error(`expected tag ${expectedTag.toString(16)}, found ${only.tag.toString(16)}`);
  }
  return only;
}

/** The first child with a tag, or undefined. */
export function findTlv(children: readonly Tlv[], tag: number): Tlv | undefined {
  return children.find((child) => child.tag === tag);
}

/** The first child with a tag; throws Asn1Error when it is missing. */
export function requireTlv(children: readonly Tlv[], tag: number): Tlv {
  const found = findTlv(children, tag);
  if (found === undefined) throw new Asn1Error(`missing tag ${tag.toString(16)}`);
  return found;
}
