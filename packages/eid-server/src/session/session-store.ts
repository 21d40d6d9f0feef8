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

  /**
   * A new session; its detail is made knowing the session's id. An eService may bring its own
   * PSK (TR-03130 useID): its id is then the session's, unless that id is in use.
   */
  create(
    serviceId: string,
    detailFor: (id: string) => Detail,
    psk?: { id: string; key: Buffer },
  ): StoredSession<Detail> {
    this.sweep();
    if (this.#sessions.size >= this.options.maxOpen) {
      throw new SessionLimitError('too many open sessions');
    }
    if (psk !== undefined && this.#sessions.has(psk.id)) {
      throw new SessionIdTakenError('that PSK id is in use');
    }
    const id = psk?.id ?? randomBytes(32).toString('hex');
    const session: StoredSession<Detail> = {
      id,
      psk: psk?.key ?? randomBytes(32),
      serviceId,
      detail: detailFor(id),
      state: 'new',
      expiresAt: this.#now() + this.options.ttlMs,
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  /**
   * A session that has not expired, or undefined. One whose time ran out before it finished
   * becomes a `failed`/`expired` result, kept like any other, so the eService learns why.
   */
  get(id: string): StoredSession<Detail> | undefined {
    const session = this.#sessions.get(id);
    if (session === undefined) return undefined;
    this.#expire(id, session);
    return this.#sessions.get(id);
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

  /** Expires what is due; called on every write and on a timer by the server. */
  sweep(): void {
    for (const [id, session] of this.#sessions) this.#expire(id, session);
  }

  #expire(id: string, session: StoredSession<Detail>): void {
    if (session.expiresAt > this.#now()) return;
    if (session.state === 'finished') this.#sessions.delete(id);
    else this.finish(session, { kind: 'failed', reason: 'expired' });
  }

  clear(): void {
    this.#sessions.clear();
  }
}
