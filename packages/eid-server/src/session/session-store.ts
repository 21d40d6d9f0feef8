import { randomBytes } from 'node:crypto';
import type { SessionOutcome } from './outcome.js';

/**
 * Sessions and their results, in memory only: a result is kept until the eService reads it or
 * `resultTtlMs` passes, whichever comes first, and then it is gone.
 */
export interface StoredSession<Detail> {
  readonly id: string;
  readonly psk: Buffer;
  readonly serviceId: string;
  readonly detail: Detail;
  state: 'new' | 'running' | 'finished';
  outcome?: SessionOutcome;
  expiresAt: number;
  /** The last getResult's RequestCounter. */
  requestCounter?: number;
}

export type ResultLookup =
  | { kind: 'unknown' }
  | { kind: 'pending' }
  /** A getResult whose RequestCounter is not higher than the last one (a replay). */
  | { kind: 'stale-counter' }
  | { kind: 'finished'; outcome: SessionOutcome };

export interface SessionStoreOptions {
  ttlMs: number;
  resultTtlMs: number;
  maxOpen: number;
  now?: () => number;
}

export class SessionLimitError extends Error {
  override readonly name = 'SessionLimitError';
}

export class SessionIdTakenError extends Error {
  override readonly name = 'SessionIdTakenError';
}

export class SessionStore<Detail> {
  readonly #sessions = new Map<string, StoredSession<Detail>>();
  readonly #now: () => number;

  constructor(private readonly options: SessionStoreOptions) {
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    this.sweep();
    return this.#sessions.size;
  }

  /** A new session; its detail is made knowing the session's id. */
  create(serviceId: string, detailFor: (id: string) => Detail): StoredSession<Detail> {
    this.sweep();
    if (this.#sessions.size >= this.options.maxOpen)
      throw new SessionLimitError('too many open sessions');
    const id = randomBytes(32).toString('hex');
    const session: StoredSession<Detail> = {
      id,
      psk: randomBytes(32),
      serviceId,
      detail: detailFor(id),
      state: 'new',
      expiresAt: this.#now() + this.options.ttlMs,
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** A session that has not expired, or undefined. */
  get(id: string): StoredSession<Detail> | undefined {
    const session = this.#sessions.get(id);
    if (session === undefined) return undefined;
    if (session.expiresAt <= this.#now()) {
      this.#sessions.delete(id);
      return undefined;
    }
    return session;
  }

  finish(session: StoredSession<Detail>, outcome: SessionOutcome): void {
    session.state = 'finished';
    session.outcome = outcome;
    session.expiresAt = this.#now() + this.options.resultTtlMs;
  }

  /**
   * The result for its service, once: a finished session is gone after this call. With a
   * request counter (TR-03130 getResult), each call must count higher than the one before.
   */
  takeResult(serviceId: string, id: string, requestCounter?: number): ResultLookup {
    const session = this.get(id);
    if (session === undefined || session.serviceId !== serviceId) return { kind: 'unknown' };
    if (requestCounter !== undefined) {
      if (requestCounter <= (session.requestCounter ?? -Infinity)) return { kind: 'stale-counter' };
      session.requestCounter = requestCounter;
    }
    if (session.state !== 'finished' || session.outcome === undefined) return { kind: 'pending' };
    this.#sessions.delete(id);
    return { kind: 'finished', outcome: session.outcome };
  }

  /** Drops what has expired; called on every write and on a timer by the server. */
  sweep(): void {
    const now = this.#now();
    for (const [id, session] of this.#sessions) {
      if (session.expiresAt <= now) this.#sessions.delete(id);
    }
  }

  clear(): void {
    this.#sessions.clear();
  }
}
