import { randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what a result page's address carries instead of the session id. */
export const viewTokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function newViewToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What a page address's token opens, in memory only: the session id stays on the server, and
 * the page address (browser history, the kiosk's logs) holds a token that opens one result.
 */
export class ViewTokens<Value = string> {
  readonly #entries = new Map<string, { value: Value; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps the token until `expiresAt` (ms), when its session has surely ended too. */
  remember(token: string, value: Value, expiresAt: number): void {
    this.sweep();
    this.#entries.set(token, { value, expiresAt });
  }

  /** The token's value, unless it is unknown, malformed or expired. */
  get(token: string): Value | undefined {
    if (!viewTokenPattern.test(token)) return undefined;
    const entry = this.#entries.get(token);
    if (entry === undefined || entry.expiresAt <= this.now()) {
      this.#entries.delete(token);
      return undefined;
    }
    return entry.value;
  }

  forget(token: string): void {
    this.#entries.delete(token);
  }

  get size(): number {
    this.sweep();
    return this.#entries.size;
  }

  /** Forgets every expired token. */
  sweep(): void {
    const now = this.now();
    for (const [token, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(token);
    }
  }
}
