import { createHash } from 'node:crypto';
import { CodedError } from '@sidbox/runtime';
import { encodeTlv } from '../asn1/tlv.js';
import { oidContent, oids } from '../asn1/oids.js';
import { ecPublicKeyOf, ecSharedX } from '../crypto/brainpool.js';
import { aesCmac } from '../crypto/cmac.js';
import { equalInConstantTime } from '../crypto/constant-time.js';
import { CryptoError } from '../crypto/crypto-error.js';

/**
 * Chip Authentication version 2 with id-CA-ECDH-AES-CBC-CMAC-128 (TR-03110-3 A.3 / B.3), the
 * terminal's side: the card proves it holds the key of EF.CardSecurity, and both derive the
 * secure-messaging keys.
 */
export interface SessionKeys {
  kEnc: Buffer;
  kMac: Buffer;
}

export type ChipAuthenticationErrorCode = 'token-mismatch' | 'invalid-key';

export class ChipAuthenticationError extends CodedError<ChipAuthenticationErrorCode> {}

const aes128KeyLength = 16;
const tokenLength = 8;

function derive(sharedSecret: Buffer, nonce: Buffer, counter: number): Buffer {
  const counterBytes = Buffer.alloc(4);
  counterBytes.writeUInt32BE(counter);
  return createHash('sha1')
    .update(Buffer.concat([sharedSecret, nonce, counterBytes]))
    .digest()
    .subarray(0, aes128KeyLength);
}

/** TR-03110-3 A.2.3: K_enc and K_mac from SHA-1(K ‖ nonce ‖ counter), counters 1 and 2. */
export function deriveSessionKeys(sharedSecret: Buffer, nonce: Buffer): SessionKeys {
  return { kEnc: derive(sharedSecret, nonce, 1), kMac: derive(sharedSecret, nonce, 2) };
}

/** CMAC over the terminal's ephemeral public key data object 7F49 { 06 OID, 86 point }, 8 bytes. */
export function authenticationToken(kMac: Buffer, ephemeralPublicKey: Buffer): Buffer {
  const publicKeyDataObject = encodeTlv(0x7f49, [
    encodeTlv(0x06, oidContent(oids.caEcdhAesCbcCmac128)),
    encodeTlv(0x86, ephemeralPublicKey),
  ]);
  return aesCmac(kMac, publicKeyDataObject).subarray(0, tokenLength);
}

export interface ChipAuthenticationInput {
  /** The terminal's ephemeral key of Terminal Authentication. */
  ephemeralPrivateKey: Buffer;
  /** The card's static CA key from EF.CardSecurity. */
  chipPublicKey: Buffer;
  /** The card's nonce r_PICC and token T_PICC from General Authenticate (EAC2Output). */
  nonce: Buffer;
  token: Buffer;
}

/** Derives the session keys and checks the card's token; throws ChipAuthenticationError. */
export function completeChipAuthentication(input: ChipAuthenticationInput): SessionKeys {
  let sharedSecret: Buffer;
  let ephemeralPublicKey: Buffer;
  try {
    sharedSecret = ecSharedX(input.ephemeralPrivateKey, input.chipPublicKey);
    ephemeralPublicKey = ecPublicKeyOf(input.ephemeralPrivateKey);
  } catch (error) {
    if (error instanceof CryptoError) {
      throw new ChipAuthenticationError('invalid-key', `Chip Authentication key: ${error.code}`);
    }
    throw error;
  }
  const keys = deriveSessionKeys(sharedSecret, input.nonce);
  if (!equalInConstantTime(authenticationToken(keys.kMac, ephemeralPublicKey), input.token)) {
    throw new ChipAuthenticationError(
      'token-mismatch',
      'the card authentication token does not match',
    );
  }
  return keys;
}
