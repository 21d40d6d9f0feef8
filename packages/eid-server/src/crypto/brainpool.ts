import {
  createECDH,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  ECDH,
  type KeyObject,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import { oids } from '../asn1/oids.js';
import { CryptoError } from './crypto-error.js';

/**
 * brainpoolP256r1, the curve of the German eID card, with keys as the protocols carry them:
 * a 32-byte private scalar and a 65-byte uncompressed point 04‖x‖y.
 */
const curveName = 'brainpoolP256r1';
const scalarLength = 32;
const pointLength = 1 + 2 * scalarLength;
const signatureLength = 2 * scalarLength;

export interface EcKeyPair {
  privateKey: Buffer;
  publicKey: Buffer;
}

function leftPad(value: Buffer): Buffer {
  return value.length >= scalarLength
    ? value
    : Buffer.concat([Buffer.alloc(scalarLength - value.length), value]);
}

function ecdhWith(privateKey: Buffer): ECDH {
  const ecdh = createECDH(curveName);
  if (privateKey.length !== scalarLength) {
    throw new CryptoError('invalid-key', `a private key has ${scalarLength} bytes`);
  }
  try {
    ecdh.setPrivateKey(privateKey);
  } catch {
    throw new CryptoError('invalid-key', 'the private key is not a scalar of the curve');
  }
  return ecdh;
}

function requirePointShape(point: Buffer): void {
  if (point.length !== pointLength || point[0] !== 0x04) {
    throw new CryptoError('invalid-point', 'a public key is an uncompressed point of 65 bytes');
  }
}

export function generateEcKeyPair(): EcKeyPair {
  const ecdh = createECDH(curveName);
  ecdh.generateKeys();
  return { privateKey: leftPad(ecdh.getPrivateKey()), publicKey: ecdh.getPublicKey() };
}

export function ecPublicKeyOf(privateKey: Buffer): Buffer {
  return ecdhWith(privateKey).getPublicKey();
}

/** The x coordinate of privateKey × peerPublicKey, which TR-03110 uses as the shared secret. */
export function ecSharedX(privateKey: Buffer, peerPublicKey: Buffer): Buffer {
  const ecdh = ecdhWith(privateKey);
  requirePointShape(peerPublicKey);
  try {
    return leftPad(ecdh.computeSecret(peerPublicKey));
  } catch {
    throw new CryptoError('invalid-point', 'the public key is not a point on the curve');
  }
}

function algorithmIdentifier(): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: oids.ecPublicKey }),
      new asn1js.ObjectIdentifier({ value: oids.brainpoolP256r1 }),
    ],
  });
}

/** PKCS#8 around an RFC 5915 ECPrivateKey: Node cannot import a raw brainpool scalar. */
function pkcs8Der(privateKey: Buffer): Buffer {
  const publicKey = ecPublicKeyOf(privateKey);
  const ecPrivateKey = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      new asn1js.OctetString({ valueHex: privateKey }),
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 1 },
        value: [new asn1js.BitString({ valueHex: publicKey })],
      }),
    ],
  });
  const pkcs8 = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      algorithmIdentifier(),
      new asn1js.OctetString({ valueHex: ecPrivateKey.toBER() }),
    ],
  });
  return Buffer.from(pkcs8.toBER());
}

function spkiDer(publicKey: Buffer): Buffer {
  requirePointShape(publicKey);
  const spki = new asn1js.Sequence({
    value: [algorithmIdentifier(), new asn1js.BitString({ valueHex: publicKey })],
  });
  return Buffer.from(spki.toBER());
}

function privateKeyObject(privateKey: Buffer): KeyObject {
  return createPrivateKey({ key: pkcs8Der(privateKey), format: 'der', type: 'pkcs8' });
}

function publicKeyObject(publicKey: Buffer): KeyObject {
  try {
    return createPublicKey({ key: spkiDer(publicKey), format: 'der', type: 'spki' });
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError('invalid-point', 'the public key is not a point on the curve');
  }
}

/** ECDSA with SHA-256; the signature is r‖s, 64 bytes, as TR-03110 and CVCs carry it. */
export function ecdsaSign(privateKey: Buffer, data: Buffer): Buffer {
  return sign('sha256', data, { key: privateKeyObject(privateKey), dsaEncoding: 'ieee-p1363' });
}

/** False for a wrong or malformed signature; throws only for a public key that is no point. */
export function ecdsaVerify(publicKey: Buffer, data: Buffer, signature: Buffer): boolean {
  const key = publicKeyObject(publicKey);
  if (signature.length !== signatureLength) return false;
  try {
    return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

function parseDer(der: Buffer): asn1js.AsnType {
  const decoded = asn1js.fromBER(der);
  if (decoded.offset === -1) throw new CryptoError('invalid-pem', 'the key is not DER');
  return decoded.result;
}

function requireBrainpoolAlgorithm(algorithm: asn1js.AsnType | undefined): void {
  const parts = algorithm instanceof asn1js.Sequence ? algorithm.valueBlock.value : [];
  const [kind, curve] = parts;
  const isBrainpool =
    kind instanceof asn1js.ObjectIdentifier &&
    kind.getValue() === oids.ecPublicKey &&
    curve instanceof asn1js.ObjectIdentifier &&
    curve.getValue() === oids.brainpoolP256r1;
  if (!isBrainpool) throw new CryptoError('invalid-pem', `the key is not on ${curveName}`);
}

function childrenOf(object: asn1js.AsnType): asn1js.AsnType[] {
  return object instanceof asn1js.Sequence ? object.valueBlock.value : [];
}

export function ecPrivateKeyToPem(privateKey: Buffer): string {
  return privateKeyObject(privateKey).export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Reads a PKCS#8 (or SEC1 "EC PRIVATE KEY") PEM of a brainpoolP256r1 key. */
export function ecPrivateKeyFromPem(pem: string): Buffer {
  let der: Buffer;
  try {
    der = createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
  } catch {
    throw new CryptoError('invalid-pem', 'the text is not a private key PEM');
  }
  const [, algorithm, wrapped] = childrenOf(parseDer(der));
  requireBrainpoolAlgorithm(algorithm);
  if (!(wrapped instanceof asn1js.OctetString)) {
    throw new CryptoError('invalid-pem', 'the PKCS#8 key has no private key');
  }
  const [, scalar] = childrenOf(parseDer(Buffer.from(wrapped.valueBlock.valueHexView)));
  if (!(scalar instanceof asn1js.OctetString)) {
    throw new CryptoError('invalid-pem', 'the EC private key has no scalar');
  }
  const privateKey = leftPad(Buffer.from(scalar.valueBlock.valueHexView));
  ecdhWith(privateKey);
  return privateKey;
}

export function ecPublicKeyToPem(publicKey: Buffer): string {
  return publicKeyObject(publicKey).export({ type: 'spki', format: 'pem' }).toString();
}

/** Reads an SPKI PEM of a brainpoolP256r1 key; the point comes back uncompressed. */
export function ecPublicKeyFromPem(pem: string): Buffer {
  let der: Buffer;
  try {
    der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  } catch {
    throw new CryptoError('invalid-pem', 'the text is not a public key PEM');
  }
  const [algorithm, point] = childrenOf(parseDer(der));
  requireBrainpoolAlgorithm(algorithm);
  if (!(point instanceof asn1js.BitString)) {
    throw new CryptoError('invalid-pem', 'the SPKI has no public key');
  }
  try {
    const uncompressed = ECDH.convertKey(
      Buffer.from(point.valueBlock.valueHexView),
      curveName,
      undefined,
      undefined,
      'uncompressed',
    );
    return Buffer.from(uncompressed as Buffer);
  } catch {
    throw new CryptoError('invalid-point', 'the public key is not a point on the curve');
  }
}
