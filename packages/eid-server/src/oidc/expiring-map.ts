/**
 * Values in memory under a key until they expire or are taken: a sign-in's eID session while
 * the citizen is in AusweisApp, and a card reading's claims until the platform fetches its ID
 * token. Never written anywhere.
 */
export class ExpiringMap<Value> {
  readonly #entries = new Map<string, { value: Value; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  set(key: string, value: Value, ttlMs: number): void {
    this.sweep();
    this.#entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  get(key: string): Value | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.now()) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  /** The value, once. */
  take(key: string): Value | undefined {
    const value = this.get(key);
    this.#entries.delete(key);
    return value;
  }

  get size(): number {
    this.sweep();
    return this.#entries.size;
  }

  sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}
