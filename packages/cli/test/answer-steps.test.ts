import { describe, expect, it } from 'vitest';
import { Secret } from '@sidbox/runtime';
import type { EidStep } from '@sidbox/protocol';
import { answerStep, type SuppliedValues, type ValueName } from '../src/eid/answer-steps.js';

const base = { workflow: 'change-pin', training: true } as const;
const pin = Secret.digits('123456');
const values: SuppliedValues = {
  pin,
  newPin: Secret.digits('654321'),
  deselect: ['Address', 'Nope'],
};
const none = new Set<ValueName>();

const reader = {
  name: 'Simulator',
  attached: true,
  keypad: true,
  insertable: true,
  card: null,
  training: false,
};

describe('non-interactive answers to workflow steps', () => {
  it('consents, deselecting only optional rights the provider asked for', () => {
    const step: EidStep = {
      ...base,
      workflow: 'auth',
      step: 'access-rights',
      provider: null,
      required: ['FamilyName'],
      optional: ['Address', 'DoctoralDegree'],
      effective: ['FamilyName', 'Address', 'DoctoralDegree'],
    };
    expect(answerStep(step, values, none)).toEqual({
      act: { type: 'accept', deselect: ['Address'] },
    });
  });

  it('inserts the simulated card only into the named insertable reader', () => {
    const step: EidStep = { ...base, step: 'insert-card', readers: [reader] };
    expect(answerStep(step, { ...values, insertInto: 'Simulator' }, none)).toEqual({
      act: { type: 'insert-card', reader: 'Simulator' },
    });
    expect(answerStep(step, values, none)).toEqual({ wait: true });
    const real = { ...reader, name: 'REINER SCT', insertable: false };
    expect(
      answerStep({ ...step, readers: [real] }, { ...values, insertInto: 'REINER SCT' }, none),
    ).toEqual({
      wait: true,
    });
  });

  it('uses a value once, then gives up so the outcome names what is missing', () => {
    const step: EidStep = {
      ...base,
      step: 'enter-pin',
      keypad: false,
      retryCounter: 3,
      minDigits: 5,
      maxDigits: 6,
      lastAttemptWrong: false,
    };
    expect(answerStep(step, values, none)).toEqual({
      act: { type: 'pin', value: pin },
      uses: 'pin',
    });
    expect(answerStep(step, values, new Set<ValueName>(['pin']))).toEqual({
      act: { type: 'give-up' },
    });
    expect(
      answerStep(
        { ...base, step: 'enter-can', keypad: false, lastAttemptWrong: false },
        values,
        none,
      ),
    ).toEqual({
      act: { type: 'give-up' },
    });
  });

  it('sends no value when the reader has a keypad', () => {
    expect(
      answerStep({ ...base, step: 'enter-new-pin', keypad: true }, { deselect: [] }, none),
    ).toEqual({
      act: { type: 'new-pin' },
    });
    expect(
      answerStep(
        { ...base, step: 'enter-puk', keypad: true, lastAttemptWrong: true },
        { deselect: [] },
        none,
      ),
    ).toEqual({
      act: { type: 'puk' },
    });
  });

  it.each(['starting', 'working'] as const)('waits while the workflow is %s', (name) => {
    const step =
      name === 'starting' ? { ...base, step: name } : { ...base, step: name, progress: null };
    expect(answerStep(step as EidStep, values, none)).toEqual({ wait: true });
  });
});
