import { randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what a result page's address carries instead of the session id. */
export const viewTokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function newViewToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Which session a result page shows, in memory only. The session id stays on the server: the
 * page address (browser history, the kiosk's logs) holds a token that opens one result, once.
 */
export class ViewTokens {
  readonly #sessions = new Map<string, { sessionId: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps the token until `expiresAt` (ms), when its session has surely ended too. */
  remember(token: string, sessionId: string, expiresAt: number): void {
    this.#sweep();
    this.#sessions.set(token, { sessionId, expiresAt });
  }

  sessionOf(token: string): string | undefined {
    const entry = this.#sessions.get(token);
    if (entry === undefined || entry.expiresAt <= this.now()) {
      this.#sessions.delete(token);
      return undefined;
    }
    return entry.sessionId;
  }

  forget(token: string): void {
    this.#sessions.delete(token);
  }

  get size(): number {
    this.#sweep();
    return this.#sessions.size;
  }

  #sweep(): void {
    const now = this.now();
    for (const [token, entry] of this.#sessions) {
      if (entry.expiresAt <= now) this.#sessions.delete(token);
    }
  }
}
