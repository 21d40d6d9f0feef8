import { KeyObject, X509Certificate, randomBytes, webcrypto } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * The eID-Server's self-signed TLS certificate for test setups. RSA, because AusweisApp talks
 * RSA-PSK to the PAOS endpoint; 3072 bits, because AusweisApp 2.x refuses RSA under 3000.
 * Built with pkijs: @peculiar/x509 2.x cannot load without a reflect-metadata polyfill.
 */
export interface TlsCertificate {
  keyPem: string;
  certPem: string;
  certDer: Buffer;
}

const RSA_ALGORITHM = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 3072,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};
const DAY_MS = 24 * 60 * 60 * 1000;
const VALIDITY_DAYS = 2 * 365;
const COMMON_NAME = '2.5.4.3';
const BASIC_CONSTRAINTS = '2.5.29.19';
const KEY_USAGE = '2.5.29.15';
const EXTENDED_KEY_USAGE = '2.5.29.37';
const SUBJECT_ALT_NAME = '2.5.29.17';
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const DNS_NAME = 2;
const IP_ADDRESS = 7;
// digitalSignature (bit 0) and keyEncipherment (bit 2): RSA-PSK transports the secret with RSA.
const DIGITAL_SIGNATURE_AND_KEY_ENCIPHERMENT = new Uint8Array([0xa0]);

// Node's webcrypto is the WebCrypto pkijs expects; the cast bridges Node's and the DOM's typings.
const engine = new pkijs.CryptoEngine({
  name: 'node',
  crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'],
});

function ipv6Bytes(address: string): Buffer {
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const known = [...groups(head), ...groups(tail ?? '')];
  const filled =
    tail === undefined
      ? known
      : [...groups(head), ...Array<string>(8 - known.length).fill('0'), ...groups(tail)];
  return Buffer.from(filled.map((group) => group.padStart(4, '0')).join(''), 'hex');
}

function generalName(host: string): pkijs.GeneralName {
  if (isIPv4(host)) {
    const valueHex = Buffer.from(host.split('.').map(Number));
    return new pkijs.GeneralName({ type: IP_ADDRESS, value: new asn1js.OctetString({ valueHex }) });
  }
  if (isIPv6(host)) {
    const valueHex = ipv6Bytes(host);
    return new pkijs.GeneralName({ type: IP_ADDRESS, value: new asn1js.OctetString({ valueHex }) });
  }
  return new pkijs.GeneralName({ type: DNS_NAME, value: host });
}

function extension(extnID: string, critical: boolean, value: { toSchema(): asn1js.AsnType }) {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toSchema().toBER() });
}

function extensions(hosts: readonly string[]): pkijs.Extension[] {
  return [
    extension(BASIC_CONSTRAINTS, true, new pkijs.BasicConstraints({ cA: false })),
    new pkijs.Extension({
      extnID: KEY_USAGE,
      critical: true,
      extnValue: new asn1js.BitString({
        valueHex: DIGITAL_SIGNATURE_AND_KEY_ENCIPHERMENT,
        unusedBits: 5,
      }).toBER(),
    }),
    extension(EXTENDED_KEY_USAGE, false, new pkijs.ExtKeyUsage({ keyPurposes: [SERVER_AUTH] })),
    extension(SUBJECT_ALT_NAME, false, new pkijs.AltName({ altNames: hosts.map(generalName) })),
  ];
}

function timeOf(date: Date): pkijs.Time {
  // RFC 5280: UTCTime through 2049, GeneralizedTime from 2050.
  const type =
    date.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime;
  return new pkijs.Time({ type, value: date });
}

/** A self-signed certificate naming every host (DNS name or IP address) in its SANs. */
export async function createTlsCertificate(
  hosts: readonly string[],
  now: Date = new Date(),
): Promise<TlsCertificate> {
  const [first] = hosts;
  if (first === undefined) throw new RangeError('a TLS certificate needs at least one host');
  const keys = await webcrypto.subtle.generateKey(RSA_ALGORITHM, true, ['sign', 'verify']);
  const name = new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({
        type: COMMON_NAME,
        value: new asn1js.Utf8String({ value: first }),
      }),
    ],
  });
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  const certificate = new pkijs.Certificate({
    version: 2,
    serialNumber: new asn1js.Integer({ valueHex: serial }),
    issuer: name,
    subject: name,
    // A day's slack for clocks that run behind.
    notBefore: timeOf(new Date(now.getTime() - DAY_MS)),
    notAfter: timeOf(new Date(now.getTime() + VALIDITY_DAYS * DAY_MS)),
    extensions: extensions(hosts),
  });
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  await certificate.sign(keys.privateKey, 'SHA-256', engine);
  const certDer = Buffer.from(certificate.toSchema(true).toBER());
  const keyPem = KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' });
  return { keyPem: keyPem.toString(), certPem: new X509Certificate(certDer).toString(), certDer };
}
