import { afterEach, describe, expect, it, vi } from 'vitest';
import { Secret } from '@sidbox/runtime';
import type { DeviceSummary } from '@sidbox/protocol';
import { StaffMenu } from '../src/features/staff-menu/staff-menu-controller.js';
import {
  closedStaffMenu,
  lockMs,
  maxWrongPins,
  staffMenuStep,
  type StaffMenuState,
} from '../src/features/staff-menu/staff-menu-machine.js';
import {
  hashStaffPin,
  parseStaffPinHash,
  StaffPinHashError,
  verifyStaffPin,
} from '../src/daemon/staff-pin-hash.js';
import { captureLogs } from '../../eid/test/helpers/log-capture.js';

const PIN = '24681357';
const devices: DeviceSummary = { healthy: true, matFallback: false, devices: [] };

describe('staff PIN hash', () => {
  it('argon2id PHC: the right PIN verifies, another does not, salts differ', async () => {
    const hash = await hashStaffPin(Secret.digits(PIN));
    expect(hash).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
    expect(hash).not.toContain(PIN);
    const parsed = parseStaffPinHash(hash);
    expect(await verifyStaffPin(Secret.digits(PIN), parsed)).toBe(true);
    expect(await verifyStaffPin(Secret.digits('24681358'), parsed)).toBe(false);
    expect(await hashStaffPin(Secret.digits(PIN))).not.toBe(hash);
  });

  it('refuses malformed hashes', () => {
    for (const bad of [
      '$argon2id$',
      '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA',
      '$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U',
      '$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U',
      'scrypt$14$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
    ]) {
      expect(() => parseStaffPinHash(bad)).toThrow(StaffPinHashError);
    }
  });
});

describe('staff menu machine', () => {
  const press = (state: StaffMenuState, now = 0) =>
    staffMenuStep(state, { type: 'long-press', now });
  const pin = (state: StaffMenuState, right: boolean, now = 0) =>
    staffMenuStep(state, { type: 'pin-checked', right, now });

  it('long press asks for the PIN; right opens the menu; close closes', () => {
    const asked = press(closedStaffMenu);
    expect(asked).toEqual({
      state: { stage: 'pin', wrong: false, failures: 0, lockedUntil: null },
      note: 'opened',
    });
    const open = pin(asked.state, true);
    expect(open).toMatchObject({ state: { stage: 'menu', failures: 0 }, note: 'unlocked' });
    expect(staffMenuStep(open.state, { type: 'close' }).state.stage).toBe('closed');
  });

  it('five wrong PINs in a row lock the menu for five minutes, closing in between does not help', () => {
    let state = press(closedStaffMenu).state;
    for (let attempt = 1; attempt < maxWrongPins; attempt++) {
      const step = pin(state, false);
      expect(step).toMatchObject({ state: { stage: 'pin', wrong: true }, note: 'wrong-pin' });
      state = staffMenuStep(step.state, { type: 'close' }).state;
      state = press(state).state;
    }
    const locked = pin(state, false, 1_000);
    expect(locked).toMatchObject({
      state: { stage: 'closed', lockedUntil: 1_000 + lockMs },
      note: 'locked',
    });
    expect(press(locked.state, 1_000 + lockMs - 1)).toMatchObject({
      state: { stage: 'closed' },
      note: 'still-locked',
    });
    // After the lock, the count starts afresh.
    expect(press(locked.state, 1_000 + lockMs)).toMatchObject({
      state: { stage: 'pin', failures: 0, lockedUntil: null },
      note: 'opened',
    });
  });

  it('a right PIN resets the count of wrong ones', () => {
    let state = press(closedStaffMenu).state;
    state = pin(state, false).state;
    state = pin(state, true).state;
    expect(state).toMatchObject({ stage: 'menu', failures: 0 });
  });
});

describe('staff menu controller', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('closes itself after a minute without input, and never logs the PIN', async () => {
    const { logger, lines } = captureLogs('terminal');
    const changes: string[] = [];
    const menu = new StaffMenu({
      pinHash: await hashStaffPin(Secret.digits(PIN)),
      logger,
      changed: () => changes.push(JSON.stringify(menu.view(() => devices))),
    });
    vi.useFakeTimers();
    menu.longPress();
    expect(menu.view(() => devices)).toEqual({ stage: 'pin', wrong: false });
    await menu.enterPin(Secret.digits('11111111'));
    expect(menu.view(() => devices)).toEqual({ stage: 'pin', wrong: true });
    await menu.enterPin(Secret.digits(PIN));
    expect(menu.view(() => devices)).toEqual({ stage: 'menu', devices });

    vi.advanceTimersByTime(59_000);
    menu.requireMenu();
    vi.advanceTimersByTime(59_000);
    expect(menu.view(() => devices)).toMatchObject({ stage: 'menu' });
    vi.advanceTimersByTime(1_000);
    expect(menu.view(() => devices)).toBeNull();
    expect(() => menu.requireMenu()).toThrow(expect.objectContaining({ code: 'not-now' }));
    expect(changes.at(-1)).toBe('null');
    expect(lines.join('\n')).not.toMatch(/11111111|24681357/);
    menu.stop();
  });

  it('without a pinHash a long press only logs; an unreadable one turns the menu off', async () => {
    const { logger, lines } = captureLogs('terminal');
    const none = new StaffMenu({ pinHash: undefined, logger, changed: () => undefined });
    none.longPress();
    expect(none.view(() => devices)).toBeNull();
    await expect(none.enterPin(Secret.digits(PIN))).rejects.toMatchObject({ code: 'not-now' });
    const broken = new StaffMenu({
      pinHash: '$argon2id$nonsense',
      logger,
      changed: () => undefined,
    });
    broken.longPress();
    expect(broken.view(() => devices)).toBeNull();
    expect(lines.some((line) => line.includes('no staff.pinHash configured'))).toBe(true);
    expect(lines.some((line) => line.includes('staff.pinHash unreadable'))).toBe(true);
  });
});
