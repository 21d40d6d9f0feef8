import { decodeTlvs, encodeTlv } from '../../src/asn1/tlv.js';
import { oidContent, oids } from '../../src/asn1/oids.js';
import type { CommandApdu } from '../../src/apdu/command-apdu.js';

/**
 * The commands AusweisApp 1.26.2 sends the card for EAC (DidAuthenticateEAC1Command,
 * DidAuthenticateEAC2Command): GET CHALLENGE after PACE, then the chain, MSE:Set AT, EXTERNAL
 * AUTHENTICATE, EF.CardSecurity and Chip Authentication.
 */
const EXTENDED_MAX_LE = 65536;
const SFI_CARD_SECURITY = 0x1d;

export function getChallenge(): CommandApdu {
  return { cla: 0x00, ins: 0x84, p1: 0x00, p2: 0x00, le: 8 };
}

/** MSE:Set DST naming the key (by CAR) the next certificate is signed with. */
export function mseSetDst(car: string): CommandApdu {
  return {
    cla: 0x00,
    ins: 0x22,
    p1: 0x81,
    p2: 0xb6,
    data: encodeTlv(0x83, Buffer.from(car, 'latin1')),
  };
}

/** PSO:Verify Certificate: the certificate's body and signature, without the 7F21 around them. */
export function psoVerifyCertificate(certificate: Buffer): CommandApdu {
  const [content] = decodeTlvs(certificate);
  return { cla: 0x00, ins: 0x2a, p1: 0x00, p2: 0xbe, data: content?.value ?? Buffer.alloc(0) };
}

/** MSE:Set AT for TA: protocol, the terminal's CHR, the auxiliary data as sent, Comp(PK_PCD). */
export function mseSetAtTerminal(
  chr: string,
  auxiliaryData: Buffer | undefined,
  compressedEphemeralKey: Buffer,
): CommandApdu {
  const data = Buffer.concat([
    encodeTlv(0x80, oidContent(oids.taEcdsaSha256)),
    encodeTlv(0x83, Buffer.from(chr, 'latin1')),
    auxiliaryData ?? Buffer.alloc(0),
    encodeTlv(0x91, compressedEphemeralKey),
  ]);
  return { cla: 0x00, ins: 0x22, p1: 0x81, p2: 0xa4, data };
}

export function externalAuthenticate(signature: Buffer): CommandApdu {
  return { cla: 0x00, ins: 0x82, p1: 0x00, p2: 0x00, data: signature };
}

export function readCardSecurity(): CommandApdu {
  return { cla: 0x00, ins: 0xb0, p1: 0x80 | SFI_CARD_SECURITY, p2: 0x00, le: EXTENDED_MAX_LE };
}

export function mseSetAtChip(keyId: number): CommandApdu {
  const data = Buffer.concat([
    encodeTlv(0x80, oidContent(oids.caEcdhAesCbcCmac128)),
    encodeTlv(0x84, Buffer.from([keyId])),
  ]);
  return { cla: 0x00, ins: 0x22, p1: 0x41, p2: 0xa4, data };
}

export function generalAuthenticateChip(ephemeralPublicKey: Buffer): CommandApdu {
  const data = encodeTlv(0x7c, [encodeTlv(0x80, ephemeralPublicKey)]);
  return { cla: 0x00, ins: 0x86, p1: 0x00, p2: 0x00, data, le: 256 };
}
