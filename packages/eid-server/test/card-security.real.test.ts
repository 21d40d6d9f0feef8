import { createECDH, randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oids } from '../src/asn1/oids.js';
import {
  chipAuthenticationKey,
  parseSecurityInfos,
  PassiveAuthenticationError,
  verifyCardSecurity,
  type CardSecurity,
  type TrustList,
} from '../src/eac/card-security.js';
import type { PassiveAuthenticationErrorCode } from '../src/eac/passive-authentication-error.js';
import { simulatorCscaCertificate, simulatorTrustList } from '../src/pki/simulator-trust.js';
import {
  makeCardSecurity,
  makeCertificate,
  securityInfosWith,
  type TestCertificate,
} from './fixtures/card-security-builder.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
/** AusweisApp 1.26.2's Simulator card: EF.CardSecurity, its DS certificate and EF.CardAccess. */
const simulatorCardSecurity = fixture('card-security-simulator.der');
const simulatorDocumentSigner = fixture('card-security-simulator-ds.der');
const simulatorCardAccess = fixture('card-security-simulator-card-access.der');
/** The Simulator's CA private key for key id 41 (SimulatorCard.cpp). */
const simulatorCaPrivateKey = 'A07EB62E891DAA84643E0AFCC1AF006891B669B8F51E379477DBEAB8C987A610';

const duringValidity = new Date('2025-06-01T00:00:00Z');

function codeOf(run: () => unknown): PassiveAuthenticationErrorCode | 'accepted' {
  try {
    run();
    return 'accepted';
  } catch (error) {
    if (error instanceof PassiveAuthenticationError) return error.code;
    throw error;
  }
}

function flipped(bytes: Buffer, offset: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[offset] = (copy[offset] ?? 0) ^ 0x01;
  return copy;
}

describe("the Simulator card's EF.CardSecurity", () => {
  const verify = (bytes: Buffer, trust: TrustList = simulatorTrustList, now = duringValidity) =>
    verifyCardSecurity(bytes, trust, now);

  it('verifies against the TEST CSCA and yields CA key 41, the public key of its private key', () => {
    const security: CardSecurity = verify(simulatorCardSecurity);
    const expected = createECDH('brainpoolP256r1');
    expected.setPrivateKey(Buffer.from(simulatorCaPrivateKey, 'hex'));

    const key = chipAuthenticationKey(security, 41);
    expect(key.publicKey.equals(expected.getPublicKey())).toBe(true);
    expect(key.publicKey).toHaveLength(65);
    expect(key.curve).toBe('brainpoolP256r1');
    expect(key.privilegedTerminalsOnly).toBe(false);
    expect(chipAuthenticationKey(security)).toBe(key);
    expect(security.signerSubject).toContain('CN=TEST Document Signer Identity Documents');
    expect(security.signerIssuer).toBe('C=DE, O=bund, OU=bsi, CN=TEST csca-germany');
    expect(security.signerSerialNumber).toBe('04d5');
    expect(security.trustAnchorSubject).toBe('C=DE, O=bund, OU=bsi, CN=TEST csca-germany');
  });

  it('reads the other SecurityInfos: CA protocol, the privileged terminal key, RI, PACE, TA', () => {
    const security = verify(simulatorCardSecurity);
    expect(security.chipAuthentication).toEqual([
      {
        protocol: oids.caEcdhAesCbcCmac128,
        version: 2,
        keyId: 41,
        privilegedTerminalsOnly: false,
      },
      { protocol: oids.caEcdhAesCbcCmac128, version: 2, keyId: 45, privilegedTerminalsOnly: true },
    ]);
    expect(chipAuthenticationKey(security, 45).privilegedTerminalsOnly).toBe(true);
    expect(security.restrictedIdentification).toEqual([
      { protocol: oids.riEcdhSha256, version: 1, keyId: 1, authorizedOnly: false },
      { protocol: oids.riEcdhSha256, version: 1, keyId: 2, authorizedOnly: true },
    ]);
    expect(security.pace).toEqual([
      { protocol: '0.4.0.127.0.7.2.2.4.2.2', version: 2, parameterId: 13 },
    ]);
    expect(security.terminalAuthenticationVersion).toBe(2);
    expect(codeOf(() => chipAuthenticationKey(security, 99))).toBe('unknown-key');
  });

  it('has a DS key with explicit brainpoolP384r1 parameters, which OpenSSL 3 reads as named', () => {
    const primeField = Buffer.from('06072a8648ce3d0101', 'hex');
    expect(simulatorDocumentSigner.includes(primeField)).toBe(true);
    const { publicKey } = new X509Certificate(simulatorDocumentSigner);
    expect(publicKey.asymmetricKeyDetails?.namedCurve).toBe('brainpoolP384r1');
  });

  it('verifies with the DS certificate trusted directly (the one inside EF.CardSecurity)', () => {
    expect(simulatorCardSecurity.includes(simulatorDocumentSigner)).toBe(true);
    const security = verify(simulatorCardSecurity, { certificates: [simulatorDocumentSigner] });
    expect(security.trustAnchorSubject).toBe(security.signerSubject);
  });

  it("refuses a flipped byte of the signed content ('digest')", () => {
    const content = simulatorCardSecurity.indexOf(Buffer.from('318203ca', 'hex'));
    expect(content).toBeGreaterThan(0);
    expect(codeOf(() => verify(flipped(simulatorCardSecurity, content + 200)))).toBe('digest');
  });

  it("refuses an altered signature ('signature')", () => {
    // The SignerInfo's signature is the file's last element; its last byte is the end of s.
    const altered = flipped(simulatorCardSecurity, simulatorCardSecurity.length - 1);
    expect(codeOf(() => verify(altered))).toBe('signature');
  });

  it("refuses an empty or unrelated trust list ('untrusted-signer')", () => {
    const other = makeCertificate({
      commonName: 'TEST csca-germany',
      serialNumber: 0x4b0,
      notBefore: new Date('2018-01-01'),
      notAfter: new Date('2040-01-01'),
      certificateAuthority: true,
    });
    expect(codeOf(() => verify(simulatorCardSecurity, { certificates: [] }))).toBe(
      'untrusted-signer',
    );
    expect(codeOf(() => verify(simulatorCardSecurity, { certificates: [other.der] }))).toBe(
      'untrusted-signer',
    );
  });

  it("refuses a time outside the DS certificate's validity ('expired')", () => {
    expect(
      codeOf(() => verify(simulatorCardSecurity, simulatorTrustList, new Date('2030-08-22'))),
    ).toBe('expired');
    expect(
      codeOf(() => verify(simulatorCardSecurity, simulatorTrustList, new Date('2019-06-01'))),
    ).toBe('expired');
  });

  it("refuses garbage and every truncation ('malformed')", () => {
    expect(codeOf(() => verify(Buffer.alloc(0)))).toBe('malformed');
    for (let round = 0; round < 200; round += 1) {
      expect(codeOf(() => verify(randomBytes(1 + (round % 64) * 40)))).toBe('malformed');
    }
    for (let length = 0; length < simulatorCardSecurity.length; length += 1) {
      expect(codeOf(() => verify(simulatorCardSecurity.subarray(0, length)))).toBe('malformed');
    }
    expect(codeOf(() => verify(Buffer.concat([simulatorCardSecurity, Buffer.of(0)])))).toBe(
      'malformed',
    );
  });

  it('answers single-byte changes across the file with a typed refusal or an acceptance', () => {
    // Parsing costs tens of milliseconds (asn1js/pkijs), so 40 offsets spread over the file.
    const step = Math.ceil(simulatorCardSecurity.length / 40);
    for (let offset = 0; offset < simulatorCardSecurity.length; offset += step) {
      const outcome = codeOf(() => verify(flipped(simulatorCardSecurity, offset)));
      expect(typeof outcome).toBe('string');
    }
  });

  it('keeps the trust anchor the DS names as its issuer (the TEST CSCA, serial 04B0)', () => {
    expect(simulatorTrustList.certificates).toEqual([simulatorCscaCertificate]);
    expect(simulatorCscaCertificate).toHaveLength(1343);
  });
});

describe("the Simulator card's EF.CardAccess", () => {
  it('reads PACE and both Chip Authentication infos, without keys', () => {
    const access = parseSecurityInfos(simulatorCardAccess);
    expect(access.pace).toEqual([
      { protocol: '0.4.0.127.0.7.2.2.4.2.2', version: 2, parameterId: 13 },
    ]);
    expect(
      access.chipAuthentication.map((info) => [info.keyId, info.privilegedTerminalsOnly]),
    ).toEqual([
      [41, false],
      [45, true],
    ]);
    expect(access.chipAuthenticationKeys).toEqual([]);
  });

  it('refuses bytes that are not a SecurityInfos SET', () => {
    expect(codeOf(() => parseSecurityInfos(simulatorCardAccess.subarray(0, 50)))).toBe('malformed');
    expect(codeOf(() => parseSecurityInfos(Buffer.from('300302012a', 'hex')))).toBe('malformed');
    expect(codeOf(() => parseSecurityInfos(Buffer.from('3105300302012a', 'hex')))).toBe(
      'malformed',
    );
  });
});

describe('an EF.CardSecurity of our own test PKI', () => {
  const years = (from: number, to: number) => ({
    notBefore: new Date(`${from}-01-01T00:00:00Z`),
    notAfter: new Date(`${to}-01-01T00:00:00Z`),
  });
  const csca = makeCertificate({
    commonName: 'Test CSCA',
    serialNumber: 1,
    ...years(2020, 2040),
    certificateAuthority: true,
  });
  const documentSigner = makeCertificate({
    commonName: 'Test Document Signer',
    serialNumber: 2,
    ...years(2024, 2030),
    certificateAuthority: false,
    issuer: csca,
    curve: 'brainpoolP384r1',
  });
  const chip = createECDH('brainpoolP256r1');
  chip.generateKeys();
  const content = securityInfosWith(7, chip.getPublicKey());
  const cardSecurity = makeCardSecurity({ content, signer: documentSigner });
  const trust = { certificates: [csca.der] };
  const at2025 = new Date('2025-01-01T00:00:00Z');
  const codeWith = (bytes: Buffer, certificates: TestCertificate[], now = at2025) =>
    codeOf(() => verifyCardSecurity(bytes, { certificates: certificates.map((c) => c.der) }, now));

  it('verifies CSCA → DS → SignedData and yields the chip key', () => {
    const security = verifyCardSecurity(cardSecurity, trust, at2025);
    const key = chipAuthenticationKey(security);
    expect(key).toMatchObject({ keyId: 7, curve: 'brainpoolP256r1' });
    expect(key.publicKey.equals(chip.getPublicKey())).toBe(true);
    expect(security.restrictedIdentification).toEqual([
      { protocol: oids.riEcdhSha256, version: 1, keyId: 3, authorizedOnly: true },
    ]);
    expect(security.signerSubject).toBe('CN=Test Document Signer');
    expect(security.trustAnchorSubject).toBe('CN=Test CSCA');
  });

  it('finds the signer by issuer and serial number as well as by key identifier', () => {
    const byIssuer = makeCardSecurity({ content, signer: documentSigner, byIssuerAndSerial: true });
    expect(codeWith(byIssuer, [csca])).toBe('accepted');
  });

  it('takes a DS certificate that is not embedded from the trust list only', () => {
    const bare = makeCardSecurity({ content, signer: documentSigner, embedSigner: false });
    expect(codeWith(bare, [csca])).toBe('untrusted-signer');
    expect(codeWith(bare, [documentSigner])).toBe('accepted');
  });

  it('needs the CSCA whose key signed the DS, not another of the same name', () => {
    const impostor = makeCertificate({
      commonName: 'Test CSCA',
      serialNumber: 1,
      ...years(2020, 2040),
      certificateAuthority: true,
    });
    expect(codeWith(cardSecurity, [impostor])).toBe('untrusted-signer');
    expect(codeWith(cardSecurity, [impostor, csca])).toBe('accepted');
  });

  it('does not let a trust list certificate that is no CA issue a DS', () => {
    const notCa = makeCertificate({
      commonName: 'Test CSCA',
      serialNumber: 9,
      ...years(2020, 2040),
      certificateAuthority: false,
    });
    const signer = makeCertificate({
      commonName: 'Test Document Signer',
      serialNumber: 3,
      ...years(2024, 2030),
      certificateAuthority: false,
      issuer: notCa,
    });
    expect(codeWith(makeCardSecurity({ content, signer }), [notCa])).toBe('untrusted-signer');
  });

  it("refuses a DS whose CSCA is no longer valid ('expired')", () => {
    const oldCsca = makeCertificate({
      commonName: 'Old CSCA',
      serialNumber: 4,
      ...years(2015, 2025),
      certificateAuthority: true,
    });
    const signer = makeCertificate({
      commonName: 'Test Document Signer',
      serialNumber: 5,
      ...years(2020, 2030),
      certificateAuthority: false,
      issuer: oldCsca,
    });
    const signed = makeCardSecurity({ content, signer });
    expect(codeWith(signed, [oldCsca], new Date('2024-06-01'))).toBe('accepted');
    expect(codeWith(signed, [oldCsca], new Date('2026-06-01'))).toBe('expired');
  });

  it('refuses a signed content type that is not the eContentType', () => {
    const mislabelled = makeCardSecurity({
      content,
      signer: documentSigner,
      signedContentType: oids.signedData,
    });
    expect(codeWith(mislabelled, [csca])).toBe('malformed');
  });

  it('refuses signed content that is not a SecurityInfos SET', () => {
    const notInfos = makeCardSecurity({
      content: Buffer.from('0400', 'hex'),
      signer: documentSigner,
    });
    expect(codeWith(notInfos, [csca])).toBe('malformed');
  });

  it('refuses a trust list entry that is not a certificate', () => {
    expect(
      codeOf(() => verifyCardSecurity(cardSecurity, { certificates: [Buffer.of(1, 2)] }, at2025)),
    ).toBe('malformed');
  });
});
