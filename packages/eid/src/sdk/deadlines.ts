/**
 * Deadlines for many pending requests on one timer. On loopback a request takes ~0.2 ms, and
 * arming and clearing a timer for each one measurably slowed it down; here a timer is armed
 * only when a deadline comes earlier than the armed one.
 */
export class Deadlines<K> {
  readonly #due = new Map<K, { at: number; expire: () => void }>();
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Infinity;

  add(key: K, ms: number, expire: () => void): void {
    const at = performance.now() + ms;
    this.#due.set(key, { at, expire });
    if (at < this.#timerAt) this.#arm(at);
  }

  delete(key: K): void {
    this.#due.delete(key);
  }

  clear(): void {
    this.#due.clear();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Infinity;
  }

  #arm(at: number): void {
    clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(() => this.#fire(), Math.max(0, at - performance.now()));
    // The connection keeps the process alive while a request is pending; a timer left armed
    // after everything settled must not.
    this.#timer.unref();
  }

  #fire(): void {
    this.#timer = undefined;
    this.#timerAt = Infinity;
    const now = performance.now();
    let next = Infinity;
    for (const [key, { at, expire }] of this.#due) {
      if (at <= now) {
        this.#due.delete(key);
        expire();
      } else {
        next = Math.min(next, at);
      }
    }
    if (next < Infinity) this.#arm(next);
  }
}
