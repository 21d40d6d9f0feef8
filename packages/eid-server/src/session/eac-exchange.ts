import { generateEcKeyPair, ecdsaSign, type EcKeyPair } from '../crypto/brainpool.js';
import { encodeAuxiliaryData } from '../cvc/auxiliary-data.js';
import { decodeChat, encodeChat, type ChatRight } from '../cvc/chat.js';
import {
  chipAuthenticationKey,
  parseSecurityInfos,
  PassiveAuthenticationError,
  verifyCardSecurity,
  type CardSecurity,
  type TrustList,
} from '../eac/card-security.js';
import {
  ChipAuthenticationError,
  completeChipAuthentication,
  type SessionKeys,
} from '../eac/chip-authentication.js';
import type { RequestedOperations } from '../operations.js';
import type {
  ClientMessage,
  ConnectionHandle,
  Eac1Output,
  Eac2Output,
} from '../paos/client-message.js';
import type { PaosOutgoing } from '../paos/envelope.js';
import {
  didAuthenticateEac1,
  didAuthenticateEac2,
  startPaosResponse,
  transmit,
} from '../paos/server-messages.js';
import { cardSteps, type RequestPlan } from '../request/plan.js';
import type { DssResult } from '../xml/dss-result.js';
import { CardReadout, type ReadoutTasks } from './card-readout.js';
import { ExchangeError, type SessionOutcome } from './outcome.js';
import { successResult } from './success-result.js';

/** What the server holds for one eService: its terminal certificates and keys. */
export interface TerminalCredentials {
  /** The CVC chain the card needs, DV first, the AT certificate last. */
  certificates: Buffer[];
  atPrivateKey: Buffer;
  certificateDescription: Buffer;
  /** The sector key for Restricted Identification; without it no pseudonym is computed. */
  sectorPrivateKey?: Buffer;
}

export interface ExchangeInput {
  sessionIdentifier: string;
  credentials: TerminalCredentials;
  requested: RequestedOperations;
  plan: RequestPlan;
  transactionInfo?: string;
  trust: TrustList;
  now: () => Date;
}

export interface ExchangeStep {
  /** The PAOS message to answer with. */
  reply: string;
  /** Present when the exchange has ended with this reply. */
  outcome?: SessionOutcome;
  /**
   * The kind of error that ended it when it was none of the named failures (a client message
   * whose content no decoder accepts): its class name, for the log, never its message.
   */
  fault?: string;
}

type Phase =
  | { name: 'awaiting-start' }
  | { name: 'awaiting-eac1'; handle: ConnectionHandle }
  | {
      name: 'awaiting-eac2';
      handle: ConnectionHandle;
      granted: Set<ChatRight>;
      ephemeral: EcKeyPair;
      chipKeyId?: number;
    }
  | { name: 'awaiting-transmit'; granted: Set<ChatRight>; readout: CardReadout }
  | { name: 'ended' };

const ok: DssResult = { major: 'ok' };
const failed: DssResult = {
  major: 'error',
  minor: 'http://www.bsi.bund.de/ecard/api/1.1/resultminor/al/common#internalError',
};
const cancellation = /cancellationByUser/;
/**
 * The pseudonym comes from the RI key reserved for terminals with the RI right (key 2 on the
 * German eID card, authorizedOnly in EF.CardSecurity); key 1 serves revocation sector ids.
 */
const DEFAULT_RI_KEY = 2;

/**
 * One eID-Client's PAOS exchange, from StartPAOS to StartPAOSResponse (TR-03112-7, TR-03110):
 * EAC1 (certificates, description, CHAT), EAC2 (the Terminal Authentication signature), then
 * passive authentication and Chip Authentication of the card's answer, then the card's data over
 * secure messaging. Each message in gives one message out; parsing and transport are elsewhere.
 */
export class EacExchange {
  #phase: Phase = { name: 'awaiting-start' };
  /** The MessageID of the last message sent: the client's next message must relate to it. */
  #lastMessageId: string | undefined;

  constructor(private readonly input: ExchangeInput) {}

  /** Where the exchange stands, for logs: which message it waits for. */
  get phase(): Phase['name'] {
    return this.#phase.name;
  }

  receive(message: ClientMessage): ExchangeStep {
    const messageId = message.header.messageId;
    try {
      this.#checkCorrelation(message);
      if (message.type !== 'StartPAOS' && message.result.major === 'error') {
        return this.#end(messageId, failed, clientOutcome(message.result));
      }
      return this.#advance(message);
    } catch (error) {
      // Whatever the client sent, the session ends with a PAOS answer (AusweisApp 1.26.2 crashes
      // when the server goes on after an error) and the eService with a result, never a 500.
      if (error instanceof ExchangeError) {
        return this.#end(messageId, failed, { kind: 'failed', reason: error.reason });
      }
      const fault = error instanceof Error ? error.name : typeof error;
      return { ...this.#end(messageId, failed, { kind: 'failed', reason: 'protocol' }), fault };
    }
  }

  #advance(message: ClientMessage): ExchangeStep {
    const phase = this.#phase;
    const relatesTo = message.header.messageId;
    const output = message.type === 'DIDAuthenticateResponse' ? message.output : undefined;
    if (phase.name === 'awaiting-start' && message.type === 'StartPAOS') {
      if (message.sessionIdentifier !== this.input.sessionIdentifier) {
        throw new ExchangeError('protocol', 'StartPAOS names another session');
      }
      return this.#sendEac1(relatesTo, message.connectionHandle);
    }
    if (phase.name === 'awaiting-eac1' && output?.protocol === 'EAC1') {
      return this.#sendEac2(relatesTo, phase.handle, output);
    }
    if (phase.name === 'awaiting-eac2' && output?.protocol === 'EAC2') {
      return this.#sendTransmit(relatesTo, phase, output);
    }
    if (phase.name === 'awaiting-transmit' && message.type === 'TransmitResponse') {
      const answers = phase.readout.answers(message.outputApdus);
      const result = successResult(this.input.requested, phase.granted, answers);
      return this.#end(relatesTo, ok, { kind: 'success', result });
    }
    throw new ExchangeError('protocol', `unexpected ${message.type} while ${phase.name}`);
  }

  #checkCorrelation(message: ClientMessage): void {
    if (this.#phase.name === 'ended') throw new ExchangeError('protocol', 'the exchange has ended');
    if (this.#lastMessageId !== undefined && message.header.relatesTo !== this.#lastMessageId) {
      throw new ExchangeError('protocol', 'the message does not answer the last request');
    }
  }

  #sendEac1(relatesTo: string, handle: ConnectionHandle): ExchangeStep {
    const { credentials, plan, transactionInfo } = this.input;
    this.#phase = { name: 'awaiting-eac1', handle };
    return this.#send(
      didAuthenticateEac1(
        { relatesTo, connectionHandle: handle },
        {
          certificates: credentials.certificates,
          certificateDescription: credentials.certificateDescription,
          requiredChat: encodeChat('at', plan.requiredRights),
          ...(plan.optionalRights.size > 0 && {
            optionalChat: encodeChat('at', plan.optionalRights),
          }),
          authenticatedAuxiliaryData: encodeAuxiliaryData(plan.auxiliaryData),
          ...(transactionInfo !== undefined && { transactionInfo }),
        },
      ),
    );
  }

  #sendEac2(relatesTo: string, handle: ConnectionHandle, output: Eac1Output): ExchangeStep {
    const granted = this.#grantedRights(output.chat);
    const ephemeral = generateEcKeyPair();
    // TR-03110-3 B.11.6: the terminal signs ID_PICC ‖ r_PICC ‖ Comp(PK_PCD) ‖ A_PCD.
    const signed = Buffer.concat([
      output.idPicc,
      output.challenge,
      ephemeral.publicKey.subarray(1, 33),
      encodeAuxiliaryData(this.input.plan.auxiliaryData),
    ]);
    const chipKeyId = chipKeyIdOf(output.efCardAccess);
    this.#phase = {
      name: 'awaiting-eac2',
      handle,
      granted,
      ephemeral,
      ...(chipKeyId !== undefined && { chipKeyId }),
    };
    return this.#send(
      didAuthenticateEac2(
        { relatesTo, connectionHandle: handle },
        {
          certificates: [],
          ephemeralPublicKey: ephemeral.publicKey,
          signature: ecdsaSign(this.input.credentials.atPrivateKey, signed),
        },
      ),
    );
  }

  /** The rights the citizen left on: all required ones, a subset of the optional ones. */
  #grantedRights(chat: Buffer | undefined): Set<ChatRight> {
    const { requiredRights, optionalRights } = this.input.plan;
    if (chat === undefined) return new Set(requiredRights);
    const granted = decodeChat(chat).rights;
    for (const right of requiredRights) {
      if (!granted.has(right)) throw new ExchangeError('rights', 'a required right was taken away');
    }
    for (const right of granted) {
      if (!requiredRights.has(right) && !optionalRights.has(right)) {
        throw new ExchangeError('rights', 'the client granted a right that was not asked for');
      }
    }
    return granted;
  }

  #sendTransmit(
    relatesTo: string,
    phase: Extract<Phase, { name: 'awaiting-eac2' }>,
    output: Eac2Output,
  ): ExchangeStep {
    const cardSecurity = this.#passiveAuthentication(output.efCardSecurity);
    const keys = this.#chipAuthentication(phase, cardSecurity, output);
    const readout = new CardReadout(keys, this.#readoutTasks(phase.granted, cardSecurity));
    this.#phase = { name: 'awaiting-transmit', granted: phase.granted, readout };
    const apdus = readout.commands().map((apdu) => ({ apdu }));
    const handle = phase.handle;
    return this.#send(
      transmit({ relatesTo, connectionHandle: handle }, handle.slotHandle ?? '', apdus),
    );
  }

  #passiveAuthentication(efCardSecurity: Buffer): CardSecurity {
    try {
      return verifyCardSecurity(efCardSecurity, this.input.trust, this.input.now());
    } catch (error) {
      if (!(error instanceof PassiveAuthenticationError)) throw error;
      throw new ExchangeError('passive-authentication', `EF.CardSecurity: ${error.code}`);
    }
  }

  #chipAuthentication(
    phase: Extract<Phase, { name: 'awaiting-eac2' }>,
    cardSecurity: CardSecurity,
    output: Eac2Output,
  ): SessionKeys {
    try {
      return completeChipAuthentication({
        ephemeralPrivateKey: phase.ephemeral.privateKey,
        chipPublicKey: chipAuthenticationKey(cardSecurity, phase.chipKeyId).publicKey,
        nonce: output.nonce,
        token: output.authenticationToken,
      });
    } catch (error) {
      if (error instanceof ChipAuthenticationError || error instanceof PassiveAuthenticationError) {
        throw new ExchangeError('chip-authentication', `Chip Authentication: ${error.code}`);
      }
      throw error;
    }
  }

  #readoutTasks(granted: ReadonlySet<ChatRight>, cardSecurity: CardSecurity): ReadoutTasks {
    const steps = cardSteps(granted, this.input.requested);
    const sectorPrivateKey = this.input.credentials.sectorPrivateKey;
    const riKey = cardSecurity.restrictedIdentification.find((info) => info.authorizedOnly);
    return {
      verifications: steps.verifications,
      dataGroups: steps.reads,
      ...(steps.restrictedIdentification &&
        sectorPrivateKey !== undefined && {
          restrictedIdentification: {
            sectorPrivateKey,
            keyReference: riKey?.keyId ?? DEFAULT_RI_KEY,
          },
        }),
    };
  }

  /** Sends a message; the client's next message must name its MessageID as RelatesTo. */
  #send(outgoing: PaosOutgoing): ExchangeStep {
    this.#lastMessageId = outgoing.messageId;
    return { reply: outgoing.xml };
  }

  #end(relatesTo: string, result: DssResult, outcome: SessionOutcome): ExchangeStep {
    this.#phase = { name: 'ended' };
    return { reply: startPaosResponse({ relatesTo }, result).xml, outcome };
  }
}

function clientOutcome(result: DssResult): SessionOutcome {
  if (result.minor !== undefined && cancellation.test(result.minor)) return { kind: 'cancelled' };
  return { kind: 'failed', reason: 'client-error' };
}

/** The Chip Authentication key the client used: the one EF.CardAccess names, if it names one. */
function chipKeyIdOf(efCardAccess: Buffer): number | undefined {
  try {
    const infos = parseSecurityInfos(efCardAccess).chipAuthentication.filter(
      (info) => !info.privilegedTerminalsOnly,
    );
    return infos.length === 1 ? infos[0]?.keyId : undefined;
  } catch {
    return undefined;
  }
}
