import { describe, expect, it } from 'vitest';
import type { EidStep, ReaderView } from '@sidbox/protocol';
import { offeredReaders, readerMissing } from '../src/daemon/reader-presence.js';

const reader = (name: string, training: boolean): ReaderView => ({
  name,
  attached: true,
  keypad: false,
  insertable: true,
  card: null,
  training,
});

const insertCard: EidStep = {
  workflow: 'auth',
  training: false,
  step: 'insert-card',
  readers: [reader('Simulator', true), reader('REINER SCT cyberJack RFID basis', false)],
};

describe('the readers a citizen is offered', () => {
  it('hides AusweisApp’s Simulator in production', () => {
    const offered = offeredReaders(insertCard, false);
    expect(offered?.step === 'insert-card' && offered.readers.map((r) => r.name)).toEqual([
      'REINER SCT cyberJack RFID basis',
    ]);
  });

  it('offers the Simulator in eID developer mode (tests against the real AusweisApp)', () => {
    expect(offeredReaders(insertCard, true)).toBe(insertCard);
  });

  it('leaves other steps alone', () => {
    const working: EidStep = { workflow: 'auth', training: false, step: 'working', progress: 40 };
    expect(offeredReaders(working, false)).toBe(working);
    expect(offeredReaders(null, false)).toBeNull();
  });

  it('says "no card reader" only when a real card is needed and no reader is attached', () => {
    expect(readerMissing(false, false)).toBe(true);
    expect(readerMissing(false, true)).toBe(false);
    expect(readerMissing(true, false)).toBe(false);
  });
});
