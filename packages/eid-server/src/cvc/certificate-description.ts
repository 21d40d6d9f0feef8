import * as asn1js from 'asn1js';
import { decodeTlv, decodeTlvs, type Tlv } from '../asn1/tlv.js';
import { oidContent, oids } from '../asn1/oids.js';
import { CvcError } from './cvc-error.js';

/**
 * The CertificateDescription of a terminal certificate in plain format (TR-03110-4 C.3.1 /
 * TR-03110-3 C.3.1): what AusweisApp shows as provider, and the TLS certificates it accepts.
 */
export interface CertificateDescription {
  issuerName: string;
  issuerUrl?: string;
  subjectName: string;
  /** Must share its origin with the tcTokenURL. */
  subjectUrl: string;
  /** Plain text; AusweisApp finds the provider's address and purpose by German headings. */
  termsOfUsage: string;
  redirectUrl?: string;
  /** SHA-256 of each admissible TLS certificate's DER. */
  commCertificates: Buffer[];
}

// X.680 PrintableString: URLs with other characters cannot be written in this field.
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

function invalid(what: string): CvcError {
  return new CvcError('malformed-description', what);
}

function explicit(tagNumber: number, inner: asn1js.AsnType): asn1js.Constructed {
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber }, value: [inner] });
}

function printable(tagNumber: number, value: string): asn1js.Constructed {
  if (!PRINTABLE.test(value)) throw invalid(`field [${tagNumber}] is not a PrintableString`);
  return explicit(tagNumber, new asn1js.PrintableString({ value }));
}

function utf8(tagNumber: number, value: string): asn1js.Constructed {
  return explicit(tagNumber, new asn1js.Utf8String({ value }));
}

/** DER orders a SET OF by its elements' encodings; equal-length hashes sort bytewise. */
function commCertificateSet(hashes: readonly Buffer[]): asn1js.Constructed {
  const sorted = [...hashes].sort(Buffer.compare);
  return explicit(
    7,
    new asn1js.Set({ value: sorted.map((hash) => new asn1js.OctetString({ valueHex: hash })) }),
  );
}

export function encodeCertificateDescription(description: CertificateDescription): Buffer {
  const sequence = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: oids.descriptionPlainFormat }),
      utf8(1, description.issuerName),
      ...(description.issuerUrl === undefined ? [] : [printable(2, description.issuerUrl)]),
      utf8(3, description.subjectName),
      printable(4, description.subjectUrl),
      utf8(5, description.termsOfUsage),
      ...(description.redirectUrl === undefined ? [] : [printable(6, description.redirectUrl)]),
      ...(description.commCertificates.length === 0
        ? []
        : [commCertificateSet(description.commCertificates)]),
    ],
  });
  return Buffer.from(sequence.toBER());
}

const FIELD_TAGS = { 1: 0xa1, 2: 0xa2, 3: 0xa3, 4: 0xa4, 5: 0xa5, 6: 0xa6, 7: 0xa7 } as const;
const UTF8_STRING = 0x0c;
const PRINTABLE_STRING = 0x13;

function innerOf(fields: readonly Tlv[], field: keyof typeof FIELD_TAGS): Tlv | undefined {
  const wrapper = fields.find((candidate) => candidate.tag === FIELD_TAGS[field]);
  return wrapper === undefined ? undefined : decodeTlv(wrapper.value);
}

function textOf(
  fields: readonly Tlv[],
  field: keyof typeof FIELD_TAGS,
  tag: number,
): string | undefined {
  const inner = innerOf(fields, field);
  if (inner === undefined) return undefined;
  if (inner.tag !== tag) throw invalid(`field [${field}] has the wrong string type`);
  return inner.value.toString(tag === UTF8_STRING ? 'utf8' : 'latin1');
}

function requireText(fields: readonly Tlv[], field: keyof typeof FIELD_TAGS, tag: number): string {
  const text = textOf(fields, field, tag);
  if (text === undefined) throw invalid(`field [${field}] is missing`);
  return text;
}

function commCertificatesOf(fields: readonly Tlv[]): Buffer[] {
  const set = innerOf(fields, 7);
  if (set === undefined) return [];
  const hashes = set.tag === 0x31 ? decodeTlvs(set.value) : [];
  if (set.tag !== 0x31 || hashes.some((hash) => hash.tag !== 0x04)) {
    throw invalid('commCertificates is not a SET OF OCTET STRING');
  }
  return hashes.map((hash) => hash.value);
}

function parseFields(bytes: Buffer): CertificateDescription {
  const [type, ...fields] = decodeTlvs(decodeTlv(bytes, 0x30).value);
  if (type?.tag !== 0x06 || !type.value.equals(oidContent(oids.descriptionPlainFormat))) {
    throw invalid('only the plain text format is supported');
  }
  const known = new Set<number>(Object.values(FIELD_TAGS));
  const inOrder = fields.every(
    (field, index) => index === 0 || field.tag > (fields[index - 1]?.tag ?? 0),
  );
  if (!inOrder || fields.some((field) => !known.has(field.tag))) {
    throw invalid('unknown, repeated or misordered field');
  }
  const issuerUrl = textOf(fields, 2, PRINTABLE_STRING);
  const redirectUrl = textOf(fields, 6, PRINTABLE_STRING);
  return {
    issuerName: requireText(fields, 1, UTF8_STRING),
    ...(issuerUrl === undefined ? {} : { issuerUrl }),
    subjectName: requireText(fields, 3, UTF8_STRING),
    subjectUrl: requireText(fields, 4, PRINTABLE_STRING),
    termsOfUsage: requireText(fields, 5, UTF8_STRING),
    ...(redirectUrl === undefined ? {} : { redirectUrl }),
    commCertificates: commCertificatesOf(fields),
  };
}

/** Reads a plain-format CertificateDescription; anything else is a CvcError. */
export function parseCertificateDescription(bytes: Buffer): CertificateDescription {
  try {
    return parseFields(bytes);
  } catch (error) {
    if (error instanceof CvcError) throw error;
    throw invalid('not a CertificateDescription');
  }
}
