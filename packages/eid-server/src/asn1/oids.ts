import * as asn1js from 'asn1js';

/** The object identifiers of TR-03110 (parts 3 and 4) the server speaks, named once. */
export const oids = {
  taEcdsaSha256: '0.4.0.127.0.7.2.2.2.2.3',
  pkEcdh: '0.4.0.127.0.7.2.2.1.2',
  caEcdhAesCbcCmac128: '0.4.0.127.0.7.2.2.3.2.2',
  riEcdhSha256: '0.4.0.127.0.7.2.2.5.2.3',
  chatAuthenticationTerminal: '0.4.0.127.0.7.3.1.2.2',
  certificateDescription: '0.4.0.127.0.7.3.1.3.1',
  descriptionPlainFormat: '0.4.0.127.0.7.3.1.3.1.1',
  terminalSector: '0.4.0.127.0.7.3.1.3.2',
  auxDateOfBirth: '0.4.0.127.0.7.3.1.4.1',
  auxDateOfExpiry: '0.4.0.127.0.7.3.1.4.2',
  auxCommunityId: '0.4.0.127.0.7.3.1.4.3',
  securityObject: '0.4.0.127.0.7.3.2.1',
  // SecurityInfos (TR-03110-3 A.1): protocol families, matched by prefix where a family has members.
  pkDh: '0.4.0.127.0.7.2.2.1.1',
  terminalAuthentication: '0.4.0.127.0.7.2.2.2',
  caDh: '0.4.0.127.0.7.2.2.3.1',
  caEcdh: '0.4.0.127.0.7.2.2.3.2',
  pace: '0.4.0.127.0.7.2.2.4',
  paceEcdhGmAesCbcCmac128: '0.4.0.127.0.7.2.2.4.2.2',
  riDh: '0.4.0.127.0.7.2.2.5.1',
  riEcdh: '0.4.0.127.0.7.2.2.5.2',
  privilegedTerminalInfo: '0.4.0.127.0.7.2.2.8',
  standardizedDomainParameters: '0.4.0.127.0.7.1.2',
  // CMS and X.509, for passive authentication of EF.CardSecurity.
  signedData: '1.2.840.113549.1.7.2',
  cmsContentType: '1.2.840.113549.1.9.3',
  cmsMessageDigest: '1.2.840.113549.1.9.4',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  ecdsaWithSha224: '1.2.840.10045.4.3.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
  commonName: '2.5.4.3',
  serialNumberAttribute: '2.5.4.5',
  countryName: '2.5.4.6',
  localityName: '2.5.4.7',
  stateOrProvinceName: '2.5.4.8',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  subjectKeyIdentifier: '2.5.29.14',
  basicConstraints: '2.5.29.19',
  ecPublicKey: '1.2.840.10045.2.1',
  brainpoolP256r1: '1.3.36.3.3.2.8.1.1.7',
} as const;

/** The content octets of an OID (what follows tag 06 and its length). */
export function oidContent(oid: string): Buffer {
  const encoded = Buffer.from(new asn1js.ObjectIdentifier({ value: oid }).toBER());
  return encoded.subarray(2);
}

/** The dotted form of an OID's content octets. */
export function oidFromContent(content: Buffer): string {
  const object = new asn1js.ObjectIdentifier();
  object.valueBlock.fromBER(content, 0, content.length);
  return object.getValue();
}
