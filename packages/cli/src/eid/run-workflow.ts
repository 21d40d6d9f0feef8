import type { EidWorkflow } from '@sidbox/eid';
import type { EidStep, Outcome } from '@sidbox/protocol';
import { answerStep, type SuppliedValues, type ValueName } from './answer-steps.js';

const stepLines: Partial<Record<EidStep['step'], (step: EidStep) => string>> = {
  'access-rights': () => 'provider asks for data: consenting',
  'insert-card': (step) =>
    step.step === 'insert-card' && step.readers.length === 0
      ? 'no card reader attached: waiting'
      : 'waiting for a card on the reader',
  'enter-pin': (step) =>
    step.step === 'enter-pin' && step.keypad ? 'PIN: enter it on the reader' : 'PIN',
  'enter-can': (step) =>
    step.step === 'enter-can' && step.keypad ? 'CAN: enter it on the reader' : 'CAN',
  'enter-puk': (step) =>
    step.step === 'enter-puk' && step.keypad ? 'PUK: enter it on the reader' : 'PUK',
  'enter-new-pin': (step) =>
    step.step === 'enter-new-pin' && step.keypad ? 'new PIN: enter it on the reader' : 'new PIN',
};

/** Drives a workflow to its end with the values from the command line; reports steps on `progress`. */
export async function runWorkflow(
  workflow: EidWorkflow,
  values: SuppliedValues,
  progress: (line: string) => void,
): Promise<Outcome> {
  const used = new Set<ValueName>();
  const onStep = (step: EidStep): void => {
    const line = stepLines[step.step]?.(step);
    if (line) progress(line);
    const answer = answerStep(step, values, used);
    if ('wait' in answer) return;
    if (answer.uses) used.add(answer.uses);
    workflow.act(answer.act);
  };
  const unsubscribe = workflow.onStep(onStep);
  onStep(workflow.step);
  try {
    return await workflow.done;
  } finally {
    unsubscribe();
  }
}
