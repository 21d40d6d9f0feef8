/**
 * The citizen session as a pure state machine: facts and an event in, the next facts and the
 * decisions to carry out back. No timers, no I/O; SessionController executes the decisions.
 *
 *   idle (attract) ──start / mat-on──▶ active ──idle timer──▶ warning ──warning timer──▶ wiping
 *                                        ▲  └──────────── activity ◀──────┘                 │
 *   idle ◀───────────────────────────────┴──────────── wipe-done ◀─────────────────────────┘
 */

export type SessionPhase = 'idle' | 'active' | 'warning' | 'wiping';

/** Why a session ended; each is also a telemetry `session-ended` reason. */
export type SessionEndReason =
  'mat-left' | 'reset-button' | 'idle-timeout' | 'explicit' | 'browser-crash' | 'eid-crash';

export type TimerName = 'idle' | 'warning' | 'mat-grace';

export interface SessionTimings {
  idleMs: number;
  warningMs: number;
  /** 0 wipes as soon as the citizen leaves the mat. */
  matGraceMs: number;
}

export interface SessionFacts {
  phase: SessionPhase;
  /** Someone stands on the contact mat (false on terminals without a mat). */
  matOccupied: boolean;
  /** The citizen left the mat and the grace timer runs. */
  graceRunning: boolean;
  /** Set while wiping: why. */
  endReason: SessionEndReason | null;
}

export type SessionEvent =
  | { type: 'mat-on' }
  | { type: 'mat-off' }
  | { type: 'reset-button' }
  | { type: 'activity' }
  | { type: 'start' }
  | { type: 'end' }
  | { type: 'timer'; timer: TimerName }
  | { type: 'crash'; source: 'browser' | 'eid' }
  | { type: 'wipe-done' };

export type SessionDecision =
  | { type: 'start-timer'; timer: TimerName; ms: number }
  | { type: 'stop-timer'; timer: TimerName }
  | { type: 'begin-session' }
  /** `again`: a wipe already runs but the browser or AusweisApp crashed meanwhile; redo it. */
  | { type: 'begin-wipe'; reason: SessionEndReason; again: boolean }
  | { type: 'show-warning'; ms: number }
  | { type: 'hide-warning' }
  | { type: 'show-attract' };

export interface Transition {
  facts: SessionFacts;
  decisions: SessionDecision[];
}

export const initialFacts: SessionFacts = {
  phase: 'idle',
  matOccupied: false,
  graceRunning: false,
  endReason: null,
};

const allTimers: readonly TimerName[] = ['idle', 'warning', 'mat-grace'];

export function transition(
  facts: SessionFacts,
  event: SessionEvent,
  timings: SessionTimings,
): Transition {
  switch (facts.phase) {
    case 'idle':
      return fromIdle(facts, event, timings);
    case 'active':
    case 'warning':
      return fromSession(facts, event, timings);
    case 'wiping':
      return fromWiping(facts, event);
  }
}

const stay = (facts: SessionFacts): Transition => ({ facts, decisions: [] });

function fromIdle(facts: SessionFacts, event: SessionEvent, timings: SessionTimings): Transition {
  switch (event.type) {
    case 'mat-on':
      return begin({ ...facts, matOccupied: true }, timings);
    case 'start':
      return begin(facts, timings);
    case 'mat-off':
      return stay({ ...facts, matOccupied: false });
    case 'crash':
      // No citizen data yet, but the attract screen must come back: same steps as a wipe.
      return wipe(facts, crashReason(event.source));
    default:
      return stay(facts);
  }
}

function begin(facts: SessionFacts, timings: SessionTimings): Transition {
  return {
    facts: { ...facts, phase: 'active', graceRunning: false },
    decisions: [{ type: 'begin-session' }, startTimer('idle', timings.idleMs)],
  };
}

/** `active` and `warning` differ only in what activity and the two timers do. */
function fromSession(
  facts: SessionFacts,
  event: SessionEvent,
  timings: SessionTimings,
): Transition {
  const warning = facts.phase === 'warning';
  switch (event.type) {
    case 'mat-on':
      return {
        facts: { ...facts, matOccupied: true, graceRunning: false },
        decisions: facts.graceRunning ? [{ type: 'stop-timer', timer: 'mat-grace' }] : [],
      };
    case 'mat-off':
      if (timings.matGraceMs === 0) return wipe({ ...facts, matOccupied: false }, 'mat-left');
      if (facts.graceRunning) return stay({ ...facts, matOccupied: false });
      return {
        facts: { ...facts, matOccupied: false, graceRunning: true },
        decisions: [startTimer('mat-grace', timings.matGraceMs)],
      };
    case 'activity':
      if (!warning) return { facts, decisions: [startTimer('idle', timings.idleMs)] };
      return {
        facts: { ...facts, phase: 'active' },
        decisions: [
          { type: 'stop-timer', timer: 'warning' },
          { type: 'hide-warning' },
          startTimer('idle', timings.idleMs),
        ],
      };
    case 'timer':
      if (event.timer === 'mat-grace') {
        return facts.graceRunning ? wipe(facts, 'mat-left') : stay(facts);
      }
      if (event.timer === 'warning') return warning ? wipe(facts, 'idle-timeout') : stay(facts);
      if (warning) return stay(facts);
      return {
        facts: { ...facts, phase: 'warning' },
        decisions: [
          startTimer('warning', timings.warningMs),
          { type: 'show-warning', ms: timings.warningMs },
        ],
      };
    case 'reset-button':
      return wipe(facts, 'reset-button');
    case 'end':
      return wipe(facts, 'explicit');
    case 'crash':
      return wipe(facts, crashReason(event.source));
    case 'start':
    case 'wipe-done':
      return stay(facts);
  }
}

function fromWiping(facts: SessionFacts, event: SessionEvent): Transition {
  switch (event.type) {
    case 'wipe-done':
      return {
        facts: { ...facts, phase: 'idle', endReason: null },
        decisions: [{ type: 'show-attract' }],
      };
    case 'crash':
      // The running wipe may have lost its browser or AusweisApp: replace it, keep the reason.
      return {
        facts,
        decisions: [
          { type: 'begin-wipe', reason: facts.endReason ?? crashReason(event.source), again: true },
        ],
      };
    case 'mat-on':
      return stay({ ...facts, matOccupied: true });
    case 'mat-off':
      return stay({ ...facts, matOccupied: false });
    default:
      return stay(facts);
  }
}

function wipe(facts: SessionFacts, reason: SessionEndReason): Transition {
  const decisions: SessionDecision[] = allTimers.map((timer) => ({ type: 'stop-timer', timer }));
  if (facts.phase === 'warning') decisions.push({ type: 'hide-warning' });
  decisions.push({ type: 'begin-wipe', reason, again: false });
  return {
    facts: { ...facts, phase: 'wiping', graceRunning: false, endReason: reason },
    decisions,
  };
}

function startTimer(timer: TimerName, ms: number): SessionDecision {
  return { type: 'start-timer', timer, ms };
}

function crashReason(source: 'browser' | 'eid'): SessionEndReason {
  return source === 'browser' ? 'browser-crash' : 'eid-crash';
}
