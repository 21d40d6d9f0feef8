import type { EidStep } from '@sidbox/protocol';
import type { UserAction } from '@sidbox/eid';
import type { Secret } from '@sidbox/runtime';

/** What the command line supplied. Each value is used at most once: a card that asks again
 *  after a value was used (wrong PIN, CAN needed …) ends the run with the matching outcome. */
export interface SuppliedValues {
  pin?: Secret;
  newPin?: Secret;
  can?: Secret;
  puk?: Secret;
  /** Optional access rights to deselect before consenting. */
  deselect: string[];
  /** The reader whose card the run may insert itself (the Simulator or the training reader). */
  insertInto?: string;
}

export type ValueName = 'pin' | 'newPin' | 'can' | 'puk';

export type Answer = { act: UserAction; uses?: ValueName } | { wait: true };

const inputSteps = {
  'enter-pin': { action: 'pin', value: 'pin' },
  'enter-new-pin': { action: 'new-pin', value: 'newPin' },
  'enter-can': { action: 'can', value: 'can' },
  'enter-puk': { action: 'puk', value: 'puk' },
} as const;

/** Decides how a non-interactive run answers the step a workflow waits in. Pure. */
export function answerStep(
  step: EidStep,
  values: SuppliedValues,
  used: ReadonlySet<ValueName>,
): Answer {
  switch (step.step) {
    case 'access-rights':
      return {
        act: {
          type: 'accept',
          deselect: values.deselect.filter((right) => step.optional.includes(right)),
        },
      };
    case 'insert-card': {
      const reader = step.readers.find((r) => r.name === values.insertInto && r.insertable);
      return reader ? { act: { type: 'insert-card', reader: reader.name } } : { wait: true };
    }
    case 'enter-pin':
    case 'enter-new-pin':
    case 'enter-can':
    case 'enter-puk': {
      const { action, value } = inputSteps[step.step];
      if (step.keypad) return { act: { type: action } };
      const secret = values[value];
      if (secret === undefined || used.has(value)) return { act: { type: 'give-up' } };
      return { act: { type: action, value: secret }, uses: value };
    }
    case 'starting':
    case 'working':
    case 'done':
      return { wait: true };
  }
}
