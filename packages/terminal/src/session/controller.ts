import { randomUUID } from 'node:crypto';
import { TypedEvents, silentLogger, type Logger } from '@sidbox/runtime';
import {
  initialFacts,
  transition,
  type SessionDecision,
  type SessionEndReason,
  type SessionEvent,
  type SessionFacts,
  type SessionPhase,
  type SessionTimings,
  type TimerName,
} from './machine.js';
import { TransitionCancelledError, TransitionRunner } from './runner.js';

/** What the controller asks of the rest of the daemon; each step honours its AbortSignal. */
export interface SessionSteps {
  /** Shows the service list to the new citizen. */
  beginSession(signal: AbortSignal): Promise<void>;
  /** Destroys everything of the session and brings the attract screen back. */
  wipe(reason: SessionEndReason, signal: AbortSignal): Promise<void>;
}

export interface SessionSnapshot {
  phase: SessionPhase;
  sessionId: string | null;
  /** Epoch ms when `phase` was entered. */
  since: number;
  /** Epoch ms when the warning ends in a wipe; null outside `warning`. */
  warningDeadline: number | null;
}

export interface SessionControllerEvents extends Record<string, unknown> {
  changed: SessionSnapshot;
  'session-started': { sessionId: string };
  'session-ended': { sessionId: string; reason: SessionEndReason; durationMs: number };
  /** The attract screen is ready for the next citizen after a wipe. */
  'attract-ready': { reason: SessionEndReason; wipeMs: number };
}

/** Strength of transitions in the runner: a wipe replaces a start, a re-wipe replaces a wipe. */
const priority = { start: 1, wipe: 2, rewipe: 3 } as const;

/**
 * Feeds events into the pure session machine and carries out its decisions: timers here,
 * session start and wipe through the single-flight TransitionRunner.
 */
export class SessionController {
  #timings: SessionTimings;
  readonly #steps: SessionSteps;
  readonly #logger: Logger;
  readonly #runner = new TransitionRunner();
  readonly #timers = new Map<TimerName, NodeJS.Timeout>();
  readonly #events: TypedEvents<SessionControllerEvents>;
  #facts: SessionFacts = initialFacts;
  #sessionId: string | null = null;
  #sessionStartedAt = 0;
  #since = Date.now();
  #warningDeadline: number | null = null;
  #wipeStartedAt = 0;
  #stopped = false;

  constructor(timings: SessionTimings, steps: SessionSteps, logger: Logger = silentLogger()) {
    this.#timings = timings;
    this.#steps = steps;
    this.#logger = logger.child({ component: 'session' });
    this.#events = new TypedEvents((error) =>
      this.#logger.error({ err: error }, 'session listener failed'),
    );
  }

  get snapshot(): SessionSnapshot {
    return {
      phase: this.#facts.phase,
      sessionId: this.#sessionId,
      since: this.#since,
      warningDeadline: this.#warningDeadline,
    };
  }

  on<K extends keyof SessionControllerEvents>(
    event: K,
    listener: (payload: SessionControllerEvents[K]) => void,
  ): () => void {
    return this.#events.on(event, listener);
  }

  dispatch(event: SessionEvent): void {
    if (this.#stopped) return;
    const before = this.#facts.phase;
    const { facts, decisions } = transition(this.#facts, event, this.#timings);
    this.#facts = facts;
    if (facts.phase !== before) this.#since = Date.now();
    if (decisions.length > 0 || facts.phase !== before) {
      this.#logger.debug({ event: event.type, from: before, to: facts.phase }, 'transition');
    }
    for (const decision of decisions) this.#execute(decision);
    if (facts.phase !== before) this.#events.emit('changed', this.snapshot);
  }

  /** New timeouts (a configuration from the hub); running timers keep their old length. */
  setTimings(timings: SessionTimings): void {
    this.#timings = timings;
  }

  /** Resolves when no transition runs (tests and the bench wait on events, this is for stop). */
  settled(): Promise<void> {
    return this.#runner.idle();
  }

  /** Stops timers and ignores further events; a running transition is left to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await this.#runner.idle();
  }

  #execute(decision: SessionDecision): void {
    switch (decision.type) {
      case 'start-timer': {
        clearTimeout(this.#timers.get(decision.timer));
        const { timer } = decision;
        this.#timers.set(
          timer,
          setTimeout(() => {
            this.#timers.delete(timer);
            this.dispatch({ type: 'timer', timer });
          }, decision.ms),
        );
        break;
      }
      case 'stop-timer':
        clearTimeout(this.#timers.get(decision.timer));
        this.#timers.delete(decision.timer);
        break;
      case 'begin-session':
        this.#beginSession();
        break;
      case 'begin-wipe':
        this.#beginWipe(decision.reason, decision.again);
        break;
      case 'show-warning':
        this.#warningDeadline = Date.now() + decision.ms;
        break;
      case 'hide-warning':
        this.#warningDeadline = null;
        break;
      case 'show-attract':
        this.#sessionId = null;
        break;
    }
  }

  #beginSession(): void {
    const sessionId = randomUUID();
    this.#sessionId = sessionId;
    this.#sessionStartedAt = Date.now();
    this.#events.emit('session-started', { sessionId });
    this.#runner
      .run('session-start', priority.start, (signal) => this.#steps.beginSession(signal))
      .catch((error: unknown) => this.#failed('session start', error));
  }

  #beginWipe(reason: SessionEndReason, again: boolean): void {
    if (!again) {
      this.#wipeStartedAt = Date.now();
      if (this.#sessionId) {
        const durationMs = Date.now() - this.#sessionStartedAt;
        this.#events.emit('session-ended', { sessionId: this.#sessionId, reason, durationMs });
      }
    }
    this.#runner
      .run(again ? 'rewipe' : 'wipe', again ? priority.rewipe : priority.wipe, (signal) =>
        this.#steps.wipe(reason, signal),
      )
      .then(
        () => this.#wiped(reason),
        (error: unknown) => {
          if (error instanceof TransitionCancelledError) return;
          // Still back to attract: a broken browser reports a crash, which wipes once more.
          this.#failed('wipe', error);
          this.#wiped(reason);
        },
      );
  }

  #wiped(reason: SessionEndReason): void {
    this.dispatch({ type: 'wipe-done' });
    this.#events.emit('attract-ready', { reason, wipeMs: Date.now() - this.#wipeStartedAt });
  }

  #failed(what: string, error: unknown): void {
    if (error instanceof TransitionCancelledError) {
      this.#logger.info({ cancelled: error.cancelled, by: error.by }, 'transition replaced');
      return;
    }
    this.#logger.error({ err: error }, `${what} failed`);
  }
}
