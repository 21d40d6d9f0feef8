import { createHash, randomBytes } from 'node:crypto';
import { encodeTlv } from '../../src/asn1/tlv.js';
import { oidFromContent, oids } from '../../src/asn1/oids.js';
import { decodeCommandApdu, type CommandApdu } from '../../src/apdu/command-apdu.js';
import { encodeResponseApdu, type ResponseApdu } from '../../src/apdu/response-apdu.js';
import { ecSharedX } from '../../src/crypto/brainpool.js';
import { decodeChat, type ChatRight } from '../../src/cvc/chat.js';
import { cvcDateOf } from '../../src/cvc/cvc-date.js';
import { authenticationToken, deriveSessionKeys } from '../../src/eac/chip-authentication.js';
import { CardSecureMessaging } from '../../src/sm/card-secure-messaging.js';
import { SecureMessagingError } from '../../src/sm/secure-messaging-error.js';
import {
  CHIP_AUTHENTICATION_KEY_ID,
  RESTRICTED_IDENTIFICATION_KEY_ID,
  type CardIdentity,
} from './card-identity.js';
import {
  CardTerminalAuthentication,
  type AuthenticatedTerminal,
  type TrustAnchor,
} from './card-terminal-authentication.js';
import { childrenOf, holdsOid, objects } from './data-objects.js';
import { erika, erikaFiles } from './erika-files.js';
import { sw } from './status-words.js';

/**
 * An eID card's application as TR-03110-3 describes its APDUs, from "PACE done" to the data:
 * Terminal Authentication, Chip Authentication, then secure messaging with VERIFY of the
 * auxiliary data, Restricted Identification and READ BINARY, each only as the effective
 * authorization (PACE CHAT ∩ terminal chain) allows. Commands out of order are refused; after a
 * failed EXTERNAL AUTHENTICATE or a secure-messaging error the card answers nothing but 6985.
 */
export interface CardDoubleOptions {
  trustAnchor: TrustAnchor;
  identity: CardIdentity;
  /** Data group files by short file identifier; ERIKA MUSTERMANN's by default. */
  files?: ReadonlyMap<number, Buffer>;
  /** What VERIFY compares with: 'YYYYMMDD' dates and the community id in hex. */
  holder?: { dateOfBirth: string; dateOfExpiry: string; communityId: string };
  /** The card's date, for certificate expiry; the real date by default. */
  today?: Date;
}

/** What PACE gives the eID-Client: the chip's identifier, CVCA name and EF.CardAccess. */
export interface PaceResult {
  idPicc: Buffer;
  car: string;
  efCardAccess: Buffer;
}

/** A command as the card saw it (opened, when protected) and its status word. */
export interface CardLogEntry {
  command: CommandApdu;
  sw: number;
  secureMessaging: boolean;
}

interface Authorization {
  rights: ReadonlySet<ChatRight>;
  terminal: AuthenticatedTerminal;
}

type Phase =
  | { name: 'idle' }
  | { name: 'terminal-authentication'; ta: CardTerminalAuthentication; paceRights: Set<ChatRight> }
  | { name: 'chip-authentication'; authorization: Authorization; keySelected: boolean }
  | {
      name: 'secure-messaging';
      authorization: Authorization;
      channel: CardSecureMessaging;
      riKeySelected: boolean;
    }
  | { name: 'dead' };

const SFI_CARD_SECURITY = 0x1d;
const CHALLENGE_LENGTH = 8;
const NONCE_LENGTH = 8;
const SHORT_MAX_LE = 256;
const EXTENDED_MAX_LE = 65536;

const plainStatus = (status: number): ResponseApdu => ({ data: Buffer.alloc(0), sw: status });
const withData = (data: Buffer): ResponseApdu => ({ data, sw: sw.ok });
const is = (command: CommandApdu, ins: number, p1: number, p2: number) =>
  command.ins === ins && command.p1 === p1 && command.p2 === p2;

export class CardDouble {
  readonly log: CardLogEntry[] = [];
  readonly idPicc = randomBytes(32);
  readonly #options: CardDoubleOptions;
  readonly #files: ReadonlyMap<number, Buffer>;
  #phase: Phase = { name: 'idle' };

  constructor(options: CardDoubleOptions) {
    this.#options = options;
    this.#files = options.files ?? erikaFiles;
  }

  /** The RI public key, which no real card reveals: for tests to compute the pseudonym. */
  get restrictedIdentificationPublicKey(): Buffer {
    return this.#options.identity.restrictedIdentificationKey.publicKey;
  }

  /** The SecurityInfos its EF.CardSecurity signs, for tests that re-sign them. */
  get securityInfos(): Buffer {
    return this.#options.identity.securityInfos;
  }

  /** PACE as the citizen's PIN entry would end it, with the CHAT the citizen confirmed. */
  completePace(chat: Buffer): PaceResult {
    const today = cvcDateOf(this.#options.today ?? new Date());
    this.#phase = {
      name: 'terminal-authentication',
      ta: new CardTerminalAuthentication(this.#options.trustAnchor, today),
      paceRights: decodeChat(chat).rights,
    };
    return {
      idPicc: this.idPicc,
      car: this.#options.trustAnchor.name,
      efCardAccess: this.#options.identity.efCardAccess,
    };
  }

  transmit(raw: Buffer): Buffer {
    const phase = this.#phase;
    if (phase.name === 'secure-messaging') return this.#transmitProtected(raw, phase);
    let command: CommandApdu;
    try {
      command = decodeCommandApdu(raw);
    } catch {
      return encodeResponseApdu(plainStatus(sw.wrongData));
    }
    const response = this.#plain(command);
    this.log.push({ command, sw: response.sw, secureMessaging: false });
    return encodeResponseApdu(response);
  }

  #plain(command: CommandApdu): ResponseApdu {
    const phase = this.#phase;
    if (phase.name === 'terminal-authentication')
      return this.#terminalAuthentication(command, phase);
    if (phase.name === 'chip-authentication') return this.#chipAuthentication(command, phase);
    return plainStatus(sw.conditionsOfUseNotSatisfied);
  }

  #terminalAuthentication(
    command: CommandApdu,
    phase: Extract<Phase, { name: 'terminal-authentication' }>,
  ): ResponseApdu {
    const data = command.data ?? Buffer.alloc(0);
    const { ta } = phase;
    if (is(command, 0x22, 0x81, 0xb6)) return plainStatus(ta.setDigitalSignatureTemplate(data));
    if (is(command, 0x2a, 0x00, 0xbe)) return plainStatus(ta.verifyCertificate(data));
    if (is(command, 0x22, 0x81, 0xa4)) return plainStatus(ta.setAuthenticationTemplate(data));
    if (is(command, 0x84, 0x00, 0x00)) {
      const challenge = randomBytes(CHALLENGE_LENGTH);
      ta.challenge(challenge);
      return withData(challenge);
    }
    if (is(command, 0x82, 0x00, 0x00)) {
      const result = ta.externalAuthenticate(this.idPicc, data);
      if (result.terminal === undefined) {
        if (result.sw === sw.verificationFailed) this.#phase = { name: 'dead' };
        return plainStatus(result.sw);
      }
      const rights = new Set(
        [...phase.paceRights].filter((right) => result.terminal.rights.has(right)),
      );
      this.#phase = {
        name: 'chip-authentication',
        authorization: { rights, terminal: result.terminal },
        keySelected: false,
      };
      return plainStatus(sw.ok);
    }
    return plainStatus(sw.conditionsOfUseNotSatisfied);
  }

  #chipAuthentication(
    command: CommandApdu,
    phase: Extract<Phase, { name: 'chip-authentication' }>,
  ): ResponseApdu {
    if (command.ins === 0xb0 && command.p1 === (0x80 | SFI_CARD_SECURITY)) {
      return readFile(this.#options.identity.efCardSecurity, command);
    }
    if (is(command, 0x22, 0x41, 0xa4)) {
      const found = objects(command.data);
      if (!holdsOid(found.get(0x80), oids.caEcdhAesCbcCmac128)) return plainStatus(sw.wrongData);
      if (found.get(0x84)?.value.readUIntBE(0, 1) !== CHIP_AUTHENTICATION_KEY_ID) {
        return plainStatus(sw.referenceNotFound);
      }
      phase.keySelected = true;
      return plainStatus(sw.ok);
    }
    if (is(command, 0x86, 0x00, 0x00) && phase.keySelected) {
      return this.#generalAuthenticateChip(command, phase.authorization);
    }
    return plainStatus(sw.conditionsOfUseNotSatisfied);
  }

  /** CA with 7C { 80 PK_PCD }: the key must be the one TA named; answers 7C { 81 nonce, 82 token }. */
  #generalAuthenticateChip(command: CommandApdu, authorization: Authorization): ResponseApdu {
    const publicKey = childrenOf(objects(command.data).get(0x7c)).get(0x80)?.value;
    if (
      publicKey === undefined ||
      !publicKey.subarray(1, 33).equals(authorization.terminal.ephemeralKeyX)
    ) {
      return plainStatus(sw.wrongData);
    }
    let sharedSecret: Buffer;
    try {
      sharedSecret = ecSharedX(this.#options.identity.chipAuthenticationKey.privateKey, publicKey);
    } catch {
      return plainStatus(sw.wrongData);
    }
    const nonce = randomBytes(NONCE_LENGTH);
    const keys = deriveSessionKeys(sharedSecret, nonce);
    this.#phase = {
      name: 'secure-messaging',
      authorization,
      channel: new CardSecureMessaging(keys),
      riKeySelected: false,
    };
    const token = authenticationToken(keys.kMac, publicKey);
    return withData(encodeTlv(0x7c, [encodeTlv(0x81, nonce), encodeTlv(0x82, token)]));
  }

  #transmitProtected(raw: Buffer, phase: Extract<Phase, { name: 'secure-messaging' }>): Buffer {
    let command: CommandApdu;
    try {
      command = phase.channel.unprotectCommand(raw);
    } catch (error) {
      if (!(error instanceof SecureMessagingError)) throw error;
      this.#phase = { name: 'dead' };
      const status =
        error.code === 'unprotected' ? sw.smDataObjectsMissing : sw.smDataObjectsIncorrect;
      return encodeResponseApdu(plainStatus(status));
    }
    const response = this.#secured(command, phase);
    this.log.push({ command, sw: response.sw, secureMessaging: true });
    return phase.channel.protectResponse(response);
  }

  #secured(
    command: CommandApdu,
    phase: Extract<Phase, { name: 'secure-messaging' }>,
  ): ResponseApdu {
    const { rights } = phase.authorization;
    if (command.cla === 0x80 && is(command, 0x20, 0x80, 0x00)) {
      return plainStatus(this.#verify(command.data, phase.authorization));
    }
    if (is(command, 0x22, 0x41, 0xa4)) {
      const found = objects(command.data);
      if (!holdsOid(found.get(0x80), oids.riEcdhSha256)) return plainStatus(sw.wrongData);
      if (!rights.has('restrictedIdentification'))
        return plainStatus(sw.securityStatusNotSatisfied);
      if (found.get(0x84)?.value.readUIntBE(0, 1) !== RESTRICTED_IDENTIFICATION_KEY_ID) {
        return plainStatus(sw.referenceNotFound);
      }
      phase.riKeySelected = true;
      return plainStatus(sw.ok);
    }
    if (is(command, 0x86, 0x00, 0x00)) {
      if (!phase.riKeySelected) return plainStatus(sw.conditionsOfUseNotSatisfied);
      return this.#restrictedIdentification(command.data);
    }
    if (command.ins === 0xb0 && (command.p1 & 0x80) !== 0) {
      const shortFileId = command.p1 & 0x1f;
      if (!rights.has(`readDG${shortFileId}` as ChatRight)) {
        return plainStatus(sw.securityStatusNotSatisfied);
      }
      return readFile(this.#files.get(shortFileId), command);
    }
    return plainStatus(sw.instructionNotSupported);
  }

  /** VERIFY of one auxiliary data OID (06) against the holder's data, as the Simulator does. */
  #verify(data: Buffer | undefined, { rights, terminal }: Authorization): number {
    const oidObject = objects(data).get(0x06);
    if (oidObject === undefined) return sw.wrongData;
    const holder = this.#options.holder ?? erika;
    const asked = terminal.auxiliaryData;
    switch (oidFromContent(oidObject.value)) {
      case oids.auxDateOfBirth:
        if (!rights.has('ageVerification')) return sw.securityStatusNotSatisfied;
        return verdict(asked.ageVerificationDate, (day) => holder.dateOfBirth <= day);
      case oids.auxDateOfExpiry:
        return verdict(asked.validityDate, (day) => holder.dateOfExpiry >= day);
      case oids.auxCommunityId:
        if (!rights.has('communityIdVerification')) return sw.securityStatusNotSatisfied;
        return verdict(asked.communityId, (prefix) =>
          holder.communityId.toLowerCase().startsWith(prefix.toLowerCase()),
        );
      default:
        return sw.referenceNotFound;
    }
  }

  /** RI with 7C { A0 { 06 OID, 86 PK_sector } }: answers 7C { 81 SHA-256(x(SK_ID × PK_sector)) }. */
  #restrictedIdentification(data: Buffer | undefined): ResponseApdu {
    const sectorKey = childrenOf(childrenOf(objects(data).get(0x7c)).get(0xa0)).get(0x86)?.value;
    if (sectorKey === undefined) return plainStatus(sw.wrongData);
    let shared: Buffer;
    try {
      shared = ecSharedX(this.#options.identity.restrictedIdentificationKey.privateKey, sectorKey);
    } catch {
      return plainStatus(sw.wrongData);
    }
    const identifier = createHash('sha256').update(shared).digest();
    return withData(encodeTlv(0x7c, [encodeTlv(0x81, identifier)]));
  }
}

/** 9000 when the check holds, 6300 when it fails or the terminal sent nothing to check. */
function verdict(asked: string | undefined, holds: (value: string) => boolean): number {
  return asked !== undefined && holds(asked) ? sw.ok : sw.verificationFailed;
}

/** READ BINARY from offset P2, as the Simulator answers: 6282 only for an explicit short Le. */
function readFile(file: Buffer | undefined, command: CommandApdu): ResponseApdu {
  if (file === undefined) return plainStatus(sw.fileNotFound);
  const le = command.le ?? SHORT_MAX_LE;
  const offset = command.p1 & 0x80 ? command.p2 : (command.p1 << 8) | command.p2;
  const data = file.subarray(offset, offset + le);
  const explicitLength = le !== SHORT_MAX_LE && le !== EXTENDED_MAX_LE;
  return { data, sw: explicitLength && data.length < le ? sw.endOfFile : sw.ok };
}
