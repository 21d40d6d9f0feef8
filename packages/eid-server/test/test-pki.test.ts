import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { beforeAll, describe, expect, it } from 'vitest';
import { oids } from '../src/asn1/oids.js';
import { ecPrivateKeyFromPem, ecPublicKeyOf } from '../src/crypto/brainpool.js';
import { parseCertificateDescription } from '../src/cvc/certificate-description.js';
import { parseCvc, verifyCvcSignature, type Cvc } from '../src/cvc/certificate.js';
import { decodeChat } from '../src/cvc/chat.js';
import { findExtensionHash, sectorPublicKeyDataObject } from '../src/cvc/extensions.js';
import { createTestPki, type TestPki } from '../src/pki/test-pki.js';

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();
const now = new Date('2025-06-15T12:00:00Z');

let pki: TestPki;
let dv: Cvc;
let at: Cvc;

beforeAll(async () => {
  pki = await createTestPki({
    origin: 'https://localhost:4443',
    serviceName: 'SIDbox Online-Ausweis testen',
    hosts: ['localhost', '127.0.0.1', 'sidbox.local', '::1'],
    now,
  });
  dv = parseCvc(pki.dvCertificate);
  at = parseCvc(pki.atCertificate);
});

describe('createTestPki', () => {
  it('chains the DV under the Simulator CVCA name and the AT under the DV', () => {
    expect(dv.body.car).toBe('DETESTeID00005');
    expect(dv.body.chr).toBe('DESIDBOXDV00001');
    expect(at.body.car).toBe(dv.body.chr);
    expect(at.body.chr).toBe('DESIDBOXAT00001');
  });

  it('signs the DV with the CVCA key and the AT with the DV key', () => {
    expect(verifyCvcSignature(dv, pki.cvcaPublicKey)).toBe(true);
    expect(verifyCvcSignature(at, dv.body.publicKey)).toBe(true);
    expect(verifyCvcSignature(at, pki.cvcaPublicKey)).toBe(false);
  });

  it('gives the AT private key that belongs to the AT certificate', () => {
    expect(ecPublicKeyOf(ecPrivateKeyFromPem(pki.atPrivateKeyPem))).toEqual(at.body.publicKey);
  });

  it('grants the roles and the eService rights, without write access', () => {
    const dvChat = decodeChat(dv.body.chat);
    const atChat = decodeChat(at.body.chat);
    expect(dvChat.role).toBe('dvNonOfficial');
    expect(atChat.role).toBe('at');
    expect(atChat.rights).toEqual(dvChat.rights);
    for (const right of [
      'ageVerification',
      'communityIdVerification',
      'restrictedIdentification',
    ]) {
      expect(atChat.rights).toContain(right);
    }
    for (let group = 1; group <= 21; group++) expect(atChat.rights).toContain(`readDG${group}`);
    expect([...atChat.rights].filter((right) => right.startsWith('write'))).toEqual([]);
    expect(atChat.rights).not.toContain('pinManagement');
  });

  it('is valid from the day before now for a year', () => {
    expect(at.body.effectiveDate).toBe('2025-06-14');
    expect(at.body.expirationDate).toBe('2026-06-15');
    expect(dv.body.expirationDate >= at.body.expirationDate).toBe(true);
  });

  it('puts the hash of the certificate description in the AT certificate', () => {
    expect(findExtensionHash(at.body, oids.certificateDescription)).toEqual(
      sha256(pki.certificateDescription),
    );
  });

  it('puts the hash of the sector public key data object in the AT certificate', () => {
    expect(findExtensionHash(at.body, oids.terminalSector)).toEqual(
      sha256(sectorPublicKeyDataObject(pki.sectorPublicKey)),
    );
    expect(ecPublicKeyOf(ecPrivateKeyFromPem(pki.sectorPrivateKeyPem))).toEqual(
      pki.sectorPublicKey,
    );
  });

  it('describes the service at the origin, accepting exactly the TLS certificate', () => {
    const description = parseCertificateDescription(pki.certificateDescription);
    expect(description.issuerName).toBe('SIDbox test DV');
    expect(description.subjectName).toBe('SIDbox Online-Ausweis testen');
    expect(description.subjectUrl).toBe('https://localhost:4443');
    expect(description.termsOfUsage).toContain(
      'Name, Anschrift und E-Mail-Adresse des Diensteanbieters:\r\nSIDbox Online-Ausweis testen',
    );
    const tlsDer = new X509Certificate(pki.tls.certPem).raw;
    expect(description.commCertificates).toEqual([sha256(tlsDer)]);
  });
});

describe('the TLS certificate', () => {
  it('is a self-signed RSA-3072 certificate for every host, valid for two years', () => {
    const certificate = new X509Certificate(pki.tls.certPem);
    expect(certificate.publicKey.asymmetricKeyType).toBe('rsa');
    expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.subjectAltName).toBe(
      'DNS:localhost, IP Address:127.0.0.1, DNS:sidbox.local, IP Address:0:0:0:0:0:0:0:1',
    );
    expect(certificate.checkHost('sidbox.local')).toBe('sidbox.local');
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(certificate.checkIP('::1')).toBe('::1');
    const validDays =
      (Date.parse(certificate.validTo) - Date.parse(certificate.validFrom)) / 86_400_000;
    expect(validDays).toBeGreaterThanOrEqual(730);
    expect(Date.parse(certificate.validFrom)).toBeLessThanOrEqual(now.getTime());
  });

  it('comes with its private key', () => {
    const certificate = new X509Certificate(pki.tls.certPem);
    expect(certificate.checkPrivateKey(createPrivateKey(pki.tls.keyPem))).toBe(true);
    expect(() => createSecureContext({ key: pki.tls.keyPem, cert: pki.tls.certPem })).not.toThrow();
  });
});
