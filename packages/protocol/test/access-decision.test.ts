import { describe, expect, it } from 'vitest';
import {
  decideAccess,
  eidAppOperations,
  localClock,
  withinWindows,
  AccessWindow,
  EidAppSettings,
} from '../src/index.js';

const workshop = [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' }];
const berlin = 'Europe/Berlin';

describe('eidAppOperations', () => {
  it('asks a form exactly for its card data', () => {
    const settings = EidAppSettings.parse({
      kind: 'form',
      cardData: ['givenNames', 'placeOfResidence'],
    });
    expect(eidAppOperations(settings)).toEqual({
      givenNames: 'REQUIRED',
      placeOfResidence: 'REQUIRED',
    });
  });
  it('asks door access only for the pseudonym and the age check only for the verification', () => {
    expect(eidAppOperations({ kind: 'access' })).toEqual({ restrictedId: 'REQUIRED' });
    expect(eidAppOperations({ kind: 'age', minimumAge: 18 })).toEqual({
      ageVerification: 'REQUIRED',
    });
  });
  it('refuses a form without card data and an age out of range', () => {
    expect(EidAppSettings.safeParse({ kind: 'form', cardData: [] }).success).toBe(false);
    expect(EidAppSettings.safeParse({ kind: 'age', minimumAge: 0 }).success).toBe(false);
    expect(EidAppSettings.safeParse({ kind: 'access', cardData: ['givenNames'] }).success).toBe(
      false,
    );
  });
});

describe('access windows', () => {
  it('reads the local weekday and time across daylight saving', () => {
    // Monday 2026-12-07 06:30 UTC is 07:30 in Berlin (CET); 2026-07-06 05:30 UTC is 07:30 (CEST).
    expect(localClock(new Date('2026-12-07T06:30:00Z'), berlin)).toEqual({ day: 1, time: '07:30' });
    expect(localClock(new Date('2026-07-06T05:30:00Z'), berlin)).toEqual({ day: 1, time: '07:30' });
    expect(localClock(new Date('2026-12-13T12:00:00Z'), berlin).day).toBe(7);
  });
  it('holds from inclusive, to exclusive, on the listed days only', () => {
    expect(withinWindows(workshop, new Date('2026-12-07T06:00:00Z'), berlin)).toBe(true);
    expect(withinWindows(workshop, new Date('2026-12-07T05:59:00Z'), berlin)).toBe(false);
    expect(withinWindows(workshop, new Date('2026-12-07T18:00:00Z'), berlin)).toBe(false);
    expect(withinWindows(workshop, new Date('2026-12-12T10:00:00Z'), berlin)).toBe(false);
    expect(withinWindows([], new Date('2026-12-12T03:00:00Z'), berlin)).toBe(true);
  });
  it('refuses a window that ends before it starts', () => {
    expect(AccessWindow.safeParse({ days: [1], from: '19:00', to: '07:00' }).success).toBe(false);
    expect(AccessWindow.safeParse({ days: [8], from: '07:00', to: '19:00' }).success).toBe(false);
  });
});

describe('decideAccess', () => {
  const monday = new Date('2026-12-07T09:00:00Z');
  const sunday = new Date('2026-12-13T09:00:00Z');
  it('grants a registered person inside a window', () => {
    expect(decideAccess({ windows: workshop, revoked: false }, monday, berlin)).toEqual({
      granted: true,
      reason: 'granted',
    });
  });
  it('refuses the unknown, the revoked and outside the windows, saying which', () => {
    expect(decideAccess(undefined, monday, berlin).reason).toBe('unknown');
    expect(decideAccess({ windows: workshop, revoked: true }, monday, berlin).reason).toBe(
      'revoked',
    );
    expect(decideAccess({ windows: workshop, revoked: false }, sunday, berlin)).toEqual({
      granted: false,
      reason: 'outside-window',
    });
  });
});
