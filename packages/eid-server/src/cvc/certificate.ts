import * as asn1js from 'asn1js';
import { decodeTlv, decodeTlvs, encodeTlv, type Tlv } from '../asn1/tlv.js';
import { oidContent, oids } from '../asn1/oids.js';
import { ecdsaSign, ecdsaVerify } from '../crypto/brainpool.js';
import { decodeCvcDate, encodeCvcDate } from './cvc-date.js';
import { CvcError } from './cvc-error.js';

/**
 * Card verifiable certificates (TR-03110-3 C.1): 7F21 { 7F4E body, 5F37 signature }, the
 * signature ECDSA-SHA-256 in r‖s form over the whole 7F4E TLV. Only id-TA-ECDSA-SHA-256 keys.
 */

/** Explicit curve parameters; only CVCA (link) certificates carry them (TR-03110-3 D.3.3). */
export interface EcDomainParameters {
  primeModulus: Buffer;
  firstCoefficient: Buffer;
  secondCoefficient: Buffer;
  basePoint: Buffer;
  order: Buffer;
  cofactor?: Buffer;
}

export interface CvcBody {
  /** Certification Authority Reference: the issuer's CHR. */
  car: string;
  /** Certificate Holder Reference. */
  chr: string;
  /** The uncompressed point 04‖x‖y. */
  publicKey: Buffer;
  domainParameters?: EcDomainParameters;
  /** The whole 7F4C TLV. */
  chat: Buffer;
  /** 'YYYY-MM-DD'. */
  effectiveDate: string;
  /** 'YYYY-MM-DD'. */
  expirationDate: string;
  /** Each a 73 discretionary data template TLV. */
  extensions: Buffer[];
}

export interface Cvc {
  body: CvcBody;
  /** The 7F4E TLV exactly as on the wire: what the signature covers. */
  bodyBytes: Buffer;
  signature: Buffer;
  bytes: Buffer;
}

const PROFILE_IDENTIFIER = Buffer.from([0x00]);
const POINT_LENGTH = 65;
const MAX_REFERENCE_LENGTH = 16;
// ISO/IEC 8859-1 without the control ranges (TR-03110-3 D.2.1.4).
const REFERENCE_CHARACTERS = /^[\x20-\x7e\xa0-\xff]+$/;

function malformed(what: string): CvcError {
  return new CvcError('malformed-certificate', what);
}

const DOMAIN_PARAMETER_TAGS = [
  ['primeModulus', 0x81],
  ['firstCoefficient', 0x82],
  ['secondCoefficient', 0x83],
  ['basePoint', 0x84],
  ['order', 0x85],
] as const;

function requireOneTlv(bytes: Buffer, tag: number, what: string): void {
  try {
    decodeTlv(bytes, tag);
  } catch {
    throw malformed(what);
  }
}

function referenceBytes(reference: string): Buffer {
  if (reference.length > MAX_REFERENCE_LENGTH || !REFERENCE_CHARACTERS.test(reference)) {
    throw new CvcError('invalid-reference', 'a CAR/CHR is 1–16 ISO 8859-1 characters');
  }
  return Buffer.from(reference, 'latin1');
}

function referenceOf(bytes: Buffer): string {
  const reference = bytes.toString('latin1');
  referenceBytes(reference);
  return reference;
}

function encodePublicKey(point: Buffer, domain: EcDomainParameters | undefined): Buffer {
  pointOf(point);
  const domainObjects = domain
    ? DOMAIN_PARAMETER_TAGS.map(([name, tag]) => encodeTlv(tag, domain[name]))
    : [];
  const cofactor = domain?.cofactor ? [encodeTlv(0x87, domain.cofactor)] : [];
  return encodeTlv(0x7f49, [
    encodeTlv(0x06, oidContent(oids.taEcdsaSha256)),
    ...domainObjects,
    encodeTlv(0x86, point),
    ...cofactor,
  ]);
}

/** The 7F4E TLV of a body. */
export function encodeCvcBody(body: CvcBody): Buffer {
  requireOneTlv(body.chat, 0x7f4c, 'the CHAT is not one 7F4C TLV');
  for (const extension of body.extensions) {
    requireOneTlv(extension, 0x73, 'an extension is not one 73 TLV');
  }
  const extensions = body.extensions.length > 0 ? [encodeTlv(0x65, body.extensions)] : [];
  return encodeTlv(0x7f4e, [
    encodeTlv(0x5f29, PROFILE_IDENTIFIER),
    encodeTlv(0x42, referenceBytes(body.car)),
    encodePublicKey(body.publicKey, body.domainParameters),
    encodeTlv(0x5f20, referenceBytes(body.chr)),
    body.chat,
    encodeTlv(0x5f25, encodeCvcDate(body.effectiveDate)),
    encodeTlv(0x5f24, encodeCvcDate(body.expirationDate)),
    ...extensions,
  ]);
}

/** Signs a body with the issuer's brainpoolP256r1 private key. */
export function signCvc(body: CvcBody, signerPrivateKey: Buffer): Cvc {
  const bodyBytes = encodeCvcBody(body);
  const signature = ecdsaSign(signerPrivateKey, bodyBytes);
  const bytes = encodeTlv(0x7f21, [bodyBytes, encodeTlv(0x5f37, signature)]);
  return { body, bodyBytes, signature, bytes };
}

function expectTags(children: readonly Tlv[], tags: readonly number[], what: string): void {
  const found = children.map((child) => child.tag);
  if (found.length !== tags.length || found.some((tag, index) => tag !== tags[index])) {
    throw malformed(`unexpected data objects in the ${what}`);
  }
}

function pointOf(value: Buffer | undefined): Buffer {
  if (value?.length !== POINT_LENGTH || value[0] !== 0x04) {
    throw malformed('the public key is not an uncompressed point');
  }
  return value;
}

const POINT_AFTER_DOMAIN_TAGS = [...DOMAIN_PARAMETER_TAGS.map(([, tag]) => tag), 0x86];

function parsePublicKey(value: Buffer): Pick<CvcBody, 'publicKey' | 'domainParameters'> {
  const [oid, ...rest] = decodeTlvs(value);
  if (oid?.tag !== 0x06) throw malformed('the public key has no algorithm');
  if (!oid.value.equals(oidContent(oids.taEcdsaSha256))) {
    throw new CvcError('unsupported-algorithm', 'only id-TA-ECDSA-SHA-256 keys are supported');
  }
  if (rest.length === 1) {
    expectTags(rest, [0x86], 'public key');
    return { publicKey: pointOf(rest[0]?.value) };
  }
  expectTags(
    rest,
    rest.length > POINT_AFTER_DOMAIN_TAGS.length
      ? [...POINT_AFTER_DOMAIN_TAGS, 0x87]
      : POINT_AFTER_DOMAIN_TAGS,
    'public key',
  );
  const [p, a, b, g, r, y, f] = rest.map((child) => child.value) as [
    Buffer,
    Buffer,
    Buffer,
    Buffer,
    Buffer,
    Buffer,
    Buffer | undefined,
  ];
  return {
    publicKey: pointOf(y),
    domainParameters: {
      primeModulus: p,
      firstCoefficient: a,
      secondCoefficient: b,
      basePoint: g,
      order: r,
      ...(f ? { cofactor: f } : {}),
    },
  };
}

const BODY_TAGS = [0x5f29, 0x42, 0x7f49, 0x5f20, 0x7f4c, 0x5f25, 0x5f24];

function parseBody(value: Buffer): CvcBody {
  const children = decodeTlvs(value);
  const hasExtensions = children.length > BODY_TAGS.length;
  expectTags(children, hasExtensions ? [...BODY_TAGS, 0x65] : BODY_TAGS, 'certificate body');
  const [profile, car, publicKey, chr, chat, effective, expiration, extensions] = children as [
    Tlv,
    Tlv,
    Tlv,
    Tlv,
    Tlv,
    Tlv,
    Tlv,
    Tlv | undefined,
  ];
  if (!profile.value.equals(PROFILE_IDENTIFIER)) throw malformed('unknown certificate profile');
  const extensionList = extensions ? decodeTlvs(extensions.value) : [];
  if (extensionList.some((extension) => extension.tag !== 0x73)) {
    throw malformed('an extension is not a discretionary data template');
  }
  return {
    car: referenceOf(car.value),
    chr: referenceOf(chr.value),
    ...parsePublicKey(publicKey.value),
    chat: encodeTlv(0x7f4c, chat.value),
    effectiveDate: decodeCvcDate(effective.value),
    expirationDate: decodeCvcDate(expiration.value),
    extensions: extensionList.map((extension) => encodeTlv(0x73, extension.value)),
  };
}

/** The raw bytes of the first TLV in a buffer. */
function firstTlvBytes(bytes: Buffer): Buffer {
  const { offset } = asn1js.fromBER(bytes);
  if (offset <= 0) throw malformed('malformed TLV');
  return bytes.subarray(0, offset);
}

function parseCertificate(bytes: Buffer): Cvc {
  const content = decodeTlv(bytes, 0x7f21).value;
  const children = decodeTlvs(content);
  expectTags(children, [0x7f4e, 0x5f37], 'certificate');
  const [body, signature] = children as [Tlv, Tlv];
  return {
    body: parseBody(body.value),
    bodyBytes: Buffer.from(firstTlvBytes(content)),
    signature: signature.value,
    bytes: Buffer.from(bytes),
  };
}

/** Parses one DER CV certificate; anything malformed is a CvcError, never another exception. */
export function parseCvc(bytes: Buffer): Cvc {
  try {
    return parseCertificate(bytes);
  } catch (error) {
    if (error instanceof CvcError) throw error;
    throw malformed('not a CV certificate');
  }
}

/** Whether the signature over the body is the issuer's (ECDSA-SHA-256 on brainpoolP256r1). */
export function verifyCvcSignature(cvc: Cvc, signerPublicKey: Buffer): boolean {
  try {
    return ecdsaVerify(signerPublicKey, cvc.bodyBytes, cvc.signature);
  } catch {
    return false;
  }
}
