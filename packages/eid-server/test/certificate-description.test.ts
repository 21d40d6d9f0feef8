import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import {
  encodeCertificateDescription,
  parseCertificateDescription,
  type CertificateDescription,
} from '../src/cvc/certificate-description.js';
import { CvcError } from '../src/cvc/cvc-error.js';
import { certificateDescriptions, eac1 } from './fixtures/ausweisapp-cvc.js';

const hash = (byte: number): Buffer => Buffer.alloc(32, byte);

const sample: CertificateDescription = {
  issuerName: 'SIDbox test DV',
  issuerUrl: 'https://dv.example',
  subjectName: 'Bürgerbüro Köln',
  subjectUrl: 'https://localhost:4443',
  termsOfUsage: 'Name, Anschrift und E-Mail-Adresse des Diensteanbieters:\r\nStraße 1',
  redirectUrl: 'https://localhost:4443/done',
  commCertificates: [hash(0xee), hash(0x01), hash(0x7f)],
};

/**
 * AusweisApp's ASN.1 template (src/card/base/asn1/CertificateDescription.cpp), read with asn1js
 * rather than with the parser under test: SEQUENCE { OID, [1] UTF8String, [2] PrintableString
 * OPT, [3] UTF8String, [4] PrintableString OPT, [5] ANY, [6] PrintableString OPT, [7] SET OF
 * OCTET STRING OPT }, every tag explicit.
 */
function readAsAusweisApp(der: Buffer): Map<number, asn1js.AsnType> {
  const { result, offset } = asn1js.fromBER(der);
  expect(offset).toBe(der.length);
  expect(result).toBeInstanceOf(asn1js.Sequence);
  const [type, ...fields] = (result as asn1js.Sequence).valueBlock.value;
  expect(type).toBeInstanceOf(asn1js.ObjectIdentifier);
  const byTag = new Map<number, asn1js.AsnType>();
  for (const field of fields) {
    expect(field.idBlock.tagClass).toBe(3);
    const inner = (field as asn1js.Constructed).valueBlock.value;
    expect(inner).toHaveLength(1);
    byTag.set(field.idBlock.tagNumber, inner[0] as asn1js.AsnType);
  }
  return byTag;
}

describe('CertificateDescription', () => {
  it('reads the description of AusweisApp DIDAuthenticateEAC1.xml', () => {
    const description = parseCertificateDescription(eac1.certificateDescription);
    expect(description.issuerName).toBe('Governikus Test DVCA');
    expect(description.issuerUrl).toBe('http://www.governikus.de');
    expect(description.subjectName).toBe('Governikus GmbH & Co. KG');
    expect(description.subjectUrl).toBe('https://test.governikus-eid.de');
    expect(description.termsOfUsage).toMatch(
      /^Name, Anschrift und E-Mail-Adresse des Diensteanbieters:\r\nGovernikus GmbH & Co. KG\r\n/,
    );
    expect(description.redirectUrl).toBeUndefined();
    expect(description.commCertificates.map((h) => h.toString('hex'))).toEqual([
      'ccb65ac1d48e9cd43876ca82cfe83c43d711294d4a40f68811acb715aaa6c8ab',
    ]);
  });

  it('re-encodes every fixture description byte for byte', () => {
    expect(certificateDescriptions.length).toBeGreaterThanOrEqual(6);
    for (const bytes of certificateDescriptions) {
      const reencoded = encodeCertificateDescription(parseCertificateDescription(bytes));
      expect(reencoded.toString('hex')).toBe(bytes.toString('hex'));
    }
  });

  it('writes what AusweisApp reads, field by field', () => {
    const fields = readAsAusweisApp(encodeCertificateDescription(sample));
    expect([...fields.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const text = (tag: number, type: new () => asn1js.AsnType) => {
      const field = fields.get(tag);
      expect(field).toBeInstanceOf(type);
      return (field as asn1js.Utf8String).valueBlock.value;
    };
    expect(text(1, asn1js.Utf8String)).toBe(sample.issuerName);
    expect(text(2, asn1js.PrintableString)).toBe(sample.issuerUrl);
    expect(text(3, asn1js.Utf8String)).toBe('Bürgerbüro Köln');
    expect(text(4, asn1js.PrintableString)).toBe(sample.subjectUrl);
    expect(text(5, asn1js.Utf8String)).toBe(sample.termsOfUsage);
    expect(text(6, asn1js.PrintableString)).toBe(sample.redirectUrl);
    const set = fields.get(7);
    expect(set).toBeInstanceOf(asn1js.Set);
    const hashes = (set as asn1js.Set).valueBlock.value.map((element) => {
      expect(element).toBeInstanceOf(asn1js.OctetString);
      return Buffer.from((element as asn1js.OctetString).valueBlock.valueHexView).toString('hex');
    });
    // DER (and OpenSSL, which AusweisApp uses) orders a SET OF by encoding.
    expect(hashes).toEqual([hash(0x01), hash(0x7f), hash(0xee)].map((h) => h.toString('hex')));
  });

  it('round-trips, leaving out the optional fields when absent', () => {
    const minimal: CertificateDescription = {
      issuerName: 'DV',
      subjectName: 'eService',
      subjectUrl: 'https://127.0.0.1:4443',
      termsOfUsage: 'Test',
      commCertificates: [],
    };
    expect([...readAsAusweisApp(encodeCertificateDescription(minimal)).keys()]).toEqual([
      1, 3, 4, 5,
    ]);
    expect(parseCertificateDescription(encodeCertificateDescription(minimal))).toEqual(minimal);
    const full = parseCertificateDescription(encodeCertificateDescription(sample));
    expect(full).toEqual({ ...sample, commCertificates: [hash(0x01), hash(0x7f), hash(0xee)] });
  });

  it('refuses URLs a PrintableString cannot carry', () => {
    expect(() =>
      encodeCertificateDescription({ ...sample, subjectUrl: 'https://example.org/a_b' }),
    ).toThrow(CvcError);
  });

  it('refuses other formats, missing fields and junk', () => {
    const der = encodeCertificateDescription(sample);
    const html = Buffer.from(der);
    html[der.indexOf(Buffer.from('04007f00070301030101', 'hex')) + 9] = 0x02;
    const withoutSubject = Buffer.from(
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: '0.4.0.127.0.7.3.1.3.1.1' }),
          new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 1 },
            value: [new asn1js.Utf8String({ value: 'x' })],
          }),
        ],
      }).toBER(),
    );
    for (const bad of [html, withoutSubject, der.subarray(0, 40), Buffer.from('3000', 'hex')]) {
      expect(() => parseCertificateDescription(bad)).toThrow(CvcError);
    }
  });
});
