import { describe, expect, it } from 'vitest';
import {
  initialFacts,
  transition,
  type SessionEvent,
  type SessionFacts,
  type SessionPhase,
} from '../src/session/machine.js';

const timings = { idleMs: 180_000, warningMs: 30_000, matGraceMs: 5_000 };

const events: Record<string, SessionEvent> = {
  'mat-on': { type: 'mat-on' },
  'mat-off': { type: 'mat-off' },
  'reset-button': { type: 'reset-button' },
  activity: { type: 'activity' },
  start: { type: 'start' },
  end: { type: 'end' },
  'idle-timer': { type: 'timer', timer: 'idle' },
  'warning-timer': { type: 'timer', timer: 'warning' },
  'grace-timer': { type: 'timer', timer: 'mat-grace' },
  'browser-crash': { type: 'crash', source: 'browser' },
  'eid-crash': { type: 'crash', source: 'eid' },
  'wipe-done': { type: 'wipe-done' },
};

const facts = (phase: SessionPhase, extra: Partial<SessionFacts> = {}): SessionFacts => ({
  ...initialFacts,
  phase,
  matOccupied: phase !== 'idle',
  endReason: phase === 'wiping' ? 'explicit' : null,
  ...extra,
});

const stopAll = ['stop-timer:idle', 'stop-timer:warning', 'stop-timer:mat-grace'];
const wipe = (reason: string, fromWarning = false) => [
  ...stopAll,
  ...(fromWarning ? ['hide-warning'] : []),
  `begin-wipe:${reason}`,
];
const begin = ['begin-session', 'start-timer:idle'];

/** Every state × every event: the phase after it and the decisions, in order. */
const table: Record<SessionPhase, Record<keyof typeof events, [SessionPhase, string[]]>> = {
  idle: {
    'mat-on': ['active', begin],
    'mat-off': ['idle', []],
    'reset-button': ['idle', []],
    activity: ['idle', []],
    start: ['active', begin],
    end: ['idle', []],
    'idle-timer': ['idle', []],
    'warning-timer': ['idle', []],
    'grace-timer': ['idle', []],
    'browser-crash': ['wiping', wipe('browser-crash')],
    'eid-crash': ['wiping', wipe('eid-crash')],
    'wipe-done': ['idle', []],
  },
  active: {
    'mat-on': ['active', []],
    'mat-off': ['active', ['start-timer:mat-grace']],
    'reset-button': ['wiping', wipe('reset-button')],
    activity: ['active', ['start-timer:idle']],
    start: ['active', []],
    end: ['wiping', wipe('explicit')],
    'idle-timer': ['warning', ['start-timer:warning', 'show-warning']],
    'warning-timer': ['active', []],
    'grace-timer': ['active', []],
    'browser-crash': ['wiping', wipe('browser-crash')],
    'eid-crash': ['wiping', wipe('eid-crash')],
    'wipe-done': ['active', []],
  },
  warning: {
    'mat-on': ['warning', []],
    'mat-off': ['warning', ['start-timer:mat-grace']],
    'reset-button': ['wiping', wipe('reset-button', true)],
    activity: ['active', ['stop-timer:warning', 'hide-warning', 'start-timer:idle']],
    start: ['warning', []],
    end: ['wiping', wipe('explicit', true)],
    'idle-timer': ['warning', []],
    'warning-timer': ['wiping', wipe('idle-timeout', true)],
    'grace-timer': ['warning', []],
    'browser-crash': ['wiping', wipe('browser-crash', true)],
    'eid-crash': ['wiping', wipe('eid-crash', true)],
    'wipe-done': ['warning', []],
  },
  wiping: {
    'mat-on': ['wiping', []],
    'mat-off': ['wiping', []],
    'reset-button': ['wiping', []],
    activity: ['wiping', []],
    start: ['wiping', []],
    end: ['wiping', []],
    'idle-timer': ['wiping', []],
    'warning-timer': ['wiping', []],
    'grace-timer': ['wiping', []],
    'browser-crash': ['wiping', ['begin-wipe:explicit(again)']],
    'eid-crash': ['wiping', ['begin-wipe:explicit(again)']],
    'wipe-done': ['idle', ['show-attract']],
  },
};

function describeDecisions(from: SessionFacts, event: SessionEvent, t = timings) {
  const { facts: next, decisions } = transition(from, event, t);
  return {
    next,
    phase: next.phase,
    decisions: decisions.map((d) => {
      switch (d.type) {
        case 'start-timer':
        case 'stop-timer':
          return `${d.type}:${d.timer}`;
        case 'begin-wipe':
          return `begin-wipe:${d.reason}${d.again ? '(again)' : ''}`;
        default:
          return d.type;
      }
    }),
  };
}

describe('session machine: every state × every event', () => {
  for (const [phase, row] of Object.entries(table) as [SessionPhase, (typeof table)['idle']][]) {
    for (const [name, [expectedPhase, expectedDecisions]] of Object.entries(row)) {
      it(`${phase} + ${name} → ${expectedPhase}`, () => {
        const result = describeDecisions(facts(phase), events[name] as SessionEvent);
        expect(result.phase).toBe(expectedPhase);
        expect(result.decisions).toEqual(expectedDecisions);
      });
    }
  }
});

describe('session machine: mat grace', () => {
  for (const phase of ['active', 'warning'] as const) {
    it(`${phase}: grace timer fired after mat-off wipes with mat-left`, () => {
      const off = describeDecisions(facts(phase), events['mat-off'] as SessionEvent);
      const fired = describeDecisions(off.next, events['grace-timer'] as SessionEvent);
      expect(fired.phase).toBe('wiping');
      expect(fired.decisions.at(-1)).toBe('begin-wipe:mat-left');
      expect(fired.next.endReason).toBe('mat-left');
    });

    it(`${phase}: mat-on within grace cancels the grace timer`, () => {
      const off = describeDecisions(facts(phase), events['mat-off'] as SessionEvent);
      const on = describeDecisions(off.next, events['mat-on'] as SessionEvent);
      expect(on.phase).toBe(phase);
      expect(on.decisions).toEqual(['stop-timer:mat-grace']);
      expect(describeDecisions(on.next, events['grace-timer'] as SessionEvent).phase).toBe(phase);
    });

    it(`${phase}: a second mat-off does not restart the grace timer`, () => {
      const off = describeDecisions(facts(phase), events['mat-off'] as SessionEvent);
      expect(describeDecisions(off.next, events['mat-off'] as SessionEvent).decisions).toEqual([]);
    });

    it(`${phase}: grace 0 wipes at once`, () => {
      const result = describeDecisions(facts(phase), events['mat-off'] as SessionEvent, {
        ...timings,
        matGraceMs: 0,
      });
      expect(result.phase).toBe('wiping');
      expect(result.decisions.at(-1)).toBe('begin-wipe:mat-left');
    });
  }

  it('a session ends with the grace timer stopped and the mat state kept', () => {
    const off = describeDecisions(facts('active'), events['mat-off'] as SessionEvent);
    const reset = describeDecisions(off.next, events['reset-button'] as SessionEvent);
    expect(reset.next).toMatchObject({ graceRunning: false, matOccupied: false });
  });

  it('wipe-done clears the end reason', () => {
    const done = describeDecisions(facts('wiping'), events['wipe-done'] as SessionEvent);
    expect(done.next.endReason).toBeNull();
  });

  it('a crash while wiping after a crash in idle keeps the first reason', () => {
    const crashed = describeDecisions(facts('idle'), events['browser-crash'] as SessionEvent);
    const again = describeDecisions(crashed.next, events['eid-crash'] as SessionEvent);
    expect(again.decisions).toEqual(['begin-wipe:browser-crash(again)']);
  });
});
