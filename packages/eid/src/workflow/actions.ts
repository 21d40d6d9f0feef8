import type { EidStepName, WorkflowKind } from '@sidbox/protocol';
import type { Secret } from '@sidbox/runtime';

/** A value the citizen types: PIN, CAN, PUK or the new PIN. */
export type InputKind = 'pin' | 'can' | 'puk' | 'new-pin';

/**
 * What the citizen (or a driver such as the CLI) can do. `value` is omitted on a keypad reader,
 * where the digits are typed on the reader itself. `give-up` ends a workflow that waits for
 * input the driver cannot supply; the outcome then says why (wrong PIN, CAN needed …).
 */
export type UserAction =
  | { type: 'accept'; deselect?: string[] }
  | { type: 'insert-card'; reader: string }
  | { type: InputKind; value?: Secret }
  | { type: 'cancel' }
  | { type: 'give-up' };

export type WorkflowActionErrorCode =
  | 'finished'
  | 'not-now'
  | 'wrong-length'
  | 'transport-pin-in-auth'
  | 'value-required'
  | 'value-not-allowed'
  | 'unknown-reader'
  | 'unknown-right';

/**
 * A user action the workflow cannot take now; the workflow is unchanged. Messages name the
 * action and digit counts, never digits.
 */
export class WorkflowActionError extends Error {
  override readonly name: string = 'WorkflowActionError';

  constructor(
    readonly code: WorkflowActionErrorCode,
    readonly action: UserAction['type'],
    readonly step: EidStepName,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Five digits during authentication: a transport PIN, which AusweisApp refuses there. The UI
 * sends the citizen to the PIN change (Fast Lane) instead.
 */
export class TransportPinInAuthError extends WorkflowActionError {
  override readonly name = 'TransportPinInAuthError';

  constructor(step: EidStepName) {
    super(
      'transport-pin-in-auth',
      'pin',
      step,
      'a 5-digit transport PIN cannot be used to authenticate; change it to a 6-digit PIN first',
    );
  }
}

/** Digit counts AusweisApp accepts (MsgHandlerEnterNumber): PIN 6, or 5–6 when changing it. */
export function digitRange(kind: InputKind, workflow: WorkflowKind): [min: number, max: number] {
  switch (kind) {
    case 'pin':
      return workflow === 'change-pin' ? [5, 6] : [6, 6];
    case 'can':
    case 'new-pin':
      return [6, 6];
    case 'puk':
      return [10, 10];
  }
}

/** Rejects a value AusweisApp would refuse, before it leaves the terminal. */
export function checkValue(
  kind: InputKind,
  value: Secret | undefined,
  keypad: boolean,
  workflow: WorkflowKind,
  step: EidStepName,
): WorkflowActionError | undefined {
  if (keypad) {
    return value === undefined
      ? undefined
      : new WorkflowActionError('value-not-allowed', kind, step, 'the reader has a keypad');
  }
  if (value === undefined) {
    return new WorkflowActionError('value-required', kind, step, `${kind} needs a value`);
  }
  const [min, max] = digitRange(kind, workflow);
  if (value.length >= min && value.length <= max) return undefined;
  if (kind === 'pin' && workflow === 'auth' && value.length === 5) {
    return new TransportPinInAuthError(step);
  }
  const expected = min === max ? `${min}` : `${min}-${max}`;
  return new WorkflowActionError(
    'wrong-length',
    kind,
    step,
    `${kind} needs ${expected} digits, got ${value.length}`,
  );
}
