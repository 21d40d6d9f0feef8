import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { oids } from '../src/asn1/oids.js';
import { encodeTlv } from '../src/asn1/tlv.js';
import { generateEcKeyPair } from '../src/crypto/brainpool.js';
import {
  encodeCvcBody,
  parseCvc,
  signCvc,
  verifyCvcSignature,
  type Cvc,
  type CvcBody,
} from '../src/cvc/certificate.js';
import { decodeCvcDate, encodeCvcDate } from '../src/cvc/cvc-date.js';
import { CvcError } from '../src/cvc/cvc-error.js';
import { decodeChat, encodeChat } from '../src/cvc/chat.js';
import {
  descriptionExtension,
  findExtensionHash,
  sectorPublicKeyDataObject,
  terminalSectorExtension,
} from '../src/cvc/extensions.js';
import { cardCertificates, eac1, paosCertificates } from './fixtures/ausweisapp-cvc.js';

function card(name: string): Cvc {
  const bytes = cardCertificates.get(name);
  if (bytes === undefined) throw new Error(`no fixture ${name}`);
  return parseCvc(bytes);
}

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

function testBody(publicKey: Buffer): CvcBody {
  return {
    car: 'DETESTeID00005',
    chr: 'DESIDBOXDV00001',
    publicKey,
    chat: encodeChat('dvNonOfficial', ['ageVerification', 'readDG4']),
    effectiveDate: '2024-02-29',
    expirationDate: '2025-03-01',
    extensions: [],
  };
}

describe('CVC dates', () => {
  it('are six unpacked BCD digits YYMMDD', () => {
    expect(encodeCvcDate('2020-05-21').toString('hex')).toBe('020000050201');
    expect(decodeCvcDate(Buffer.from('010300090201', 'hex'))).toBe('2013-09-21');
  });

  it('refuse packed BCD, impossible days and years outside 2000–2099', () => {
    expect(() => decodeCvcDate(Buffer.from('200521', 'hex'))).toThrow(CvcError);
    expect(() => decodeCvcDate(Buffer.from('020001030200', 'hex'))).toThrow(CvcError);
    expect(() => encodeCvcDate('2023-02-29')).toThrow(CvcError);
    expect(() => encodeCvcDate('1999-12-31')).toThrow(CvcError);
  });
});

describe('parseCvc on AusweisApp fixtures', () => {
  const all = [...cardCertificates.values(), ...paosCertificates];

  it('reads every fixture certificate and re-encodes its body and itself byte for byte', () => {
    expect(all.length).toBeGreaterThanOrEqual(25);
    for (const bytes of all) {
      const cvc = parseCvc(bytes);
      expect(encodeCvcBody(cvc.body).toString('hex')).toBe(cvc.bodyBytes.toString('hex'));
      const reencoded = encodeTlv(0x7f21, [
        encodeCvcBody(cvc.body),
        encodeTlv(0x5f37, cvc.signature),
      ]);
      expect(reencoded.toString('hex')).toBe(bytes.toString('hex'));
    }
  });

  it('reads the fields of the DV certificate DEDVtIDGVNK00005', () => {
    const { body } = card('cvdv-DEDVtIDGVNK00005');
    expect(body.car).toBe('DETESTeID00005');
    expect(body.chr).toBe('DEDVtIDGVNK00005');
    expect(body.publicKey).toHaveLength(65);
    expect(body.domainParameters).toBeUndefined();
    expect(decodeChat(body.chat).role).toBe('dvNonOfficial');
    expect(body.extensions).toEqual([]);
  });

  it('keeps the domain parameters of a CVCA certificate', () => {
    const { body } = card('cvca-DETESTeID00005');
    expect(body.car).toBe('DETESTeID00005');
    expect(body.chr).toBe('DETESTeID00005');
    expect(body.domainParameters?.primeModulus.toString('hex')).toBe(
      'a9fb57dba1eea9bc3e660a909d838d726e3bf623d52620282013481d1f6e5377',
    );
    expect(body.domainParameters?.cofactor?.toString('hex')).toBe('01');
    expect(decodeChat(body.chat).role).toBe('cvca');
  });

  it('finds the description hash in the EAC1 fixture terminal certificate', () => {
    const terminal = paosCertificates
      .map((bytes) => parseCvc(bytes))
      .find((cvc) => cvc.body.chr === 'DEDEMOCAN00076');
    expect(terminal?.body.effectiveDate).toBe('2020-05-21');
    const hash = terminal && findExtensionHash(terminal.body, oids.certificateDescription);
    expect(hash?.toString('hex')).toBe(sha256(eac1.certificateDescription).toString('hex'));
    expect(terminal && findExtensionHash(terminal.body, oids.terminalSector)).toHaveLength(32);
  });
});

describe('fixture chain signatures', () => {
  const links: [issuer: string, subject: string][] = [
    ['cvca-DETESTeID00001', 'cvca-DETESTeID00002_DETESTeID00001'],
    ['cvca-DETESTeID00002', 'cvca-DETESTeID00004_DETESTeID00002'],
    ['cvca-DETESTeID00004', 'cvca-DETESTeID00005_DETESTeID00004'],
    ['cvca-DETESTeID00005', 'cvca-DETESTeID00005'],
    ['cvca-DETESTeID00005', 'cvdv-DEDVtIDGVNK00005'],
    ['cvdv-DEDVtIDGVNK00005', 'cvat-DEDEVDEMO00020'],
    ['cvca-DECVCAeID00102', 'cvca-DECVCAeID00102_DECVCAeID00103'],
  ];

  it.each(links)('%s signed %s', (issuer, subject) => {
    const signer = card(issuer);
    const signed = card(subject);
    expect(signed.body.car).toBe(signer.body.chr);
    expect(verifyCvcSignature(signed, signer.body.publicKey)).toBe(true);
  });

  it('a certificate does not verify under a key that did not sign it', () => {
    const dv = card('cvdv-DEDVtIDGVNK00005');
    expect(verifyCvcSignature(dv, card('cvca-DETESTeID00004').body.publicKey)).toBe(false);
  });
});

describe('signCvc', () => {
  it('signs a body that parses back and verifies under the signer key only', () => {
    const issuer = generateEcKeyPair();
    const holder = generateEcKeyPair();
    const signed = signCvc(testBody(holder.publicKey), issuer.privateKey);
    const parsed = parseCvc(signed.bytes);
    expect(parsed.body).toEqual(signed.body);
    expect(parsed.bodyBytes.equals(signed.bodyBytes)).toBe(true);
    expect(verifyCvcSignature(parsed, issuer.publicKey)).toBe(true);
    expect(verifyCvcSignature(parsed, holder.publicKey)).toBe(false);
  });

  it('a changed body no longer verifies', () => {
    const issuer = generateEcKeyPair();
    const signed = signCvc(testBody(generateEcKeyPair().publicKey), issuer.privateKey);
    const tampered = Buffer.from(signed.bytes);
    tampered[signed.bytes.indexOf(Buffer.from('DESIDBOXDV00001'))] = 0x45;
    expect(verifyCvcSignature(parseCvc(tampered), issuer.publicKey)).toBe(false);
  });

  it('writes extensions in tag 65 in the given order', () => {
    const description = Buffer.from('description');
    const sector = generateEcKeyPair().publicKey;
    const body = {
      ...testBody(generateEcKeyPair().publicKey),
      extensions: [descriptionExtension(description), terminalSectorExtension(sector)],
    };
    const parsed = parseCvc(signCvc(body, generateEcKeyPair().privateKey).bytes);
    expect(findExtensionHash(parsed.body, oids.certificateDescription)).toEqual(
      sha256(description),
    );
    expect(findExtensionHash(parsed.body, oids.terminalSector)).toEqual(
      sha256(sectorPublicKeyDataObject(sector)),
    );
  });

  it('refuses references longer than 16 characters and malformed keys', () => {
    const { privateKey, publicKey } = generateEcKeyPair();
    expect(() => signCvc({ ...testBody(publicKey), chr: 'X'.repeat(17) }, privateKey)).toThrow(
      CvcError,
    );
    expect(() => signCvc(testBody(publicKey.subarray(1)), privateKey)).toThrow(CvcError);
  });
});

describe('terminal sector', () => {
  it('hashes 7F49 { 06 id-RI-ECDH-SHA-256, 86 point }, what the chip rebuilds from A0', () => {
    const point = Buffer.alloc(65, 7);
    point[0] = 0x04;
    const dataObject = sectorPublicKeyDataObject(point);
    expect(dataObject.subarray(0, 17).toString('hex')).toBe(
      '7f494f 060a04007f00070202050203 8641'.replaceAll(' ', ''),
    );
    expect(dataObject.subarray(17).equals(point)).toBe(true);
  });
});

describe('parseCvc on malformed input', () => {
  const valid = cardCertificates.get('cvdv-DEDVtIDGVNK00005') ?? Buffer.alloc(0);

  it('throws CvcError for truncations, bit flips and junk, never anything else', () => {
    const inputs: Buffer[] = [
      Buffer.alloc(0),
      Buffer.from('7f21', 'hex'),
      Buffer.from('00', 'hex'),
    ];
    for (let length = 1; length < valid.length; length += 7) inputs.push(valid.subarray(0, length));
    for (let index = 0; index < valid.length; index += 3) {
      const flipped = Buffer.from(valid);
      flipped[index] = (flipped[index] ?? 0) ^ 0xff;
      inputs.push(flipped);
    }
    let seed = 1;
    for (let count = 0; count < 200; count++) {
      const junk = Buffer.alloc(1 + (count % 300));
      for (let index = 0; index < junk.length; index++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        junk[index] = seed & 0xff;
      }
      inputs.push(count % 2 === 0 ? junk : Buffer.concat([valid.subarray(0, 40), junk]));
    }
    for (const input of inputs) {
      try {
        parseCvc(input);
      } catch (error) {
        expect(error).toBeInstanceOf(CvcError);
      }
    }
  });

  it('refuses trailing bytes after the certificate', () => {
    expect(() => parseCvc(Buffer.concat([valid, Buffer.from([0])]))).toThrow(CvcError);
  });
});
