import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeTlv, decodeTlvs } from '../src/asn1/tlv.js';
import { encodeCommandApdu, type CommandApdu } from '../src/apdu/command-apdu.js';
import {
  generalAuthenticateRestrictedIdentification,
  mseSetAtRestrictedIdentification,
  parseRestrictedIdentificationResponse,
  readBinaryBySfi,
  verifyAuxiliaryData,
} from '../src/apdu/eid-commands.js';
import { decodeResponseApdu, type ResponseApdu } from '../src/apdu/response-apdu.js';
import { oids } from '../src/asn1/oids.js';
import {
  ecdsaSign,
  ecSharedX,
  generateEcKeyPair,
  type EcKeyPair,
} from '../src/crypto/brainpool.js';
import { encodeAuxiliaryData, type AuxiliaryData } from '../src/cvc/auxiliary-data.js';
import { signCvc } from '../src/cvc/certificate.js';
import { encodeChat, type ChatRight } from '../src/cvc/chat.js';
import { chipAuthenticationKey, verifyCardSecurity } from '../src/eac/card-security.js';
import { completeChipAuthentication } from '../src/eac/chip-authentication.js';
import { decodeDataGroup } from '../src/datagroups/decode.js';
import { SecureMessagingChannel } from '../src/sm/secure-messaging.js';
import { CardDouble, type CardDoubleOptions } from './card-double/card.js';
import {
  CHIP_AUTHENTICATION_KEY_ID,
  RESTRICTED_IDENTIFICATION_KEY_ID,
  makeCardIdentity,
  makeDocumentPki,
} from './card-double/card-identity.js';
import { sw } from './card-double/status-words.js';
import * as commands from './card-double/terminal-commands.js';

/** The card double on its own: the order of EAC, its checks, and the rights of each command. */
const CVCA = 'DETESTeID00005';
const DV = 'DETESTDV00001';
const AT = 'DETESTAT00001';
const documents = makeDocumentPki('Card double test');
const cvcaKey = generateEcKeyPair();
const dvKey = generateEcKeyPair();
const atKey = generateEcKeyPair();
const validity = { effectiveDate: '2026-01-01', expirationDate: '2027-12-31' };
const today = new Date('2026-12-07T12:00:00Z');

/** The DV may not read DG17: the chain, not only the PACE CHAT, bounds the terminal. */
const dvRights: ChatRight[] = [
  'ageVerification',
  'communityIdVerification',
  'restrictedIdentification',
  'readDG4',
  'readDG5',
  'readDG10',
  'readDG11',
];
const atRights: ChatRight[] = [...dvRights, 'readDG17'];

function certificate(
  car: string,
  chr: string,
  role: 'dvNonOfficial' | 'at',
  subject: EcKeyPair,
  rights: ChatRight[],
  signer: Buffer,
): Buffer {
  return signCvc(
    {
      car,
      chr,
      publicKey: subject.publicKey,
      chat: encodeChat(role, rights),
      ...validity,
      extensions: [],
    },
    signer,
  ).bytes;
}

const dvCertificate = certificate(CVCA, DV, 'dvNonOfficial', dvKey, dvRights, cvcaKey.privateKey);
const atCertificate = certificate(DV, AT, 'at', atKey, atRights, dvKey.privateKey);
const auxiliary: AuxiliaryData = {
  ageVerificationDate: '19640812',
  validityDate: '20261207',
  communityId: '02760503',
};

function newCard(options: Partial<CardDoubleOptions> = {}): CardDouble {
  return new CardDouble({
    trustAnchor: { name: CVCA, publicKey: cvcaKey.publicKey },
    identity: makeCardIdentity(documents.documentSigner),
    today,
    ...options,
  });
}

function send(card: CardDouble, command: CommandApdu): ResponseApdu {
  return decodeResponseApdu(card.transmit(encodeCommandApdu(command)));
}

const status = (card: CardDouble, command: CommandApdu) => send(card, command).sw;

interface TerminalOptions {
  order?: 'ausweisapp' | 'tr-03110';
  chat?: ChatRight[];
  /** What the terminal signs; the card checks ID_PICC ‖ r_PICC ‖ Comp(PK) ‖ auxiliary data. */
  signed?: (parts: { idPicc: Buffer; challenge: Buffer; x: Buffer; aux: Buffer }) => Buffer;
}

/** PACE, then TA as a terminal does it; returns the ephemeral key and the status of each step. */
function terminalAuthentication(card: CardDouble, options: TerminalOptions = {}) {
  const ephemeral = generateEcKeyPair();
  const x = ephemeral.publicKey.subarray(1, 33);
  const aux = encodeAuxiliaryData(auxiliary);
  const { idPicc } = card.completePace(encodeChat('at', options.chat ?? atRights));
  const steps: number[] = [];
  let challenge: Buffer = Buffer.alloc(0);
  const getChallenge = () => {
    const answer = send(card, commands.getChallenge());
    steps.push(answer.sw);
    challenge = answer.data;
  };
  if (options.order !== 'tr-03110') getChallenge();
  for (const cvc of [dvCertificate, atCertificate]) {
    steps.push(status(card, commands.mseSetDst(cvc === dvCertificate ? CVCA : DV)));
    steps.push(status(card, commands.psoVerifyCertificate(cvc)));
  }
  steps.push(status(card, commands.mseSetAtTerminal(AT, aux, x)));
  if (options.order === 'tr-03110') getChallenge();
  const signed =
    options.signed ??
    (({ idPicc: id, challenge: r, x: key, aux: a }) => Buffer.concat([id, r, key, a]));
  const signature = ecdsaSign(atKey.privateKey, signed({ idPicc, challenge, x, aux }));
  steps.push(status(card, commands.externalAuthenticate(signature)));
  return { ephemeral, steps };
}

/** TA and CA; the server's own code checks EF.CardSecurity and the token and opens SM. */
function secureChannel(card: CardDouble, options: TerminalOptions = {}) {
  const { ephemeral, steps } = terminalAuthentication(card, options);
  expect(steps.every((step) => step === sw.ok)).toBe(true);
  const efCardSecurity = send(card, commands.readCardSecurity()).data;
  const cardSecurity = verifyCardSecurity(
    efCardSecurity,
    { certificates: [documents.csca.der] },
    today,
  );
  expect(status(card, commands.mseSetAtChip(CHIP_AUTHENTICATION_KEY_ID))).toBe(sw.ok);
  const answer = send(card, commands.generalAuthenticateChip(ephemeral.publicKey));
  expect(answer.sw).toBe(sw.ok);
  const data = new Map(decodeTlvs(decodeTlv(answer.data, 0x7c).value).map((o) => [o.tag, o.value]));
  const keys = completeChipAuthentication({
    ephemeralPrivateKey: ephemeral.privateKey,
    chipPublicKey: chipAuthenticationKey(cardSecurity, CHIP_AUTHENTICATION_KEY_ID).publicKey,
    nonce: data.get(0x81) ?? Buffer.alloc(0),
    token: data.get(0x82) ?? Buffer.alloc(0),
  });
  const channel = new SecureMessagingChannel(keys);
  const protectedSend = (command: CommandApdu): ResponseApdu => {
    const [raw] = channel.protect([command]);
    const [response] = channel.unprotect([card.transmit(raw ?? Buffer.alloc(0))]);
    if (response === undefined) throw new Error('no response');
    return response;
  };
  return protectedSend;
}

describe('Terminal Authentication on the card double', () => {
  it('accepts the chain and signature in AusweisApp’s order (GET CHALLENGE first)', () => {
    expect(terminalAuthentication(newCard()).steps).toEqual(Array(7).fill(sw.ok));
  });

  it('accepts TR-03110’s order too (MSE:Set AT, then GET CHALLENGE)', () => {
    expect(terminalAuthentication(newCard(), { order: 'tr-03110' }).steps).toEqual(
      Array(7).fill(sw.ok),
    );
  });

  it('refuses a signature that leaves out the auxiliary data', () => {
    const { steps } = terminalAuthentication(newCard(), {
      signed: ({ idPicc, challenge, x }) => Buffer.concat([idPicc, challenge, x]),
    });
    expect(steps.at(-1)).toBe(sw.verificationFailed);
  });

  it('after a wrong signature answers nothing, not even a right one', () => {
    const card = newCard();
    const { steps } = terminalAuthentication(card, {
      signed: ({ idPicc, x, aux }) => Buffer.concat([idPicc, Buffer.alloc(8), x, aux]),
    });
    expect(steps.at(-1)).toBe(sw.verificationFailed);
    expect(status(card, commands.getChallenge())).toBe(sw.conditionsOfUseNotSatisfied);
    expect(status(card, commands.readCardSecurity())).toBe(sw.conditionsOfUseNotSatisfied);
  });

  it('refuses a certificate its issuer did not sign', () => {
    const card = newCard();
    card.completePace(encodeChat('at', atRights));
    const forged = certificate(
      CVCA,
      DV,
      'dvNonOfficial',
      dvKey,
      dvRights,
      generateEcKeyPair().privateKey,
    );
    expect(status(card, commands.mseSetDst(CVCA))).toBe(sw.ok);
    expect(status(card, commands.psoVerifyCertificate(forged))).toBe(sw.verificationFailed);
  });

  it('refuses an expired certificate', () => {
    const card = newCard({ today: new Date('2028-01-01') });
    card.completePace(encodeChat('at', atRights));
    expect(status(card, commands.mseSetDst(CVCA))).toBe(sw.ok);
    expect(status(card, commands.psoVerifyCertificate(dvCertificate))).toBe(sw.verificationFailed);
  });

  it('refuses commands out of order', () => {
    const x = Buffer.alloc(32, 1);
    expect(status(newCard(), commands.getChallenge())).toBe(sw.conditionsOfUseNotSatisfied);
    const card = newCard();
    card.completePace(encodeChat('at', atRights));
    expect(status(card, commands.psoVerifyCertificate(dvCertificate))).toBe(
      sw.conditionsOfUseNotSatisfied,
    );
    expect(status(card, commands.mseSetDst(DV))).toBe(sw.referenceNotFound);
    expect(status(card, commands.mseSetAtTerminal(AT, undefined, x))).toBe(sw.referenceNotFound);
    expect(status(card, commands.externalAuthenticate(Buffer.alloc(64)))).toBe(
      sw.conditionsOfUseNotSatisfied,
    );
    expect(status(card, commands.readCardSecurity())).toBe(sw.conditionsOfUseNotSatisfied);
    expect(status(card, commands.mseSetAtChip(CHIP_AUTHENTICATION_KEY_ID))).toBe(
      sw.conditionsOfUseNotSatisfied,
    );
    expect(status(card, readBinaryBySfi(4))).toBe(sw.conditionsOfUseNotSatisfied);
  });
});

describe('Chip Authentication and secure messaging on the card double', () => {
  it('refuses Chip Authentication with another key than TA named', () => {
    const card = newCard();
    terminalAuthentication(card);
    expect(status(card, commands.mseSetAtChip(CHIP_AUTHENTICATION_KEY_ID))).toBe(sw.ok);
    expect(status(card, commands.generalAuthenticateChip(generateEcKeyPair().publicKey))).toBe(
      sw.wrongData,
    );
  });

  it('reads data groups the effective authorization grants, and no other', () => {
    const send = secureChannel(newCard(), { chat: ['readDG4', 'readDG11', 'readDG17'] });
    const givenNames = send(readBinaryBySfi(4));
    expect(givenNames.sw).toBe(sw.ok);
    expect(decodeDataGroup(4, givenNames.data)).toEqual({ givenNames: 'ERIKA' });
    expect(send(readBinaryBySfi(5)).sw).toBe(sw.securityStatusNotSatisfied);
    expect(send(readBinaryBySfi(17)).sw).toBe(sw.securityStatusNotSatisfied);
    expect(send(readBinaryBySfi(11)).sw).toBe(sw.fileNotFound);
  });

  it('verifies age, place and validity against the authenticated auxiliary data', () => {
    const send = secureChannel(newCard());
    expect(send(verifyAuxiliaryData(oids.auxDateOfBirth)).sw).toBe(sw.ok);
    expect(send(verifyAuxiliaryData(oids.auxCommunityId)).sw).toBe(sw.ok);
    expect(send(verifyAuxiliaryData(oids.auxDateOfExpiry)).sw).toBe(sw.ok);
    const expired = secureChannel(
      newCard({
        holder: { dateOfBirth: '19640813', dateOfExpiry: '20261206', communityId: '02770000' },
      }),
    );
    expect(expired(verifyAuxiliaryData(oids.auxDateOfBirth)).sw).toBe(sw.verificationFailed);
    expect(expired(verifyAuxiliaryData(oids.auxCommunityId)).sw).toBe(sw.verificationFailed);
    expect(expired(verifyAuxiliaryData(oids.auxDateOfExpiry)).sw).toBe(sw.verificationFailed);
  });

  it('refuses verifications the citizen did not grant', () => {
    const send = secureChannel(newCard(), { chat: ['readDG4'] });
    expect(send(verifyAuxiliaryData(oids.auxDateOfBirth)).sw).toBe(sw.securityStatusNotSatisfied);
    expect(send(verifyAuxiliaryData(oids.auxCommunityId)).sw).toBe(sw.securityStatusNotSatisfied);
    expect(send(verifyAuxiliaryData(oids.auxDateOfExpiry)).sw).toBe(sw.ok);
  });

  it('answers Restricted Identification with SHA-256(x(RI key × sector key))', () => {
    const card = newCard();
    const send = secureChannel(card);
    const sector = generateEcKeyPair();
    expect(send(generalAuthenticateRestrictedIdentification(sector.publicKey)).sw).toBe(
      sw.conditionsOfUseNotSatisfied,
    );
    expect(send(mseSetAtRestrictedIdentification(2)).sw).toBe(sw.referenceNotFound);
    expect(send(mseSetAtRestrictedIdentification(RESTRICTED_IDENTIFICATION_KEY_ID)).sw).toBe(sw.ok);
    const answer = send(generalAuthenticateRestrictedIdentification(sector.publicKey));
    const expected = createHash('sha256')
      .update(ecSharedX(sector.privateKey, card.restrictedIdentificationPublicKey))
      .digest();
    expect(parseRestrictedIdentificationResponse(answer.data)).toEqual(expected);
  });

  it('refuses Restricted Identification without the right', () => {
    const send = secureChannel(newCard(), { chat: ['readDG4'] });
    expect(send(mseSetAtRestrictedIdentification(RESTRICTED_IDENTIFICATION_KEY_ID)).sw).toBe(
      sw.securityStatusNotSatisfied,
    );
  });

  it('ends secure messaging for good on a plain command', () => {
    const card = newCard();
    const send = secureChannel(card);
    expect(status(card, readBinaryBySfi(4))).toBe(sw.smDataObjectsMissing);
    expect(() => send(readBinaryBySfi(4))).toThrow();
  });
});
