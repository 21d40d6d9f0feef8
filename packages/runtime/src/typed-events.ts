import { Listeners } from './listeners.js';

/** A small typed event emitter; a listener that throws is reported, not fatal. */
export class TypedEvents<Events extends object> {
  readonly #listeners: { [K in keyof Events]?: Listeners<Events[K]> } = {};

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void {
    return this.#for(event).add(listener);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    this.#listeners[event]?.emit(payload);
  }

  #for<K extends keyof Events>(event: K): Listeners<Events[K]> {
    return (this.#listeners[event] ??= new Listeners<Events[K]>(this.onListenerError));
  }
}
