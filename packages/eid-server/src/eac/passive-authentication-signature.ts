import { createPublicKey, verify } from 'node:crypto';
import { oids } from '../asn1/oids.js';

/**
 * Signature and digest checks through node:crypto rather than WebCrypto (which pkijs would use):
 * WebCrypto has no brainpool curves, and document signer keys are brainpool, often with explicit
 * domain parameters. OpenSSL 3 reads such an explicit-parameter SPKI and recognises the named
 * curve behind it (seen with the TEST CSCA's brainpoolP512r1 and its DS's brainpoolP384r1).
 */
const ecdsaHashes: Readonly<Record<string, string>> = {
  [oids.ecdsaWithSha224]: 'sha224',
  [oids.ecdsaWithSha256]: 'sha256',
  [oids.ecdsaWithSha384]: 'sha384',
  [oids.ecdsaWithSha512]: 'sha512',
};

const digestNames: Readonly<Record<string, string>> = {
  [oids.sha224]: 'sha224',
  [oids.sha256]: 'sha256',
  [oids.sha384]: 'sha384',
  [oids.sha512]: 'sha512',
};

/** The node:crypto name of a digest algorithm OID, or undefined when it is not supported. */
export function digestName(algorithmOid: string): string | undefined {
  return digestNames[algorithmOid];
}

export function isSupportedSignatureAlgorithm(algorithmOid: string): boolean {
  return ecdsaHashes[algorithmOid] !== undefined;
}

/**
 * Whether a DER-encoded ECDSA signature over data verifies under the key in an SPKI. False for an
 * unsupported algorithm, an unreadable key or signature: all mean "not shown to be signed".
 */
export function verifySignature(
  algorithmOid: string,
  subjectPublicKeyInfo: Buffer,
  data: Buffer,
  signature: Buffer,
): boolean {
  const hash = ecdsaHashes[algorithmOid];
  if (hash === undefined) return false;
  try {
    const key = createPublicKey({ key: subjectPublicKeyInfo, format: 'der', type: 'spki' });
    return verify(hash, data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}
