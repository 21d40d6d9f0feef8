import { createHash } from 'node:crypto';
import { decodeTlv, decodeTlvs, encodeTlv } from '../asn1/tlv.js';
import { oidContent, oidFromContent, oids } from '../asn1/oids.js';
import type { CvcBody } from './certificate.js';

/**
 * Certificate extensions of a terminal certificate (TR-03110-3 C.3): each a discretionary data
 * template 73 { 06 oid, 80 hash, … }. The hash function is the one the certificate is signed
 * with, SHA-256 for id-TA-ECDSA-SHA-256.
 */

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

function extension(oid: string, hash: Buffer): Buffer {
  return encodeTlv(0x73, [encodeTlv(0x06, oidContent(oid)), encodeTlv(0x80, hash)]);
}

/** The certificate description extension: the SHA-256 of the CertificateDescription as sent. */
export function descriptionExtension(certificateDescription: Buffer): Buffer {
  return extension(oids.certificateDescription, sha256(certificateDescription));
}

/**
 * The public key data object of a sector key for Restricted Identification with
 * id-RI-ECDH-SHA-256. The terminal sends its content as A0 in General Authenticate; the chip
 * puts the tag 7F49 back before hashing (TR-03110-3 C.3.2).
 */
export function sectorPublicKeyDataObject(sectorPublicKey: Buffer): Buffer {
  return encodeTlv(0x7f49, [
    encodeTlv(0x06, oidContent(oids.riEcdhSha256)),
    encodeTlv(0x86, sectorPublicKey),
  ]);
}

/** The terminal sector extension: SHA-256 of the sector public key data object. */
export function terminalSectorExtension(sectorPublicKey: Buffer): Buffer {
  return extension(oids.terminalSector, sha256(sectorPublicKeyDataObject(sectorPublicKey)));
}

/** The first hash (tag 80) of the extension with an OID, or undefined when there is none. */
export function findExtensionHash(body: CvcBody, oid: string): Buffer | undefined {
  for (const encoded of body.extensions) {
    const [type, ...objects] = decodeTlvs(decodeTlv(encoded, 0x73).value);
    if (type?.tag === 0x06 && oidFromContent(type.value) === oid) {
      return objects.find((object) => object.tag === 0x80)?.value;
    }
  }
  return undefined;
}
