import { WorkflowActionError, type EidWorkflow, type UserAction } from '@sidbox/eid';
import { Secret } from '@sidbox/runtime';
import { ControlError } from '../control/reply.js';
import type { EidSession } from '../session/eid-session.js';
import type { ActionHandlers, EidAction } from './actions.js';
import type { Part } from './part.js';

/** The eID part of a kiosk UI action, as the workflow takes it; PINs wrapped at once. */
export function eidUserAction(action: EidAction): UserAction {
  const secret = (value: string | undefined) =>
    value === undefined ? undefined : Secret.digits(value);
  switch (action.type) {
    case 'eid-accept':
      return { type: 'accept', ...(action.deselect && { deselect: action.deselect }) };
    case 'eid-insert-card':
      return { type: 'insert-card', reader: action.reader };
    case 'eid-pin':
      return { type: 'pin', value: secret(action.value) };
    case 'eid-can':
      return { type: 'can', value: secret(action.value) };
    case 'eid-puk':
      return { type: 'puk', value: secret(action.value) };
    case 'eid-new-pin':
      return { type: 'new-pin', value: secret(action.value) };
    case 'eid-cancel':
      return { type: 'cancel' };
  }
}

/** Passes a citizen's eID action to the running workflow; a misfit is a typed refusal. */
export function actOnWorkflow(workflow: EidWorkflow | null, action: UserAction): void {
  if (!workflow) throw new ControlError('not-now', 'no eID workflow runs');
  if (action.type === 'cancel') return workflow.cancel();
  try {
    workflow.act(action);
  } catch (error) {
    if (error instanceof WorkflowActionError) throw new ControlError('bad-request', error.code);
    throw error;
  }
}

/** The citizen's answers on the kiosk's eID screens, passed to the running workflow. */
export function eidScreenActions(eid: Pick<EidSession, 'workflow'>) {
  const act = (action: EidAction): void => actOnWorkflow(eid.workflow, eidUserAction(action));
  return {
    name: 'eID screens',
    actions: {
      'eid-accept': act,
      'eid-insert-card': act,
      'eid-pin': act,
      'eid-can': act,
      'eid-puk': act,
      'eid-new-pin': act,
      'eid-cancel': act,
    } satisfies Pick<ActionHandlers, EidAction['type']>,
  } satisfies Part;
}
