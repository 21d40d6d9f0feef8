import type { Logger } from '@sidbox/runtime';
import type { Part } from './part.js';

export interface ShutdownLimits {
  /** How long one part may take to stop before the next one is stopped anyway. */
  stepTimeoutMs: number;
  /** How long the whole stop may take; then it gives up on the rest, so the process can exit. */
  forceQuitMs: number;
}

export const defaultShutdownLimits: ShutdownLimits = { stepTimeoutMs: 5_000, forceQuitMs: 10_000 };

/** How a stop went: the parts that failed or took too long, and whether it gave up. */
export interface ShutdownReport {
  failed: string[];
  timedOut: string[];
  forced: boolean;
}

/** Resolves with 'timeout' after `ms`; the timer never keeps the process alive. */
function timeout(ms: number): { promise: Promise<'timeout'>; clear: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
    timer.unref();
  });
  return { promise, clear: () => clearTimeout(timer) };
}

/**
 * Starts the parts in the given order and stops the started ones in reverse. A part counts as
 * started once its start began, so a failed start is stopped too.
 */
export class Lifecycle {
  readonly #parts: readonly Part[];
  readonly #limits: ShutdownLimits;
  readonly #logger: Logger;
  #started: Part[] = [];

  constructor(parts: readonly Part[], limits: ShutdownLimits, logger: Logger) {
    this.#parts = parts;
    this.#limits = limits;
    this.#logger = logger;
  }

  async start(): Promise<void> {
    for (const part of this.#parts) {
      this.#started.push(part);
      await part.start?.();
    }
  }

  /** Reverse order of start, each part bounded, the whole bounded; safe when called twice. */
  async stop(): Promise<ShutdownReport> {
    const parts = this.#started.splice(0).reverse();
    const report: ShutdownReport = { failed: [], timedOut: [], forced: false };
    const overall = timeout(this.#limits.forceQuitMs);
    let forced = false;
    const steps = (async () => {
      for (const part of parts) {
        if (forced) return;
        await this.#stopPart(part, report);
      }
    })();
    if ((await Promise.race([steps, overall.promise])) === 'timeout') {
      forced = true;
      report.forced = true;
      this.#logger.error(
        { forceQuitMs: this.#limits.forceQuitMs },
        'stop took too long; giving up',
      );
    }
    overall.clear();
    return report;
  }

  async #stopPart(part: Part, report: ShutdownReport): Promise<void> {
    const bound = timeout(this.#limits.stepTimeoutMs);
    try {
      const stopped = Promise.resolve().then(() => part.stop?.());
      if ((await Promise.race([stopped, bound.promise])) === 'timeout') {
        report.timedOut.push(part.name);
        this.#logger.error({ step: part.name }, 'stop step timed out');
        // Its late failure is logged, never unhandled.
        stopped.catch((error: unknown) =>
          this.#logger.error({ err: error, step: part.name }, 'stop step failed'),
        );
      }
    } catch (error) {
      report.failed.push(part.name);
      this.#logger.error({ err: error, step: part.name }, 'stop step failed');
    } finally {
      bound.clear();
    }
  }
}
