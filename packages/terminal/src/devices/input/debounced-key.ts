/**
 * One key's debounced state: a change counts only once the raw value has been stable for
 * `debounceMs` (contact mats chatter when someone shifts their weight). Trailing-edge, so a
 * burst press/release/press within the window yields one "pressed".
 */
export class DebouncedKey {
  #stable = false;
  #pending = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly debounceMs: number,
    private readonly onChange: (pressed: boolean) => void,
  ) {}

  /** Feeds a raw press (true) or release (false). */
  raw(pressed: boolean): void {
    this.#pending = pressed;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#settle(), this.debounceMs);
  }

  /** Forgets everything, silently: used when the device goes away. */
  reset(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#stable = false;
    this.#pending = false;
  }

  #settle(): void {
    this.#timer = undefined;
    if (this.#pending === this.#stable) return;
    this.#stable = this.#pending;
    this.onChange(this.#stable);
  }
}
