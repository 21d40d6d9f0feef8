import { decodeTlv, decodeTlvs } from '../../src/asn1/tlv.js';
import { encodeCommandApdu, type CommandApdu } from '../../src/apdu/command-apdu.js';
import { decodeResponseApdu } from '../../src/apdu/response-apdu.js';
import type { AuthenticationService } from '../../src/authentication-service.js';
import { parseCvc } from '../../src/cvc/certificate.js';
import { decodeChat, encodeChat, type ChatRight } from '../../src/cvc/chat.js';
import { parseSecurityInfos } from '../../src/eac/card-security.js';
import type { DssResult } from '../../src/xml/dss-result.js';
import type { CardDouble, PaceResult } from './card.js';
import {
  eac1Response,
  eac2Response,
  eacErrorResponse,
  resultMinor,
  startPaos,
  transmitResponse,
  type ClientOutgoing,
} from './client-messages.js';
import { readServerMessage, type Eac1Input, type Eac2Input } from './server-messages.js';
import { sw } from './status-words.js';
import * as commands from './terminal-commands.js';

/**
 * What AusweisApp does between the card and the eID-Server, without a UI and in process: the
 * PAOS conversation from StartPAOS to StartPAOSResponse, the citizen's choice of rights, and the
 * card commands of each EAC step. Hooks let a test play a broken card, client or attacker.
 */
export interface ClientHooks {
  /** The rights the citizen leaves on, of those offered; all of them by default. */
  chooseRights?: (offered: {
    required: ReadonlySet<ChatRight>;
    optional: ReadonlySet<ChatRight>;
  }) => Iterable<ChatRight>;
  /** The server's TA signature, before the card sees it. */
  signature?: (signature: Buffer) => Buffer;
  /** The auxiliary data the client gives the card in MSE:Set AT. */
  auxiliaryData?: (data: Buffer | undefined) => Buffer | undefined;
  authenticationToken?: (token: Buffer) => Buffer;
  efCardSecurity?: (bytes: Buffer) => Buffer;
  /** The card's answers to one Transmit, before they go to the server. */
  transmitResponses?: (responses: Buffer[]) => Buffer[];
  /** The citizen cancels at this step instead of going on. */
  cancelAt?: 'EAC1' | 'EAC2';
  /** Each PAOS message before it is sent, with the messages sent before it. */
  outgoing?: (xml: string, sent: readonly string[]) => string;
}

export interface ClientRun {
  /** The result of the server's StartPAOSResponse. */
  result: DssResult;
  /** The card command that failed, when the client reported a card error. */
  cardFailure?: { command: string; sw: number };
  sent: string[];
  received: string[];
}

class CardStepError extends Error {
  override readonly name = 'CardStepError';
  constructor(
    readonly command: string,
    readonly sw: number,
  ) {
    super(`${command} answered ${sw.toString(16)}`);
  }
}

interface Eac1State {
  input: Eac1Input;
  pace: PaceResult;
}

export class EidClientDouble {
  #afterEac1: Eac1State | undefined;
  #cardFailure: ClientRun['cardFailure'];

  constructor(
    private readonly service: AuthenticationService,
    private readonly sessionId: string,
    private readonly card: CardDouble,
    private readonly hooks: ClientHooks = {},
  ) {}

  run(): ClientRun {
    const sent: string[] = [];
    const received: string[] = [];
    let outgoing = startPaos(this.sessionId);
    for (;;) {
      const xml = this.hooks.outgoing?.(outgoing.xml, sent) ?? outgoing.xml;
      sent.push(xml);
      const reply = this.service.paos(this.sessionId, xml);
      received.push(reply);
      const message = readServerMessage(reply);
      if (message.type === 'StartPAOSResponse') {
        return {
          result: message.result,
          ...(this.#cardFailure && { cardFailure: this.#cardFailure }),
          sent,
          received,
        };
      }
      if (message.type === 'Transmit') {
        const responses = message.apdus.map((apdu) => this.card.transmit(apdu));
        outgoing = transmitResponse(
          message.messageId,
          this.hooks.transmitResponses?.(responses) ?? responses,
        );
      } else {
        outgoing = this.#eacStep(message.type, message.messageId, () =>
          message.type === 'EAC1'
            ? this.#answerEac1(message.messageId, message.input)
            : this.#answerEac2(message.messageId, message.input),
        );
      }
    }
  }

  /** One EAC step; a cancellation or a card error becomes an error result, as AusweisApp sends. */
  #eacStep(step: 'EAC1' | 'EAC2', relatesTo: string, answer: () => ClientOutgoing): ClientOutgoing {
    if (this.hooks.cancelAt === step) {
      return eacErrorResponse(relatesTo, step, resultMinor.cancellationByUser);
    }
    try {
      return answer();
    } catch (error) {
      if (!(error instanceof CardStepError)) throw error;
      this.#cardFailure = { command: error.command, sw: error.sw };
      return eacErrorResponse(relatesTo, step, resultMinor.unknownError);
    }
  }

  #answerEac1(relatesTo: string, input: Eac1Input): ClientOutgoing {
    const offered = {
      required: decodeChat(input.requiredChat).rights,
      optional: input.optionalChat ? decodeChat(input.optionalChat).rights : new Set<ChatRight>(),
    };
    const chosen = this.hooks.chooseRights?.(offered) ?? [...offered.required, ...offered.optional];
    const chat = encodeChat('at', chosen);
    const pace = this.card.completePace(chat);
    this.#afterEac1 = { input, pace };
    const challenge = this.#command('GET CHALLENGE', commands.getChallenge());
    return eac1Response(relatesTo, {
      chat,
      efCardAccess: pace.efCardAccess,
      idPicc: pace.idPicc,
      challenge,
    });
  }

  #answerEac2(relatesTo: string, input: Eac2Input): ClientOutgoing {
    const eac1 = this.#afterEac1;
    if (eac1 === undefined) throw new Error('EAC2 before EAC1');
    const chain = [...eac1.input.certificates, ...input.certificates];
    for (const certificate of chain) {
      this.#command('MSE:Set DST', commands.mseSetDst(parseCvc(certificate).body.car));
      this.#command('PSO:Verify Certificate', commands.psoVerifyCertificate(certificate));
    }
    const terminal = parseCvc(chain.at(-1) ?? Buffer.alloc(0)).body.chr;
    const given = eac1.input.authenticatedAuxiliaryData;
    const auxiliaryData = this.hooks.auxiliaryData ? this.hooks.auxiliaryData(given) : given;
    const ephemeralKey = input.ephemeralPublicKey;
    const compressed = ephemeralKey.subarray(1, 1 + (ephemeralKey.length - 1) / 2);
    this.#command(
      'MSE:Set AT (TA)',
      commands.mseSetAtTerminal(terminal, auxiliaryData, compressed),
    );
    const signature = this.hooks.signature?.(input.signature) ?? input.signature;
    this.#command('EXTERNAL AUTHENTICATE', commands.externalAuthenticate(signature));
    const efCardSecurity = this.#command(
      'READ BINARY EF.CardSecurity',
      commands.readCardSecurity(),
    );
    this.#command('MSE:Set AT (CA)', commands.mseSetAtChip(chipKeyId(eac1.pace.efCardAccess)));
    const answer = this.#command(
      'GENERAL AUTHENTICATE (CA)',
      commands.generalAuthenticateChip(ephemeralKey),
    );
    const data = new Map(decodeTlvs(decodeTlv(answer, 0x7c).value).map((o) => [o.tag, o.value]));
    const token = data.get(0x82) ?? Buffer.alloc(0);
    return eac2Response(relatesTo, {
      efCardSecurity: this.hooks.efCardSecurity?.(efCardSecurity) ?? efCardSecurity,
      authenticationToken: this.hooks.authenticationToken?.(token) ?? token,
      nonce: data.get(0x81) ?? Buffer.alloc(0),
    });
  }

  /** Sends a plain command; anything but 9000 is a failed step. */
  #command(name: string, command: CommandApdu): Buffer {
    const response = decodeResponseApdu(this.card.transmit(encodeCommandApdu(command)));
    if (response.sw !== sw.ok) throw new CardStepError(name, response.sw);
    return response.data;
  }
}

/**
 * The Chip Authentication key id. AusweisApp takes it from EF.CardSecurity's ChipAuthenticationInfo;
 * the double's EF.CardAccess names the same one, and reading it needs no CMS unwrapping.
 */
function chipKeyId(efCardAccess: Buffer): number {
  const [info] = parseSecurityInfos(efCardAccess).chipAuthentication;
  if (info?.keyId === undefined) throw new CardStepError('EF.CardAccess', sw.referenceNotFound);
  return info.keyId;
}
