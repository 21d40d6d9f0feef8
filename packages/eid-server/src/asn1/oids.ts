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
