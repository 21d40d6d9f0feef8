import type { EidStepName, OutcomeCode } from '@sidbox/protocol';
import type { SdkCommand } from '../sdk/commands.js';
import { checkValue, WorkflowActionError, type InputKind, type UserAction } from './actions.js';
import {
  beginCancel,
  enterStep,
  hasAttachedReader,
  working,
  type MachineState,
  type Transition,
} from './machine.js';

const stepOfInput: Record<InputKind, EidStepName> = {
  pin: 'enter-pin',
  can: 'enter-can',
  puk: 'enter-puk',
  'new-pin': 'enter-new-pin',
};

const commandOfInput = {
  pin: 'SET_PIN',
  can: 'SET_CAN',
  puk: 'SET_PUK',
  'new-pin': 'SET_NEW_PIN',
} as const satisfies Record<InputKind, SdkCommand['cmd']>;

/** How a user action moves the workflow; refused actions leave the state untouched. */
export function onAction(state: MachineState, action: UserAction): Transition {
  switch (action.type) {
    case 'cancel':
      return beginCancel(state, 'cancelled');
    case 'give-up':
      return beginCancel(state, giveUpCode(state));
  }
  const step = state.step.step;
  if (state.phase !== 'running') {
    const code = state.phase === 'done' ? 'finished' : 'not-now';
    return reject(
      state,
      new WorkflowActionError(code, action.type, step, `workflow is ${state.phase}`),
    );
  }
  switch (action.type) {
    case 'accept':
      return accept(state, action.deselect ?? []);
    case 'insert-card':
      return insertCard(state, action.reader);
    default:
      return enterValue(state, action);
  }
}

function reject(state: MachineState, rejection: WorkflowActionError): Transition {
  return { state, effects: [], rejection };
}

function notNow(state: MachineState, action: UserAction['type']): Transition {
  const step = state.step.step;
  return reject(
    state,
    new WorkflowActionError(
      'not-now',
      action,
      step,
      `"${action}" is not possible in step "${step}"`,
    ),
  );
}

/** Passes a command on and shows "working" until AusweisApp answers. */
function forward(state: MachineState, command: SdkCommand, patch: Partial<MachineState> = {}) {
  const next = enterStep({ ...state, ...patch }, working(state));
  return { state: next.state, effects: [{ type: 'send', command } as const, ...next.effects] };
}

function accept(state: MachineState, deselect: string[]): Transition {
  if (state.step.step !== 'access-rights') return notNow(state, 'accept');
  const optional = state.step.optional;
  const unknown = deselect.filter((name) => !optional.includes(name));
  if (unknown.length > 0) {
    return reject(
      state,
      new WorkflowActionError(
        'unknown-right',
        'accept',
        'access-rights',
        `only optional rights can be deselected, not ${unknown.join(', ')}`,
      ),
    );
  }
  if (deselect.length === 0) return forward(state, { cmd: 'ACCEPT' });
  const chat = optional.filter((name) => !deselect.includes(name));
  return forward(state, { cmd: 'SET_ACCESS_RIGHTS', chat }, { acceptPending: true });
}

function insertCard(state: MachineState, name: string): Transition {
  if (state.step.step !== 'insert-card') return notNow(state, 'insert-card');
  const reader = state.readers[name];
  if (!reader?.attached || reader.insertable !== true) {
    return reject(
      state,
      new WorkflowActionError(
        'unknown-reader',
        'insert-card',
        'insert-card',
        `no insertable reader "${name}"`,
      ),
    );
  }
  return forward(state, { cmd: 'SET_CARD', name }, { readerInUse: name });
}

function enterValue(state: MachineState, action: Extract<UserAction, { type: InputKind }>) {
  const step = state.step.step;
  if (step !== stepOfInput[action.type]) return notNow(state, action.type);
  const invalid = checkValue(action.type, action.value, state.keypad, state.config.kind, step);
  if (invalid) return reject(state, invalid);
  const command: SdkCommand = {
    cmd: commandOfInput[action.type],
    ...(action.value !== undefined && { value: action.value }),
  };
  return forward(state, command, { sent: action.type });
}

/** What it means to stop here because the driver has nothing more to enter. */
function giveUpCode(state: MachineState): OutcomeCode {
  const step = state.step;
  switch (step.step) {
    case 'enter-pin':
      return step.lastAttemptWrong ? 'wrong-pin' : 'cancelled';
    case 'enter-can':
      return step.lastAttemptWrong ? 'wrong-can' : 'pin-suspended';
    case 'enter-puk':
      return step.lastAttemptWrong ? 'wrong-puk' : 'pin-blocked';
    case 'insert-card':
      return hasAttachedReader(state) ? 'cancelled' : 'no-reader';
    default:
      return 'cancelled';
  }
}
