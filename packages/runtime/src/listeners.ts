/**
 * A set of listeners for one kind of event. A listener that throws is reported to `onError`
 * and the others still run: one broken subscriber must not take the connection down.
 */
export class Listeners<T> {
  readonly #listeners = new Set<(value: T) => void>();

  constructor(private readonly onError: (error: unknown) => void) {}

  get size(): number {
    return this.#listeners.size;
  }

  /** Returns the function that removes the listener again. */
  add(listener: (value: T) => void): () => void {
    // Wrapped so that the same function can be subscribed twice and removed once.
    const entry = (value: T) => listener(value);
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  emit(value: T): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.onError(error);
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
