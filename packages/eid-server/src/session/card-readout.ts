import { oids } from '../asn1/oids.js';
import type { CommandApdu } from '../apdu/command-apdu.js';
import type { ResponseApdu } from '../apdu/response-apdu.js';
import {
  generalAuthenticateRestrictedIdentification,
  mseSetAtRestrictedIdentification,
  parseRestrictedIdentificationResponse,
  readBinaryBySfi,
  verifyAuxiliaryData,
} from '../apdu/eid-commands.js';
import { ecPublicKeyOf } from '../crypto/brainpool.js';
import { decodeDataGroup } from '../datagroups/decode.js';
import type { SessionKeys } from '../eac/chip-authentication.js';
import type { PersonalData } from '../personal-data.js';
import type { Verification } from '../request/plan.js';
import { SecureMessagingChannel } from '../sm/secure-messaging.js';
import { ExchangeError } from './outcome.js';

/** What to ask the card, once the citizen's rights are known. */
export interface ReadoutTasks {
  verifications: Verification[];
  /** The sector key for Restricted Identification, and the card's RI key to use. */
  restrictedIdentification?: { sectorPrivateKey: Buffer; keyReference: number };
  dataGroups: number[];
}

export interface CardAnswers {
  personalData: PersonalData;
  verified: Partial<Record<Verification, boolean>>;
  restrictedId?: Buffer;
}

type Step =
  | { kind: 'verify'; verification: Verification; command: CommandApdu }
  | { kind: 'ri-select'; command: CommandApdu }
  | { kind: 'ri-authenticate'; command: CommandApdu }
  | { kind: 'read'; dataGroup: number; command: CommandApdu };

const verificationOids: Record<Verification, string> = {
  age: oids.auxDateOfBirth,
  place: oids.auxCommunityId,
  validity: oids.auxDateOfExpiry,
};

const SW_OK = 0x9000;
const SW_VERIFICATION_FAILED = 0x6300;
const SW_END_OF_FILE = 0x6282;
/** File or data not found: a data group the card does not carry. */
const SW_ABSENT = new Set([0x6a82, 0x6a88]);
/** A whole data group in one READ BINARY: extended Le, as the eID card supports. */
const WHOLE_FILE = 65536;

/**
 * The card's part after Chip Authentication: one secure-messaging batch with the verifications,
 * Restricted Identification and the data groups, then the answers checked and decoded.
 */
export class CardReadout {
  readonly #channel: SecureMessagingChannel;
  readonly #steps: Step[];

  constructor(keys: SessionKeys, tasks: ReadoutTasks) {
    this.#channel = new SecureMessagingChannel(keys);
    this.#steps = planSteps(tasks);
  }

  /** The protected command APDUs, in order, for one Transmit. */
  commands(): Buffer[] {
    return this.#channel.protect(this.#steps.map((step) => step.command));
  }

  /** Checks and decodes the card's answers to `commands()`; throws ExchangeError. */
  answers(responses: readonly Buffer[]): CardAnswers {
    if (responses.length !== this.#steps.length) {
      throw new ExchangeError(
        'card',
        `the card answered ${responses.length} of ${this.#steps.length} commands`,
      );
    }
    const plain = this.#unprotect(responses);
    const answers: CardAnswers = { personalData: {}, verified: {} };
    this.#steps.forEach((step, index) => interpret(step, plain[index] as ResponseApdu, answers));
    return answers;
  }

  #unprotect(responses: readonly Buffer[]): ResponseApdu[] {
    try {
      return this.#channel.unprotect(responses);
    } catch {
      throw new ExchangeError('secure-messaging', 'a secure-messaging response failed its check');
    }
  }
}

function planSteps(tasks: ReadoutTasks): Step[] {
  const steps: Step[] = tasks.verifications.map((verification) => ({
    kind: 'verify',
    verification,
    command: verifyAuxiliaryData(verificationOids[verification]),
  }));
  const ri = tasks.restrictedIdentification;
  if (ri) {
    steps.push({ kind: 'ri-select', command: mseSetAtRestrictedIdentification(ri.keyReference) });
    steps.push({
      kind: 'ri-authenticate',
      command: generalAuthenticateRestrictedIdentification(ecPublicKeyOf(ri.sectorPrivateKey)),
    });
  }
  for (const dataGroup of tasks.dataGroups) {
    steps.push({
      kind: 'read',
      dataGroup,
      command: { ...readBinaryBySfi(dataGroup), le: WHOLE_FILE },
    });
  }
  return steps;
}

function interpret(step: Step, response: ResponseApdu, answers: CardAnswers): void {
  switch (step.kind) {
    case 'verify':
      if (response.sw !== SW_OK && response.sw !== SW_VERIFICATION_FAILED) break;
      answers.verified[step.verification] = response.sw === SW_OK;
      return;
    case 'ri-select':
      if (response.sw !== SW_OK) break;
      return;
    case 'ri-authenticate':
      if (response.sw !== SW_OK) break;
      answers.restrictedId = parseRestrictedIdentificationResponse(response.data);
      return;
    case 'read':
      if (SW_ABSENT.has(response.sw)) return;
      if (response.sw !== SW_OK && response.sw !== SW_END_OF_FILE) break;
      Object.assign(answers.personalData, decode(step.dataGroup, response.data));
      return;
  }
  throw new ExchangeError('card', `the card refused ${step.kind} (${response.sw.toString(16)})`);
}

function decode(dataGroup: number, bytes: Buffer): Partial<PersonalData> {
  try {
    return decodeDataGroup(dataGroup, bytes);
  } catch {
    throw new ExchangeError('card', `data group ${dataGroup} is malformed`);
  }
}
