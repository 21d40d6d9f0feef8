import { silentLogger } from '@sidbox/runtime';
import { describe, expect, it } from 'vitest';
import { ControlError } from '../src/control/reply.js';
import { ActionDispatcher } from '../src/daemon/action-dispatcher.js';
import { Lifecycle } from '../src/daemon/lifecycle.js';
import { actionTable, partsView, wipeExecutors, wipeFacts, type Part } from '../src/daemon/part.js';
import { notifyPlan } from '../src/daemon/systemd-notify.js';

/** A part that records its start and stop in `log`; `stop` may be replaced. */
function recorded(name: string, log: string[], stop?: () => Promise<void>): Part {
  return {
    name,
    start: () => void log.push(`start ${name}`),
    stop: stop ?? (() => void log.push(`stop ${name}`)),
  };
}

const never = () => new Promise<void>(() => {});

describe('daemon lifecycle', () => {
  it('starts in order and stops in reverse, once', async () => {
    const log: string[] = [];
    const lifecycle = new Lifecycle(
      ['ui', 'eid', 'browser'].map((name) => recorded(name, log)),
      { stepTimeoutMs: 1_000, forceQuitMs: 2_000 },
      silentLogger(),
    );
    await lifecycle.start();
    expect(await lifecycle.stop()).toEqual({ failed: [], timedOut: [], forced: false });
    await lifecycle.stop();
    expect(log).toEqual([
      'start ui',
      'start eid',
      'start browser',
      'stop browser',
      'stop eid',
      'stop ui',
    ]);
  });

  it('stops a part whose start failed, and none after it', async () => {
    const log: string[] = [];
    const failing: Part = {
      name: 'eid',
      start: () => Promise.reject(new Error('AusweisApp did not start')),
      stop: () => void log.push('stop eid'),
    };
    const lifecycle = new Lifecycle(
      [recorded('ui', log), failing, recorded('browser', log)],
      { stepTimeoutMs: 1_000, forceQuitMs: 2_000 },
      silentLogger(),
    );
    await expect(lifecycle.start()).rejects.toThrow('AusweisApp did not start');
    await lifecycle.stop();
    expect(log).toEqual(['start ui', 'stop eid', 'stop ui']);
  });

  it('goes on past a failing or hanging stop step', async () => {
    const log: string[] = [];
    const lifecycle = new Lifecycle(
      [
        recorded('ui', log),
        recorded('eid', log, () => Promise.reject(new Error('gone'))),
        recorded('browser', log, never),
      ],
      { stepTimeoutMs: 20, forceQuitMs: 5_000 },
      silentLogger(),
    );
    await lifecycle.start();
    expect(await lifecycle.stop()).toEqual({
      failed: ['eid'],
      timedOut: ['browser'],
      forced: false,
    });
    expect(log.at(-1)).toBe('stop ui');
  });

  it('gives up on the rest once the whole stop takes too long', async () => {
    const log: string[] = [];
    const lifecycle = new Lifecycle(
      [recorded('ui', log), recorded('browser', log, never)],
      { stepTimeoutMs: 60_000, forceQuitMs: 30 },
      silentLogger(),
    );
    await lifecycle.start();
    expect(await lifecycle.stop()).toMatchObject({ forced: true });
    expect(log).not.toContain('stop ui');
  });
});

describe('daemon parts', () => {
  it('refuses two parts carrying out one action, and a table missing one (tsc)', () => {
    const print = { name: 'printing', actions: { print: () => {} } };
    const printAgain = { name: 'a second printer', actions: { print: () => {} } };
    // @ts-expect-error — only 'print' is handled; the core's actions (start, end, eid-…) are missing.
    expect(() => actionTable([print, printAgain] as const)).toThrow(/two parts carry out "print"/);
    const reset = { name: 'browser', wipe: { 'reset-browser': async () => {} } };
    // @ts-expect-error — only 'reset-browser' is carried out; the other core steps are missing.
    const executors = wipeExecutors([reset] as const);
    expect(Object.keys(executors)).toEqual(['reset-browser']);
  });

  it('joins the wipe facts: true where any part says so', () => {
    const parts: Part[] = [
      { name: 'eid', wipeFacts: () => ({ eidWorkflowRunning: true, cardInReader: false }) },
      { name: 'devices', wipeFacts: () => ({ cardInReader: true }) },
      { name: 'ui' },
    ];
    expect(wipeFacts(parts)).toEqual({
      eidWorkflowRunning: true,
      cardInReader: true,
      sessionDir: false,
    });
  });

  it('lays the parts’ views over each other in order', () => {
    expect(
      partsView([
        { name: 'reminder', view: () => ({ cardReminder: true }) },
        { name: 'preferences', view: () => ({ language: 'en', textScale: 1.5 }) },
      ]),
    ).toEqual({ cardReminder: true, language: 'en', textScale: 1.5 });
  });
});

describe('action dispatcher', () => {
  const running = {
    snapshot: { phase: 'active', sessionId: 's1', since: 0, warningDeadline: null },
  } as const;

  it('runs the one handler of an action, from the kiosk UI and the kiosk bar alike', async () => {
    const printed: string[] = [];
    const dispatcher = new ActionDispatcher({
      handlers: { print: () => void printed.push('print') },
      session: running,
      logger: silentLogger(),
    });
    expect(await dispatcher.fromKioskUi({ type: 'home' })).toMatchObject({
      ok: false,
      error: { code: 'not-offered' },
    });
    await dispatcher.run({ type: 'print' });
    dispatcher.fromKioskBar({ action: 'print' });
    expect(printed).toEqual(['print', 'print']);
  });

  it('answers an action of a feature the terminal is built without with not-offered', async () => {
    const dispatcher = new ActionDispatcher({
      handlers: {},
      session: running,
      logger: silentLogger(),
    });
    await expect(dispatcher.run({ type: 'speak', text: 'Hallo' })).rejects.toThrow(ControlError);
    expect(await dispatcher.fromKioskUi({ type: 'speak', text: 'Hallo' })).toEqual({
      ok: false,
      error: { code: 'not-offered', message: 'this terminal does not offer "speak"' },
    });
  });
});

describe('systemd notify plan', () => {
  it('notifies only under a service manager, and pets at half the watchdog time', () => {
    expect(notifyPlan({})).toBeNull();
    expect(notifyPlan({ NOTIFY_SOCKET: '/run/systemd/notify' })).toEqual({
      socket: '/run/systemd/notify',
      watchdogEveryMs: null,
    });
    expect(notifyPlan({ NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: '30000000' })).toEqual(
      { socket: '/run/systemd/notify', watchdogEveryMs: 15_000 },
    );
    expect(notifyPlan({ NOTIFY_SOCKET: '@x', WATCHDOG_USEC: 'soon' })?.watchdogEveryMs).toBeNull();
  });
});
