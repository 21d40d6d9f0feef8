import { onAction } from './machine-actions.js';
import { onMessage } from './machine-messages.js';
import {
  beginCancel,
  finish,
  hasAttachedReader,
  refreshStep,
  unchanged,
  type MachineEvent,
  type MachineState,
  type Transition,
} from './machine.js';
import { providerView } from './views.js';

/** The whole workflow logic: one event in, the next state and what to do out. Pure. */
export function reduce(state: MachineState, event: MachineEvent): Transition {
  switch (event.type) {
    case 'message':
      return onMessage(state, event.message);
    case 'action':
      return onAction(state, event.action);
    case 'timer-fired':
      return event.timerId === state.timerId ? onTimer(state) : unchanged(state);
    case 'certificate':
      return onCertificate(state, event.certificate);
    case 'channel-closed':
      // A crash must surface at once (AusweisApp emits nothing more); an orderly close ends
      // the workflow silently on AusweisApp's side.
      return event.expected
        ? finish(state, state.cancelReason ?? 'cancelled')
        : finish(state, 'eid-client-crashed');
  }
}

function onTimer(state: MachineState): Transition {
  switch (state.phase) {
    case 'running': {
      const noReader = state.step.step === 'insert-card' && !hasAttachedReader(state);
      return beginCancel(state, noReader ? 'no-reader' : 'timeout');
    }
    case 'cancelling':
      // AusweisApp never confirmed the CANCEL; finish anyway.
      return finish(state, state.cancelReason ?? 'cancelled');
    case 'done':
      return unchanged(state);
  }
}

function onCertificate(
  state: MachineState,
  certificate: Parameters<typeof providerView>[0] | null,
): Transition {
  if (certificate === null || state.phase === 'done') return unchanged(state);
  const provider = providerView(certificate);
  const next = { ...state, provider };
  return state.step.step === 'access-rights' && state.phase === 'running'
    ? refreshStep(next, { ...state.step, provider })
    : unchanged(next);
}
