import { Listeners } from './listeners.js';

/**
 * An event that happens at most once, such as a connection closing. A listener added after it
 * happened still hears of it (in a microtask, as if it had been there), so no caller can miss
 * the close by subscribing a moment too late.
 */
export class OnceEvent<T> {
  readonly #listeners: Listeners<T>;
  #value: { value: T } | undefined;

  constructor(onListenerError: (error: unknown) => void) {
    this.#listeners = new Listeners(onListenerError);
  }

  /** The value it happened with, if it has. */
  get value(): T | undefined {
    return this.#value?.value;
  }

  get happened(): boolean {
    return this.#value !== undefined;
  }

  on(listener: (value: T) => void): () => void {
    const happened = this.#value;
    if (!happened) return this.#listeners.add(listener);
    queueMicrotask(() => listener(happened.value));
    return () => undefined;
  }

  /** The first call tells every listener; later calls change nothing. */
  emit(value: T): void {
    if (this.#value) return;
    this.#value = { value };
    this.#listeners.emit(value);
    this.#listeners.clear();
  }
}
