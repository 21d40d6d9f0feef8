import {
  outcomeMessageKey,
  successCodes,
  type EidStep,
  type Outcome,
  type OutcomeCode,
  type ProviderView,
  type WorkflowKind,
} from '@sidbox/protocol';
import type { SdkCommand } from '../sdk/commands.js';
import type { MessageOf, Reader, SdkMessage } from '../sdk/messages.js';
import type { InputKind, UserAction, WorkflowActionError } from './actions.js';

/**
 * The pure eID workflow machine: `reduce(state, event) → { state, effects }`. It never touches
 * I/O or clocks; the runner executes the effects. Message handling is in machine-messages.ts,
 * user actions in machine-actions.ts.
 */

export interface MachineConfig {
  readonly kind: WorkflowKind;
  readonly training: boolean;
  /** How long any one step may last before the machine cancels with `timeout`. */
  readonly stepTimeoutMs: number;
  /** How long to wait for the final AUTH/CHANGE_PIN after CANCEL before finishing anyway. */
  readonly cancelGraceMs: number;
  /** The command that starts the workflow: RUN_AUTH or RUN_CHANGE_PIN. */
  readonly run: Extract<SdkCommand, { cmd: 'RUN_AUTH' | 'RUN_CHANGE_PIN' }>;
}

export type Phase = 'running' | 'cancelling' | 'done';

export interface MachineState {
  readonly config: MachineConfig;
  readonly phase: Phase;
  /** AusweisApp confirmed the start (AUTH/CHANGE_PIN without result); finals before it are stale. */
  readonly started: boolean;
  readonly step: EidStep;
  /** Attached readers as AusweisApp last reported them. */
  readonly readers: Readonly<Record<string, Reader>>;
  /** The reader the workflow uses: from ENTER_* or our SET_CARD. */
  readonly readerInUse: string | null;
  readonly keypad: boolean;
  readonly retryCounter: number | null;
  readonly lastAttemptWrong: boolean;
  /** The value we passed on last and whose answer is pending. */
  readonly sent: InputKind | null;
  readonly rights: MessageOf<'ACCESS_RIGHTS'> | null;
  readonly provider: ProviderView | null;
  readonly certificateRequested: boolean;
  /** SET_ACCESS_RIGHTS went out as part of `accept`; ACCEPT follows its reply. */
  readonly acceptPending: boolean;
  /** Why the machine itself cancelled; it wins over AusweisApp's "cancelled by user". */
  readonly cancelReason: OutcomeCode | null;
  /** Identifies the running timer, so a late timer event of an earlier step is ignored. */
  readonly timerId: number;
  readonly outcome: Outcome | null;
}

export type MachineEvent =
  | { type: 'message'; message: SdkMessage }
  | { type: 'action'; action: UserAction }
  | { type: 'timer-fired'; timerId: number }
  | { type: 'certificate'; certificate: MessageOf<'CERTIFICATE'> | null }
  | { type: 'channel-closed'; expected: boolean };

export type Effect =
  | { type: 'send'; command: SdkCommand }
  | { type: 'request-certificate' }
  | { type: 'start-timer'; timerId: number; ms: number }
  | { type: 'stop-timer' }
  | { type: 'publish'; step: EidStep }
  | { type: 'finish'; outcome: Outcome };

export interface Transition {
  readonly state: MachineState;
  readonly effects: readonly Effect[];
  /** Set when a user action was refused; `state` is then the unchanged input state. */
  readonly rejection?: WorkflowActionError;
}

export type OutcomeExtras = Pick<Outcome, 'url' | 'detail'>;

export function stepBase(config: MachineConfig): { workflow: WorkflowKind; training: boolean } {
  return { workflow: config.kind, training: config.training };
}

/** The first transition: ask for the readers (for the insert-card step), then start. */
export function startMachine(config: MachineConfig): Transition {
  const step: EidStep = { ...stepBase(config), step: 'starting' };
  const state: MachineState = {
    config,
    phase: 'running',
    started: false,
    step,
    readers: {},
    readerInUse: null,
    keypad: false,
    retryCounter: null,
    lastAttemptWrong: false,
    sent: null,
    rights: null,
    provider: null,
    certificateRequested: false,
    acceptPending: false,
    cancelReason: null,
    timerId: 0,
    outcome: null,
  };
  const entered = enterStep(state, step);
  return {
    state: entered.state,
    effects: [
      { type: 'send', command: { cmd: 'GET_READER_LIST' } },
      { type: 'send', command: config.run },
      ...entered.effects,
    ],
  };
}

export function unchanged(state: MachineState): Transition {
  return { state, effects: [] };
}

/** A new step: publish it and give it a fresh timer. */
export function enterStep(state: MachineState, step: EidStep): Transition {
  const timerId = state.timerId + 1;
  return {
    state: { ...state, step, timerId },
    effects: [
      { type: 'publish', step },
      { type: 'start-timer', timerId, ms: state.config.stepTimeoutMs },
    ],
  };
}

/** The same step with fresher data (readers, progress, provider); its timer keeps running. */
export function refreshStep(state: MachineState, step: EidStep): Transition {
  return { state: { ...state, step }, effects: [{ type: 'publish', step }] };
}

export function working(state: MachineState): Extract<EidStep, { step: 'working' }> {
  return { ...stepBase(state.config), step: 'working', progress: null };
}

/** CANCEL, then wait (bounded) for AusweisApp's final message. */
export function beginCancel(state: MachineState, reason: OutcomeCode): Transition {
  if (state.phase !== 'running') return unchanged(state);
  const step = working(state);
  const timerId = state.timerId + 1;
  return {
    state: { ...state, phase: 'cancelling', cancelReason: reason, step, timerId },
    effects: [
      { type: 'send', command: { cmd: 'CANCEL' } },
      { type: 'publish', step },
      { type: 'start-timer', timerId, ms: state.config.cancelGraceMs },
    ],
  };
}

export function finish(
  state: MachineState,
  code: OutcomeCode,
  extras: OutcomeExtras = {},
): Transition {
  if (state.phase === 'done') return unchanged(state);
  const ok = successCodes.includes(code);
  // A right PIN resets the card's counter to 3 (StatePreparePace); success implies one.
  const retryCounter = ok && state.retryCounter !== null ? 3 : state.retryCounter;
  const outcome: Outcome = {
    workflow: state.config.kind,
    code,
    ok,
    messageKey: outcomeMessageKey(code),
    ...(extras.url !== undefined && { url: extras.url }),
    ...(retryCounter !== null && { retryCounter }),
    training: state.config.training,
    ...(extras.detail !== undefined && { detail: extras.detail }),
  };
  const step: EidStep = { ...stepBase(state.config), step: 'done', outcome };
  return {
    state: { ...state, phase: 'done', step, outcome },
    effects: [{ type: 'stop-timer' }, { type: 'publish', step }, { type: 'finish', outcome }],
  };
}

export function hasAttachedReader(state: MachineState): boolean {
  return Object.values(state.readers).some((reader) => reader.attached);
}
