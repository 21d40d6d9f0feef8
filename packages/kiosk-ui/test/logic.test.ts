import { describe, expect, it } from 'vitest';
import { outcomeCodes, type EidStep } from '@sidbox/protocol';
import { padKeys, deleteKey } from '../src/eid/pad-layout.js';
import { kioskTexts } from '../src/i18n/kiosk-texts.js';
import { backTarget, helpTopic, screenFor } from '../src/route.js';
import { outcomeAdvice } from '../src/screens/outcome-advice.js';
import { categoriesOf, filterServices } from '../src/screens/service-filter.js';
import { nextTextScale } from '../src/text-size.js';
import { base, manyServices } from './helpers/views.js';

/** The kiosk UI's pure parts: which screen, where Back goes, the pad, the filter, sizes. */
describe('screenFor', () => {
  const pin: EidStep = {
    workflow: 'auth',
    training: false,
    step: 'enter-pin',
    keypad: false,
    retryCounter: 3,
    minDigits: 6,
    maxDigits: 6,
    lastAttemptWrong: false,
  };

  it('shows the attract screen between sessions, whatever the address', () => {
    expect(screenFor({ ...base, state: 'idle' }, '/survey', '')).toEqual({ name: 'attract' });
    expect(screenFor({ ...base, state: 'wiping', eid: pin }, '/eid', '')).toEqual({
      name: 'attract',
    });
  });

  it('lets a running eID step win over the address', () => {
    expect(screenFor({ ...base, eid: pin }, '/fast-lane', '')).toEqual({ name: 'eid', step: pin });
  });

  it('maps the daemon’s addresses to screens', () => {
    expect(screenFor(base, '/', '')).toEqual({ name: 'home' });
    expect(screenFor(base, '/fast-lane', '')).toEqual({ name: 'fast-lane' });
    expect(screenFor(base, '/survey', '?end')).toEqual({ name: 'survey', ending: true });
    expect(screenFor(base, '/survey', '')).toEqual({ name: 'survey', ending: false });
    expect(screenFor(base, '/blocked', '')).toEqual({ name: 'blocked' });
    expect(screenFor(base, '/outcome', '?code=pin-changed')).toEqual({
      name: 'outcome',
      code: 'pin-changed',
    });
    expect(screenFor(base, '/error', '?code=provider-unreachable')).toEqual({
      name: 'outcome',
      code: 'provider-unreachable',
    });
    // An unknown or missing code is a plain error, never the raw code.
    expect(screenFor(base, '/error', '?code=<script>')).toEqual({ name: 'error' });
    expect(screenFor(base, '/outcome', '')).toEqual({ name: 'error' });
    expect(screenFor(base, '/anything', '')).toEqual({ name: 'home' });
  });

  it('shows the outcome of a finished workflow on /eid until the daemon navigates', () => {
    const done: EidStep = {
      workflow: 'auth',
      training: false,
      step: 'done',
      outcome: {
        workflow: 'auth',
        code: 'card-removed',
        ok: false,
        messageKey: 'eid.outcome.card-removed',
        training: false,
      },
    };
    expect(screenFor({ ...base, eid: done }, '/eid', '')).toEqual({
      name: 'outcome',
      code: 'card-removed',
    });
    expect(screenFor(base, '/eid', '')).toEqual({ name: 'home' });
  });

  it('keeps the result of a workflow that ended on this page once the view has dropped it', () => {
    // The daemon clears the eID step before it moves the browser to the result page.
    for (const path of ['/eid', '/fast-lane']) {
      expect(screenFor(base, path, '', 'pin-changed')).toEqual({
        name: 'outcome',
        code: 'pin-changed',
      });
    }
    expect(screenFor(base, '/fast-lane', '')).toEqual({ name: 'fast-lane' });
  });
});

describe('backTarget and helpTopic', () => {
  it('goes back to the home page from kiosk pages, and one page back in the browser from blocked', () => {
    expect(backTarget({ name: 'fast-lane' })).toEqual({ kind: 'page', path: '/' });
    expect(backTarget({ name: 'outcome', code: 'cancelled' })).toEqual({ kind: 'page', path: '/' });
    expect(backTarget({ name: 'blocked' })).toEqual({ kind: 'browser' });
    expect(backTarget({ name: 'home' })).toBeNull();
  });

  it('has a help topic for every eID step', () => {
    const steps = [
      'starting',
      'working',
      'access-rights',
      'insert-card',
      'enter-pin',
      'enter-can',
      'enter-puk',
      'enter-new-pin',
    ] as const;
    const topics = steps.map((step) => helpTopic({ name: 'eid', step: { step } as never }));
    expect(topics).toEqual([
      'working',
      'working',
      'consent',
      'insert-card',
      'pin',
      'can',
      'puk',
      'new-pin',
    ]);
  });
});

describe('padKeys', () => {
  it('keeps the telephone layout unless shuffled', () => {
    expect(padKeys(false)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', deleteKey, '0']);
  });

  it('shuffles all ten digits, delete in its place', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const keys = padKeys(true, random);
    expect(keys[9]).toBe(deleteKey);
    expect(keys.filter((key) => key !== deleteKey).sort()).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    expect(keys).not.toEqual(padKeys(false));
    expect(padKeys(true)).toHaveLength(11);
  });
});

describe('the service filter', () => {
  it('lists the categories that have services, in the protocol order', () => {
    expect(categoriesOf(manyServices)).toEqual([
      'eid',
      'vehicle',
      'residence',
      'certificates',
      'pension-tax',
      'education',
      'business',
      'other',
    ]);
  });

  it('matches every word, in the language or German, ignoring case and accents', () => {
    const ids = (category: Parameters<typeof filterServices>[1], search: string, language = 'de') =>
      filterServices(manyServices, category, search, language).map((service) => service.id);
    expect(ids(null, 'AUTO')).toEqual(['ikfz']);
    expect(ids(null, 'bafog')).toEqual(['bafoeg']);
    expect(ids(null, 'tax return', 'en')).toEqual(['elster']);
    expect(ids(null, 'steuer', 'en')).toEqual(['elster']);
    expect(ids('vehicle', '')).toEqual(['ikfz', 'punkte']);
    expect(ids('vehicle', 'rente')).toEqual([]);
  });
});

describe('small rules', () => {
  it('cycles the text size 100 → 150 → 200 → 100 %', () => {
    expect([nextTextScale(1), nextTextScale(1.5), nextTextScale(2)]).toEqual([1.5, 2, 1]);
  });

  it('offers the PIN change after PIN troubles, not after success or a provider problem', () => {
    expect(outcomeAdvice('pin-blocked')).toEqual({ success: false, offerPinChange: true });
    expect(outcomeAdvice('pin-changed')).toEqual({ success: true, offerPinChange: false });
    expect(outcomeAdvice('provider-unreachable').offerPinChange).toBe(false);
    expect(outcomeCodes.filter((code) => outcomeAdvice(code).success)).toEqual([
      'auth-success',
      'pin-changed',
    ]);
  });

  it('gives the daemon plain texts for its bar and notices', () => {
    const texts = kioskTexts();
    expect(texts.de['bar.home']).toBe('Startseite');
    expect(texts.ar['language.name']).toBe('العربية');
    expect(Object.keys(texts.en)).not.toContain('home.title');
  });
});
