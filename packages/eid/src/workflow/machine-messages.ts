import type { EidStep } from '@sidbox/protocol';
import type { MessageOf, Reader, SdkMessage } from '../sdk/messages.js';
import type { InputKind } from './actions.js';
import { digitRange } from './actions.js';
import {
  beginCancel,
  enterStep,
  finish,
  refreshStep,
  stepBase,
  unchanged,
  working,
  type MachineState,
  type Transition,
} from './machine.js';
import { codeFromMinor, codeFromReason, isMajorOk } from './outcome-map.js';
import { isUnknownCard, knownCounter, readerView, requiredAge, SIMULATOR_READER } from './views.js';

type EnterMessage = MessageOf<'ENTER_PIN' | 'ENTER_CAN' | 'ENTER_PUK' | 'ENTER_NEW_PIN'>;

const inputOf: Record<EnterMessage['msg'], InputKind> = {
  ENTER_PIN: 'pin',
  ENTER_CAN: 'can',
  ENTER_PUK: 'puk',
  ENTER_NEW_PIN: 'new-pin',
};

/** How an SDK message moves the workflow. */
export function onMessage(state: MachineState, message: SdkMessage): Transition {
  if (state.phase === 'done') return unchanged(state);
  switch (message.msg) {
    case 'AUTH':
      return state.config.kind === 'auth' ? onAuth(state, message) : unchanged(state);
    case 'CHANGE_PIN':
      return state.config.kind === 'change-pin' ? onChangePin(state, message) : unchanged(state);
    case 'STATUS':
      return onStatus(state, message.progress);
    case 'READER':
      return onReader(state, message);
    case 'READER_LIST':
      return onReaderList(state, message.readers ?? message.reader ?? []);
    case 'ACCESS_RIGHTS':
      return onAccessRights(state, message);
    case 'INSERT_CARD':
      return onInsertCard(state);
    case 'ENTER_PIN':
    case 'ENTER_CAN':
    case 'ENTER_PUK':
    case 'ENTER_NEW_PIN':
      return onEnter(state, message);
    case 'PAUSE':
      // Level 3: the card is badly placed; AusweisApp waits for CONTINUE once it is back.
      return { state, effects: [{ type: 'send', command: { cmd: 'CONTINUE' } }] };
    case 'BAD_STATE':
    case 'INVALID':
    case 'UNKNOWN_COMMAND':
    case 'INTERNAL_ERROR':
      return onError(state, message);
    case 'INFO':
    case 'API_LEVEL':
    case 'CERTIFICATE': // arrives as a `certificate` event from the runner's request
      return unchanged(state);
  }
}

/** Progress while AusweisApp works on its own (TC token, eID server); the step timer runs on. */
function onStatus(state: MachineState, progress: number | null): Transition {
  const busy = state.step.step === 'starting' || state.step.step === 'working';
  if (!busy || state.phase !== 'running') return unchanged(state);
  return refreshStep(state, { ...working(state), progress });
}

function onAuth(state: MachineState, message: MessageOf<'AUTH'>): Transition {
  if (message.result === undefined) {
    if (message.error !== undefined && !state.started) {
      return finish(state, 'invalid-request');
    }
    return unchanged({ ...state, started: true });
  }
  if (!state.started && state.phase === 'running') return unchanged(state); // a previous workflow's
  const { major, minor, reason } = message.result;
  const extras = { url: message.url, detail: { major, minor, reason } };
  if (isMajorOk(major)) return finish(state, 'auth-success', extras);
  return finish(state, failureCode(state, codeFromReason(reason) ?? codeFromMinor(minor)), extras);
}

function onChangePin(state: MachineState, message: MessageOf<'CHANGE_PIN'>): Transition {
  if (message.success === undefined) {
    if (message.error !== undefined && !state.started) {
      return finish(state, 'eid-error');
    }
    return unchanged({ ...state, started: true });
  }
  if (!state.started && state.phase === 'running') return unchanged(state);
  const extras = message.reason === undefined ? {} : { detail: { reason: message.reason } };
  // 1.26.2 Simulator quirk: success right after SET_CARD without any PIN entry. It is still
  // what AusweisApp reports, so it counts.
  if (message.success) return finish(state, 'pin-changed', extras);
  return finish(state, failureCode(state, codeFromReason(message.reason)), extras);
}

/** The machine's own reason wins; a bare failure right after SET_PUK means the PUK is used up. */
function failureCode(state: MachineState, reported: ReturnType<typeof codeFromReason>) {
  if (state.cancelReason !== null) return state.cancelReason;
  if (reported !== undefined) return reported;
  return state.sent === 'puk' ? 'card-inoperative' : 'eid-error';
}

function withReader(state: MachineState, reader: Reader): MachineState {
  const readers = Object.fromEntries(
    Object.entries(state.readers).filter(([name]) => name !== reader.name),
  );
  if (reader.attached) readers[reader.name] = reader;
  return { ...state, readers };
}

function onReader(state: MachineState, message: MessageOf<'READER'>): Transition {
  const { name, attached, insertable, keypad, card } = message;
  const reader: Reader = { name, attached, insertable, keypad, card };
  const next = withReader(state, reader);
  if (next.phase !== 'running') return unchanged(next);
  const cardGone = !reader.attached || !reader.card;
  if (
    reader.name === next.readerInUse &&
    cardGone &&
    isCardStep(next.step) &&
    removedByCitizen(reader, next.step)
  ) {
    return beginCancel(next, 'card-removed');
  }
  // The card we just inserted has its eID function off: AusweisApp waits for another forever.
  if (reader.name === next.readerInUse && reader.card?.deactivated === true) {
    return beginCancel(next, 'eid-deactivated');
  }
  return next.step.step === 'insert-card' ? showInsertCard(next, false) : unchanged(next);
}

function onReaderList(state: MachineState, readers: Reader[]): Transition {
  const next = { ...state, readers: Object.fromEntries(readers.map((r) => [r.name, r])) };
  return next.step.step === 'insert-card' && next.phase === 'running'
    ? showInsertCard(next, false)
    : unchanged(next);
}

/** Steps in which the card must stay on the reader. */
function isCardStep(step: EidStep): boolean {
  return step.step === 'working' || step.step.startsWith('enter-');
}

/**
 * Nobody can take the Simulator's card: it leaves its reader only when AusweisApp shelves it,
 * which 1.26.2 does as soon as an authentication is done with the card, before the final AUTH
 * (the READER event can even overtake the STATUS that says so). AusweisApp reports a card lost
 * while it still needs it by itself.
 */
function removedByCitizen(reader: Reader, step: EidStep): boolean {
  return !(reader.name === SIMULATOR_READER && step.step === 'working');
}

function onAccessRights(state: MachineState, message: MessageOf<'ACCESS_RIGHTS'>): Transition {
  if (state.phase !== 'running') return unchanged(state);
  if (state.config.kind !== 'auth') return beginCancel(state, 'eid-error');
  if (state.acceptPending) {
    const next = { ...state, acceptPending: false, rights: message };
    // Our own SET_ACCESS_RIGHTS was refused; names were checked, so this is AusweisApp's error.
    if (message.error !== undefined) return beginCancel(next, 'eid-error');
    return { state: next, effects: [{ type: 'send', command: { cmd: 'ACCEPT' } }] };
  }
  const next = { ...state, rights: message, certificateRequested: true };
  const step: EidStep = {
    ...stepBase(state.config),
    step: 'access-rights',
    provider: state.provider,
    required: message.chat.required,
    optional: message.chat.optional,
    effective: message.chat.effective,
    ...(message.transactionInfo !== undefined && { transactionInfo: message.transactionInfo }),
    ...(requiredAge(message) !== undefined && { requiredAge: requiredAge(message) }),
  };
  const entered =
    state.step.step === 'access-rights' ? refreshStep(next, step) : enterStep(next, step);
  if (state.certificateRequested) return entered;
  return { state: entered.state, effects: [...entered.effects, { type: 'request-certificate' }] };
}

function onInsertCard(state: MachineState): Transition {
  if (state.phase !== 'running') return unchanged(state);
  return showInsertCard({ ...state, sent: null }, true);
}

/**
 * The insert-card step. A deactivated eID card makes AusweisApp wait here for another card
 * forever, so the machine cancels.
 */
function showInsertCard(state: MachineState, fresh: boolean): Transition {
  const readers = Object.values(state.readers).filter((reader) => reader.attached);
  if (readers.some((reader) => reader.card?.deactivated === true)) {
    return beginCancel(state, 'eid-deactivated');
  }
  const step: EidStep = {
    ...stepBase(state.config),
    step: 'insert-card',
    readers: readers.map((reader) => readerView(reader, state.config.training)),
    ...(readers.some(isUnknownCard) && { problem: 'unknown-card' as const }),
  };
  return fresh || state.step.step !== 'insert-card'
    ? enterStep(state, step)
    : refreshStep(state, step);
}

function onEnter(state: MachineState, message: EnterMessage): Transition {
  if (state.phase !== 'running') return unchanged(state);
  const input = inputOf[message.msg];
  if (input === 'new-pin' && state.config.kind !== 'change-pin') {
    return beginCancel(state, 'eid-error');
  }
  const card = message.reader.card ?? null;
  const counter = knownCounter(card?.retryCounter);
  const next: MachineState = {
    ...withReader(state, message.reader),
    readerInUse: message.reader.name,
    keypad: message.reader.keypad ?? false,
    retryCounter: counter ?? state.retryCounter,
    // The same ENTER_* again, without error, after we passed a value on: the value was wrong.
    // With `error` the value was malformed and nothing changed on the card.
    lastAttemptWrong: message.error === undefined ? state.sent === input : state.lastAttemptWrong,
    sent: null,
  };
  if (input === 'puk' && card?.inoperative === true) return beginCancel(next, 'card-inoperative');
  return enterStep(next, enterStepView(next, input));
}

function enterStepView(state: MachineState, input: InputKind): EidStep {
  const base = { ...stepBase(state.config), keypad: state.keypad };
  switch (input) {
    case 'pin': {
      const [minDigits, maxDigits] = digitRange('pin', state.config.kind);
      return {
        ...base,
        step: 'enter-pin',
        retryCounter: state.retryCounter,
        minDigits,
        maxDigits,
        lastAttemptWrong: state.lastAttemptWrong,
      };
    }
    case 'can':
      return { ...base, step: 'enter-can', lastAttemptWrong: state.lastAttemptWrong };
    case 'puk':
      return { ...base, step: 'enter-puk', lastAttemptWrong: state.lastAttemptWrong };
    case 'new-pin':
      return { ...base, step: 'enter-new-pin' };
  }
}

/**
 * BAD_STATE, INVALID, UNKNOWN_COMMAND, INTERNAL_ERROR. Replies to `request()` calls carry a
 * `request` tag and are handled by the caller; the workflow only reacts to errors about the
 * commands it sent itself.
 */
function onError(
  state: MachineState,
  message: MessageOf<'BAD_STATE' | 'INVALID' | 'UNKNOWN_COMMAND' | 'INTERNAL_ERROR'>,
): Transition {
  if (state.phase !== 'running' || message.request !== undefined) return unchanged(state);
  // A CANCEL of an earlier workflow that had already ended.
  if (message.msg === 'BAD_STATE' && message.error === 'CANCEL') return unchanged(state);
  return beginCancel(state, 'eid-error');
}
