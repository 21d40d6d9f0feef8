/** A transition that did not finish because a stronger one replaced it. */
export class TransitionCancelledError extends Error {
  override readonly name = 'TransitionCancelledError';
  readonly code = 'transition-cancelled';

  constructor(
    readonly cancelled: string,
    readonly by: string,
  ) {
    super(`${cancelled} cancelled by ${by}`);
  }
}

export type TransitionTask = (signal: AbortSignal) => Promise<void>;

interface Running {
  name: string;
  priority: number;
  controller: AbortController;
  promise: Promise<void>;
  /** Resolves when the task has settled, whatever its result. */
  settled: Promise<void>;
}

/**
 * The one place where session transitions run, one at a time. A new transition either joins
 * the running one (when that one is at least as strong) or cancels it via its AbortSignal and
 * starts once it has settled, so two transitions never interleave.
 */
export class TransitionRunner {
  #current: Running | undefined;

  /** Name of the transition running now, if any. */
  get running(): string | undefined {
    return this.#current?.name;
  }

  run(name: string, priority: number, task: TransitionTask): Promise<void> {
    const current = this.#current;
    if (current && current.priority >= priority) return current.promise;
    current?.controller.abort(new TransitionCancelledError(current.name, name));
    const controller = new AbortController();
    const start = current?.settled ?? Promise.resolve();
    const promise = start.then(() => {
      controller.signal.throwIfAborted();
      return task(controller.signal);
    });
    const entry: Running = {
      name,
      priority,
      controller,
      promise,
      settled: promise.then(
        () => undefined,
        () => undefined,
      ),
    };
    this.#current = entry;
    void entry.settled.then(() => {
      if (this.#current === entry) this.#current = undefined;
    });
    return promise;
  }

  /** Resolves once nothing runs any more (including transitions started meanwhile). */
  async idle(): Promise<void> {
    while (this.#current) await this.#current.settled;
  }
}
