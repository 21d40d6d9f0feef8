import * as asn1js from 'asn1js';
import { oids } from '../../src/asn1/oids.js';
import { generateEcKeyPair, type EcKeyPair } from '../../src/crypto/brainpool.js';
import {
  makeCardSecurity,
  makeCertificate,
  securityInfosWith,
  type TestCertificate,
} from '../fixtures/card-security-builder.js';

/** A CSCA and the document signer it issued, valid around any date the tests use. */
export interface DocumentPki {
  csca: TestCertificate;
  documentSigner: TestCertificate;
}

export function makeDocumentPki(name: string): DocumentPki {
  const validity = { notBefore: new Date('2020-01-01'), notAfter: new Date('2040-01-01') };
  const csca = makeCertificate({
    commonName: `${name} CSCA`,
    serialNumber: 1,
    certificateAuthority: true,
    ...validity,
  });
  const documentSigner = makeCertificate({
    commonName: `${name} Document Signer`,
    serialNumber: 2,
    certificateAuthority: false,
    issuer: csca,
    ...validity,
  });
  return { csca, documentSigner };
}

/** The card's Chip Authentication key id, as EF.CardAccess and EF.CardSecurity name it. */
export const CHIP_AUTHENTICATION_KEY_ID = 41;
/** The Restricted Identification key securityInfosWith publishes (authorizedOnly). */
export const RESTRICTED_IDENTIFICATION_KEY_ID = 3;

/** What a card is made with: its keys and the files that publish them. */
export interface CardIdentity {
  chipAuthenticationKey: EcKeyPair;
  restrictedIdentificationKey: EcKeyPair;
  /** The SecurityInfos EF.CardSecurity signs. */
  securityInfos: Buffer;
  efCardAccess: Buffer;
  efCardSecurity: Buffer;
}

export function makeCardIdentity(documentSigner: TestCertificate): CardIdentity {
  const chipAuthenticationKey = generateEcKeyPair();
  const securityInfos = securityInfosWith(
    CHIP_AUTHENTICATION_KEY_ID,
    chipAuthenticationKey.publicKey,
  );
  return {
    chipAuthenticationKey,
    restrictedIdentificationKey: generateEcKeyPair(),
    securityInfos,
    efCardAccess: efCardAccess(),
    efCardSecurity: makeCardSecurity({ content: securityInfos, signer: documentSigner }),
  };
}

/** PACE with brainpoolP256r1 (parameter id 13) and the one Chip Authentication key. */
function efCardAccess(): Buffer {
  const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
  const int = (value: number) => new asn1js.Integer({ value });
  const infos = new asn1js.Set({
    value: [
      new asn1js.Sequence({ value: [oid(oids.paceEcdhGmAesCbcCmac128), int(2), int(13)] }),
      new asn1js.Sequence({
        value: [oid(oids.caEcdhAesCbcCmac128), int(2), int(CHIP_AUTHENTICATION_KEY_ID)],
      }),
    ],
  });
  return Buffer.from(infos.toBER());
}
