import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ecdsaSign,
  ecdsaVerify,
  ecPrivateKeyFromPem,
  ecPrivateKeyToPem,
  ecPublicKeyFromPem,
  ecPublicKeyOf,
  ecPublicKeyToPem,
  ecSharedX,
  generateEcKeyPair,
} from '../src/crypto/brainpool.js';
import { CryptoError } from '../src/crypto/crypto-error.js';

const hex = (text: string): Buffer => Buffer.from(text, 'hex');

// RFC 7027 appendix A.1: ECDH test vectors for brainpoolP256r1.
const rfc7027 = {
  dA: hex('81DB1EE100150FF2EA338D708271BE38300CB54241D79950F77B063039804F1D'),
  qA: hex(
    '04' +
      '44106E913F92BC02A1705D9953A8414DB95E1AAA49E81D9E85F929A8E3100BE5' +
      '8AB4846F11CACCB73CE49CBDD120F5A900A69FD32C272223F789EF10EB089BDC',
  ),
  dB: hex('55E40BC41E37E3E2AD25C3C6654511FFA8474A91A0032087593852D3E7D76BD3'),
  qB: hex(
    '04' +
      '8D2D688C6CF93E1160AD04CC4429117DC2C41825E1E9FCA0ADDD34E6F1B39F7B' +
      '990C57520812BE512641E47034832106BC7D3E8DD0E4C7F1136D7006547CEC6A',
  ),
  xZ: hex('89AFC39D41D3B327814B80940B042590F96556EC91E6AE7939BCE31F3A18BF2B'),
};

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof CryptoError ? error.code : 'not a CryptoError';
  }
  return undefined;
}

describe('brainpoolP256r1 keys', () => {
  it('derives the RFC 7027 public keys and shared secret', () => {
    expect(ecPublicKeyOf(rfc7027.dA)).toEqual(rfc7027.qA);
    expect(ecPublicKeyOf(rfc7027.dB)).toEqual(rfc7027.qB);
    expect(ecSharedX(rfc7027.dA, rfc7027.qB)).toEqual(rfc7027.xZ);
    expect(ecSharedX(rfc7027.dB, rfc7027.qA)).toEqual(rfc7027.xZ);
  });

  it('generates raw keys of 32 and 65 bytes that belong together, and ECDH is symmetric', () => {
    const alice = generateEcKeyPair();
    const bob = generateEcKeyPair();
    expect(alice.privateKey).toHaveLength(32);
    expect(alice.publicKey).toHaveLength(65);
    expect(alice.publicKey[0]).toBe(0x04);
    expect(ecPublicKeyOf(alice.privateKey)).toEqual(alice.publicKey);
    const shared = ecSharedX(alice.privateKey, bob.publicKey);
    expect(shared).toHaveLength(32);
    expect(ecSharedX(bob.privateKey, alice.publicKey)).toEqual(shared);
  });

  it('refuses a point off the curve, a compressed or truncated point, and a bad scalar', () => {
    const { privateKey } = generateEcKeyPair();
    const offCurve = Buffer.from(rfc7027.qB);
    offCurve[64] = (offCurve[64] ?? 0) ^ 1;
    expect(codeOf(() => ecSharedX(privateKey, offCurve))).toBe('invalid-point');
    expect(codeOf(() => ecSharedX(privateKey, rfc7027.qB.subarray(0, 33)))).toBe('invalid-point');
    expect(codeOf(() => ecSharedX(privateKey, Buffer.from([0])))).toBe('invalid-point');
    expect(codeOf(() => ecPublicKeyOf(Buffer.alloc(32)))).toBe('invalid-key');
    expect(codeOf(() => ecPublicKeyOf(Buffer.alloc(32, 0xff)))).toBe('invalid-key');
    expect(codeOf(() => ecPublicKeyOf(Buffer.alloc(31, 1)))).toBe('invalid-key');
  });
});

describe('ECDSA-SHA-256', () => {
  const { privateKey, publicKey } = generateEcKeyPair();
  const data = Buffer.from('IDPICC ‖ challenge ‖ x(ephemeral key)');

  it('signs as r‖s and verifies its own signatures', () => {
    const signature = ecdsaSign(privateKey, data);
    expect(signature).toHaveLength(64);
    expect(ecdsaVerify(publicKey, data, signature)).toBe(true);
  });

  it('rejects other data, another key, a flipped bit and malformed signatures without throwing', () => {
    const signature = ecdsaSign(privateKey, data);
    const flipped = Buffer.from(signature);
    flipped[10] = (flipped[10] ?? 0) ^ 0x01;
    expect(ecdsaVerify(publicKey, Buffer.from('other'), signature)).toBe(false);
    expect(ecdsaVerify(generateEcKeyPair().publicKey, data, signature)).toBe(false);
    expect(ecdsaVerify(publicKey, data, flipped)).toBe(false);
    expect(ecdsaVerify(publicKey, data, signature.subarray(0, 63))).toBe(false);
    expect(ecdsaVerify(publicKey, data, Buffer.alloc(64))).toBe(false);
    expect(ecdsaVerify(publicKey, data, Buffer.alloc(64, 0xff))).toBe(false);
  });
});

describe('PEM', () => {
  it('writes a PKCS#8 private key that Node reads and that reads back to the same scalar', () => {
    const { privateKey, publicKey } = generateEcKeyPair();
    const pem = ecPrivateKeyToPem(privateKey);
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const keyObject = createPrivateKey(pem);
    expect(keyObject.asymmetricKeyDetails?.namedCurve).toBe('brainpoolP256r1');
    expect(
      ecPublicKeyFromPem(
        createPublicKey(keyObject).export({ type: 'spki', format: 'pem' }).toString(),
      ),
    ).toEqual(publicKey);
    expect(ecPrivateKeyFromPem(pem)).toEqual(privateKey);
  });

  it('reads a SEC1 private key PEM as written by OpenSSL', () => {
    const { privateKey } = generateEcKeyPair();
    const sec1 = createPrivateKey(ecPrivateKeyToPem(privateKey))
      .export({ type: 'sec1', format: 'pem' })
      .toString();
    expect(sec1).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
    expect(ecPrivateKeyFromPem(sec1)).toEqual(privateKey);
  });

  it('round-trips an SPKI public key', () => {
    const pem = ecPublicKeyToPem(rfc7027.qA);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPublicKey(pem).asymmetricKeyDetails?.namedCurve).toBe('brainpoolP256r1');
    expect(ecPublicKeyFromPem(pem)).toEqual(rfc7027.qA);
  });

  it('refuses keys on other curves and text that is no key', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(
      codeOf(() =>
        ecPrivateKeyFromPem(p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
      ),
    ).toBe('invalid-pem');
    expect(
      codeOf(() =>
        ecPublicKeyFromPem(p256.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
      ),
    ).toBe('invalid-pem');
    expect(codeOf(() => ecPrivateKeyFromPem('not a key'))).toBe('invalid-pem');
    expect(codeOf(() => ecPublicKeyFromPem('not a key'))).toBe('invalid-pem');
  });
});
