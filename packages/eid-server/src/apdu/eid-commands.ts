import { Asn1Error, decodeTlv, decodeTlvs, encodeTlv, requireTlv } from '../asn1/tlv.js';
import { oidContent, oids } from '../asn1/oids.js';
import { ApduError } from './apdu-error.js';
import type { CommandApdu } from './command-apdu.js';

/**
 * The plain commands the server has the card run inside secure messaging (TR-03110-3 part B,
 * as AusweisApp's SimulatorCard parses them); protecting them is the secure messaging's job.
 */
const maxShortLe = 256;

export function readBinaryBySfi(shortFileId: number): CommandApdu {
  if (!Number.isInteger(shortFileId) || shortFileId < 1 || shortFileId > 30) {
    throw new ApduError('out-of-range', 'a short file identifier is 1..30');
  }
  return { cla: 0x00, ins: 0xb0, p1: 0x80 | shortFileId, p2: 0x00, le: maxShortLe };
}

/** MSE:Set AT for Restricted Identification with the card's RI key keyReference. */
export function mseSetAtRestrictedIdentification(keyReference: number): CommandApdu {
  if (!Number.isInteger(keyReference) || keyReference < 1 || keyReference > 0xff) {
    throw new ApduError('out-of-range', 'a key reference is 1..255');
  }
  const data = Buffer.concat([
    encodeTlv(0x80, oidContent(oids.riEcdhSha256)),
    encodeTlv(0x84, Buffer.from([keyReference])),
  ]);
  return { cla: 0x00, ins: 0x22, p1: 0x41, p2: 0xa4, data };
}

/** General Authenticate for Restricted Identification: the sector public key in 7C { A0 }. */
export function generalAuthenticateRestrictedIdentification(sectorPublicKey: Buffer): CommandApdu {
  const publicKeyData = encodeTlv(0xa0, [
    encodeTlv(0x06, oidContent(oids.riEcdhSha256)),
    encodeTlv(0x86, sectorPublicKey),
  ]);
  const data = encodeTlv(0x7c, [publicKeyData]);
  return { cla: 0x00, ins: 0x86, p1: 0x00, p2: 0x00, data, le: maxShortLe };
}

/** The sector-specific identifier from the answer data 7C { 81 identifier }. */
export function parseRestrictedIdentificationResponse(data: Buffer): Buffer {
  try {
    const dynamicAuthenticationData = decodeTlv(data, 0x7c);
    return requireTlv(decodeTlvs(dynamicAuthenticationData.value), 0x81).value;
  } catch (error) {
    if (error instanceof Asn1Error) {
      throw new ApduError('malformed', 'the Restricted Identification answer is not 7C { 81 }');
    }
    throw error;
  }
}

/** VERIFY of authenticated auxiliary data (age, place, validity); the card answers 9000 or 6300. */
export function verifyAuxiliaryData(oid: string): CommandApdu {
  return { cla: 0x80, ins: 0x20, p1: 0x80, p2: 0x00, data: encodeTlv(0x06, oidContent(oid)) };
}
