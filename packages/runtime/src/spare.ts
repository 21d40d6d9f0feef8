export interface PreparedSpareOptions<T extends object> {
  /** Makes one in advance (launches a browser, starts an AusweisApp). */
  prepare: () => Promise<T>;
  /** How `take` makes one when none is ready (default: `prepare`). */
  fresh?: () => Promise<T>;
  dispose: (spare: T) => Promise<void>;
  /** Whether a prepared one is still usable (default: always). */
  alive?: (spare: T) => boolean;
  /** A preparation or a disposal failed; `take` makes a fresh one in place of a failed one. */
  onError: (error: unknown, during: 'prepare' | 'dispose') => void;
}

/**
 * One thing prepared in advance, so that the next session takes it instead of waiting for a
 * start. The owner decides when to prepare the next one (and when not: after its own stop).
 */
export class PreparedSpare<T extends object> {
  #pending: Promise<T> | null = null;
  readonly #disposing = new Set<Promise<void>>();

  constructor(private readonly options: PreparedSpareOptions<T>) {}

  /** One is being prepared or is ready. */
  get prepared(): boolean {
    return this.#pending !== null;
  }

  /** Starts preparing one, unless one is prepared already. */
  prepare(): void {
    if (this.#pending) return;
    const pending = this.options.prepare();
    pending.catch((error: unknown) => this.options.onError(error, 'prepare'));
    this.#pending = pending;
  }

  /** Resolves once the one under way is ready (true) or failed (false); false without one. */
  async whenPrepared(): Promise<boolean> {
    const pending = this.#pending;
    if (!pending) return false;
    return pending.then(
      () => true,
      () => false,
    );
  }

  /**
   * The prepared one if it is still alive, else a fresh one (a dead one is disposed first).
   * When `signal` aborts while the prepared one is awaited, it is disposed and the abort thrown.
   */
  async take(signal?: AbortSignal): Promise<T> {
    const pending = this.#pending;
    this.#pending = null;
    const prepared = await pending?.catch(() => undefined);
    if (signal?.aborted) {
      if (prepared) void this.#dispose(prepared);
      signal.throwIfAborted();
    }
    if (prepared && (this.options.alive?.(prepared) ?? true)) return prepared;
    if (prepared) await this.#dispose(prepared);
    return (this.options.fresh ?? this.options.prepare)();
  }

  /** Drops the one prepared (made for rules or a source now stale); disposed once it is ready. */
  discard(): void {
    const pending = this.#pending;
    this.#pending = null;
    if (!pending) return;
    // A preparation that failed was reported by `prepare` already.
    const disposeWhenReady = pending.then(
      (spare) => this.options.dispose(spare),
      () => undefined,
    );
    this.#track(disposeWhenReady);
  }

  /** Discards the prepared one and waits until every disposal has finished. */
  async stop(): Promise<void> {
    this.discard();
    await Promise.all(this.#disposing);
  }

  #dispose(spare: T): Promise<void> {
    return this.#track(this.options.dispose(spare));
  }

  #track(disposal: Promise<void>): Promise<void> {
    const tracked = disposal
      .catch((error: unknown) => this.options.onError(error, 'dispose'))
      .finally(() => this.#disposing.delete(tracked));
    this.#disposing.add(tracked);
    return tracked;
  }
}
