import type { TrainingCard } from './card.js';
import { TrainingCardError } from './card-swap-error.js';
import {
  TRAINING_READER,
  failures,
  majorError,
  majorOk,
  trainingCertificate,
  trainingRights,
  trainingTransactionInfo,
  versionInfo,
  type Failure,
  type Json,
} from './messages.js';
import { fetchTcToken, withResult, type TcToken } from './tc-token.js';

type StateMessage =
  'ACCESS_RIGHTS' | 'INSERT_CARD' | 'ENTER_PIN' | 'ENTER_CAN' | 'ENTER_PUK' | 'ENTER_NEW_PIN';

interface Workflow {
  readonly kind: 'AUTH' | 'CHANGE_PIN';
  state: StateMessage | null;
  progress: number;
  readonly abort: AbortController;
  token?: TcToken;
  effective: string[];
  /** The CAN unlocked the last PIN try for this PACE run. */
  canVerified: boolean;
}

/** Commands valid only right after their state message (MessageDispatcher's allowed-state rule). */
const allowedIn: Record<string, StateMessage> = {
  GET_ACCESS_RIGHTS: 'ACCESS_RIGHTS',
  SET_ACCESS_RIGHTS: 'ACCESS_RIGHTS',
  GET_CERTIFICATE: 'ACCESS_RIGHTS',
  ACCEPT: 'ACCESS_RIGHTS',
  SET_CARD: 'INSERT_CARD',
  SET_PIN: 'ENTER_PIN',
  SET_CAN: 'ENTER_CAN',
  SET_PUK: 'ENTER_PUK',
  SET_NEW_PIN: 'ENTER_NEW_PIN',
};

/** States in which the card is being talked to: taking it away would break the workflow. */
const cardInUse = new Set<StateMessage>(['ENTER_PIN', 'ENTER_CAN', 'ENTER_PUK', 'ENTER_NEW_PIN']);

const levelTwoOnly = new Set(['GET_STATUS', 'SET_CARD']);

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface TrainingAusweisAppOptions {
  /** Limit for fetching the TC token (AusweisApp's own is longer; a kiosk wants an answer). */
  tcTokenTimeoutMs: number;
}

/**
 * AusweisApp 1.26.2 at API level 2 as far as a kiosk sees it, with one training reader and
 * card instead of real hardware. Failures carry 1.26.3+ `reason` codes. Incoming commands are
 * raw JSON, as AusweisApp gets them; `emit` hands messages to the channel.
 */
export class TrainingAusweisApp {
  #card: TrainingCard;
  readonly #emit: (message: Json) => void;
  readonly #options: TrainingAusweisAppOptions;
  #apiLevel = 2;
  #cardInserted = false;
  #workflow: Workflow | null = null;

  constructor(
    card: TrainingCard,
    emit: (message: Json) => void,
    options: TrainingAusweisAppOptions,
  ) {
    this.#card = card;
    this.#emit = emit;
    this.#options = options;
  }

  /** Like AusweisApp, a new client first hears about every reader. */
  connected(): void {
    this.#emit({ msg: 'READER', ...this.#reader() });
  }

  /** The client went away: the workflow ends silently. */
  disconnected(): void {
    this.#workflow?.abort.abort();
    this.#workflow = null;
  }

  /**
   * Staff put another card on the training reader, as on a real one: the old card leaves (a
   * READER without card), the new one arrives (a READER with it), and a workflow waiting for a
   * card goes on by itself. Refused while a workflow talks to the card.
   */
  replaceCard(card: TrainingCard): void {
    const state = this.#workflow?.state;
    if (state && cardInUse.has(state)) {
      throw new TrainingCardError('card-in-use', 'the training card is in use by a workflow');
    }
    if (this.#cardInserted) {
      this.#cardInserted = false;
      this.#readerEvent();
    }
    this.#card = card;
    this.#cardInserted = true;
    this.#readerEvent();
    if (this.#workflow?.state === 'INSERT_CARD') this.#toCard();
  }

  handle(command: Json): void {
    const cmd = command.cmd;
    const reply = (message: Json) =>
      this.#emit(
        command.request === undefined ? message : { ...message, request: command.request },
      );
    if (cmd === undefined) return reply({ msg: 'INVALID', error: 'Command cannot be undefined' });
    if (typeof cmd !== 'string') return reply({ msg: 'INVALID', error: 'Invalid command' });
    if (this.#apiLevel < 2 && levelTwoOnly.has(cmd))
      return reply({ msg: 'UNKNOWN_COMMAND', error: cmd });
    const needed = allowedIn[cmd];
    if (needed !== undefined && this.#workflow?.state !== needed) {
      return reply({ msg: 'BAD_STATE', error: cmd });
    }
    switch (cmd) {
      case 'GET_INFO':
        return reply({ msg: 'INFO', VersionInfo: versionInfo });
      case 'GET_API_LEVEL':
        return reply({ msg: 'API_LEVEL', available: [1, 2], current: this.#apiLevel });
      case 'SET_API_LEVEL':
        return reply(this.#setApiLevel(command.level));
      case 'GET_STATUS':
        return reply(this.#status());
      case 'GET_READER':
        return reply(this.#getReader(command.name));
      case 'GET_READER_LIST':
        return reply({
          msg: 'READER_LIST',
          [this.#apiLevel < 2 ? 'reader' : 'readers']: [this.#reader()],
        });
      case 'RUN_AUTH':
        return this.#runAuth(command, reply);
      case 'RUN_CHANGE_PIN':
        return this.#runChangePin(reply);
      case 'GET_ACCESS_RIGHTS':
        return reply(this.#accessRights());
      case 'SET_ACCESS_RIGHTS':
        return reply(this.#setAccessRights(command.chat));
      case 'GET_CERTIFICATE':
        return reply({ msg: 'CERTIFICATE', ...trainingCertificate });
      case 'ACCEPT':
        return this.#toCard();
      case 'CANCEL':
        if (!this.#workflow) return reply({ msg: 'BAD_STATE', error: cmd });
        return this.#fail(failures.cancelled);
      case 'SET_CARD':
        return this.#setCard(command.name, reply);
      case 'SET_PIN':
      case 'SET_CAN':
      case 'SET_PUK':
      case 'SET_NEW_PIN':
        return this.#enter(cmd, command.value, reply);
      default:
        // Includes INTERRUPT (iOS only) and CONTINUE (level 3, AusweisApp 2.2+).
        return reply({ msg: 'UNKNOWN_COMMAND', error: cmd });
    }
  }

  #reader(): Json {
    return {
      name: TRAINING_READER,
      attached: true,
      insertable: true,
      keypad: false,
      card: this.#cardInserted ? this.#card.info : null,
    };
  }

  #readerEvent(): void {
    this.#emit({ msg: 'READER', ...this.#reader() });
  }

  #setApiLevel(level: unknown): Json {
    const current = this.#apiLevel;
    if (level === undefined)
      return { msg: 'API_LEVEL', error: 'Level cannot be undefined', current };
    if (!Number.isInteger(level)) return { msg: 'API_LEVEL', error: 'Invalid level', current };
    if (level !== 1 && level !== 2) return { msg: 'API_LEVEL', error: 'Unknown level', current };
    this.#apiLevel = level;
    return { msg: 'API_LEVEL', current: level };
  }

  #status(): Json {
    const workflow = this.#workflow;
    return {
      msg: 'STATUS',
      workflow: workflow?.kind ?? null,
      progress: workflow?.progress ?? null,
      state: workflow?.state ?? null,
    };
  }

  #getReader(name: unknown): Json {
    if (typeof name !== 'string')
      return { msg: 'READER', name: '', attached: false, error: 'Name cannot be undefined' };
    return name === TRAINING_READER
      ? { msg: 'READER', ...this.#reader() }
      : { msg: 'READER', name, attached: false };
  }

  /** STATUS events follow progress changes; 1.26.2 sends none during a PIN change. */
  #progress(workflow: Workflow, progress: number): void {
    workflow.progress = progress;
    if (this.#apiLevel >= 2 && workflow.kind === 'AUTH') this.#emit(this.#status());
  }

  #start(kind: Workflow['kind']): Workflow {
    const workflow: Workflow = {
      kind,
      state: null,
      progress: 0,
      abort: new AbortController(),
      effective: [],
      canVerified: false,
    };
    this.#workflow = workflow;
    this.#emit({ msg: kind });
    this.#progress(workflow, 0);
    return workflow;
  }

  #runAuth(command: Json, reply: (message: Json) => void): void {
    if (this.#workflow) return reply({ msg: 'BAD_STATE', error: 'RUN_AUTH' });
    const { tcTokenURL, developerMode } = command;
    if (tcTokenURL === undefined)
      return reply({ msg: 'AUTH', error: 'tcTokenURL cannot be undefined' });
    if (typeof tcTokenURL !== 'string' || !URL.canParse(tcTokenURL)) {
      return reply({ msg: 'AUTH', error: 'Invalid tcTokenURL' });
    }
    const url = new URL(tcTokenURL);
    if (url.hostname === '')
      return reply({ msg: 'AUTH', error: 'Validation of tcTokenURL failed' });
    const workflow = this.#start('AUTH');
    // Like AusweisApp, https only without developer mode; loopback http is allowed for demos.
    if (url.protocol !== 'https:' && developerMode !== true && !loopback.has(url.hostname)) {
      return this.#fail(failures.tcTokenNoHttps);
    }
    const options = { timeoutMs: this.#options.tcTokenTimeoutMs, signal: workflow.abort.signal };
    void fetchTcToken(tcTokenURL, options).then((result) => {
      if (this.#workflow !== workflow) return;
      switch (result.kind) {
        case 'token':
          workflow.token = result.token;
          workflow.effective = [...trainingRights.required, ...trainingRights.optional];
          this.#progress(workflow, 10);
          workflow.state = 'ACCESS_RIGHTS';
          return this.#emit(this.#accessRights());
        case 'redirect':
          return this.#fail(failures.tcTokenInvalid, result.url);
        case 'invalid':
          return this.#fail(failures.tcTokenInvalid);
        case 'unreachable':
          return this.#fail(failures.tcTokenUnreachable);
      }
    });
  }

  #runChangePin(reply: (message: Json) => void): void {
    if (this.#workflow) return reply({ msg: 'BAD_STATE', error: 'RUN_CHANGE_PIN' });
    this.#start('CHANGE_PIN');
    this.#toCard();
  }

  #accessRights(error?: string): Json {
    return {
      msg: 'ACCESS_RIGHTS',
      chat: { ...trainingRights, effective: this.#workflow?.effective ?? [] },
      transactionInfo: trainingTransactionInfo,
      ...(error !== undefined && { error }),
    };
  }

  #setAccessRights(chat: unknown): Json {
    const workflow = this.#workflow;
    if (!workflow || !Array.isArray(chat)) return this.#accessRights('Invalid chat');
    const optional: readonly unknown[] = trainingRights.optional;
    if (!chat.every((right) => optional.includes(right))) return this.#accessRights('Invalid chat');
    workflow.effective = [
      ...trainingRights.required,
      ...trainingRights.optional.filter((right) => chat.includes(right)),
    ];
    return this.#accessRights();
  }

  #await(state: StateMessage, error?: string): void {
    const workflow = this.#workflow;
    if (!workflow) return;
    workflow.state = state;
    if (state === 'ACCESS_RIGHTS') return this.#emit(this.#accessRights(error));
    if (state === 'INSERT_CARD')
      return this.#emit({ msg: state, ...(error !== undefined && { error }) });
    this.#emit({ msg: state, reader: this.#reader(), ...(error !== undefined && { error }) });
  }

  /** What the card needs next: AusweisApp's StatePreparePace by retry counter. */
  #toCard(): void {
    const workflow = this.#workflow;
    if (!workflow) return;
    const card = this.#card;
    // A deactivated card is not usable: AusweisApp keeps waiting for another one.
    if (!this.#cardInserted || card.deactivated) {
      return workflow.state === 'INSERT_CARD' ? undefined : this.#await('INSERT_CARD');
    }
    // A comfort reader aborts here for a transport PIN; a basic one would only refuse 5 digits.
    if (workflow.kind === 'AUTH' && card.transportPinActive)
      return this.#fail(failures.transportPin);
    if (card.retryCounter === 0) return this.#await('ENTER_PUK');
    if (card.retryCounter === 1 && !workflow.canVerified) return this.#await('ENTER_CAN');
    this.#await('ENTER_PIN');
  }

  #setCard(name: unknown, reply: (message: Json) => void): void {
    if (name === undefined) return reply({ msg: 'INSERT_CARD', error: 'Name cannot be undefined' });
    if (typeof name !== 'string') return reply({ msg: 'INSERT_CARD', error: 'Invalid name' });
    if (name !== TRAINING_READER)
      return reply({ msg: 'INSERT_CARD', error: 'Unknown reader name' });
    this.#cardInserted = true;
    this.#readerEvent();
    this.#toCard();
  }

  #enter(
    cmd: 'SET_PIN' | 'SET_CAN' | 'SET_PUK' | 'SET_NEW_PIN',
    value: unknown,
    reply: (m: Json) => void,
  ) {
    const workflow = this.#workflow;
    if (!workflow?.state) return;
    const state = workflow.state;
    const refuse = (error: string) => reply({ msg: state, reader: this.#reader(), error });
    const [pattern, rule] = digitRule(cmd, workflow.kind);
    if (value === undefined) return refuse('Value cannot be undefined');
    if (typeof value !== 'string') return refuse('Invalid value');
    if (!pattern.test(value)) return refuse(rule);
    switch (cmd) {
      case 'SET_PIN':
        return this.#pin(workflow, value);
      case 'SET_CAN':
        workflow.canVerified = this.#card.checkCan(value);
        return workflow.canVerified ? this.#await('ENTER_PIN') : this.#await('ENTER_CAN');
      case 'SET_PUK':
        return this.#puk(value);
      case 'SET_NEW_PIN':
        this.#card.setPin(value);
        this.#workflow = null;
        return this.#emit({ msg: 'CHANGE_PIN', success: true });
    }
  }

  #pin(workflow: Workflow, value: string): void {
    const card = this.#card;
    if (card.removedAfterPin) {
      card.removedAfterPin = false;
      this.#cardInserted = false;
      this.#readerEvent();
      return this.#fail(failures.cardRemoved);
    }
    workflow.canVerified = false;
    if (card.checkPin(value) === 'wrong') {
      this.#readerEvent();
      return this.#toCard();
    }
    if (workflow.kind === 'CHANGE_PIN') return this.#await('ENTER_NEW_PIN');
    this.#progress(workflow, 80);
    if (card.expired) return this.#fail(failures.expired);
    this.#succeedAuth(workflow);
  }

  #puk(value: string): void {
    const check = this.#card.checkPuk(value);
    if (check === 'wrong') return this.#await('ENTER_PUK');
    this.#readerEvent();
    if (check === 'inoperative') return this.#fail(failures.pukInoperative);
    this.#await('ENTER_PIN');
  }

  #succeedAuth(workflow: Workflow): void {
    this.#workflow = null;
    this.#emit({
      msg: 'AUTH',
      result: { major: majorOk },
      ...(workflow.token && { url: withResult(workflow.token.refreshAddress, 'ok') }),
    });
  }

  /** The final failure message; AUTH sends the provider's address for the browser, if known. */
  #fail(failure: Failure, redirect?: string): void {
    const workflow = this.#workflow;
    if (!workflow) return;
    workflow.abort.abort();
    this.#workflow = null;
    if (workflow.kind === 'CHANGE_PIN') {
      return this.#emit({ msg: 'CHANGE_PIN', success: false, reason: failure.reason });
    }
    const token = workflow.token;
    const address = token && (token.communicationErrorAddress ?? token.refreshAddress);
    const url = address ? withResult(address, 'error', failure.refreshMinor) : redirect;
    this.#emit({
      msg: 'AUTH',
      result: {
        major: majorError,
        minor: failure.minor,
        reason: failure.reason,
        message: failure.message,
        language: 'en',
      },
      ...(url !== undefined && { url }),
    });
  }
}

/** MsgHandlerEnterNumber's checks and texts. */
function digitRule(cmd: string, kind: Workflow['kind']): [RegExp, string] {
  switch (cmd) {
    case 'SET_PUK':
      return [/^\d{10}$/, 'You must provide 10 digits'];
    case 'SET_PIN':
      if (kind === 'CHANGE_PIN') return [/^\d{5,6}$/, 'You must provide 5 - 6 digits'];
      return [/^\d{6}$/, 'You must provide 6 digits'];
    default:
      return [/^\d{6}$/, 'You must provide 6 digits'];
  }
}
