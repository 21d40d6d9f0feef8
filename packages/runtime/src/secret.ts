import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A PIN, CAN or PUK. Every way of printing it (String(), JSON, util.inspect, template
 * literals, error messages) yields "[redacted]"; only `reveal()` gives the digits, and only the
 * SDK channel calls it, at the moment a command is serialized.
 */
export class Secret {
  readonly #value: string;

  private constructor(value: string) {
    this.#value = value;
  }

  /** Wraps a string of digits; anything else is rejected without echoing it. */
  static digits(value: string): Secret {
    if (!/^[0-9]+$/.test(value)) throw new TypeError('a PIN, CAN or PUK consists of digits only');
    return new Secret(value);
  }

  get length(): number {
    return this.#value.length;
  }

  reveal(): string {
    return this.#value;
  }

  equals(other: Secret): boolean {
    return this.#value === other.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}
