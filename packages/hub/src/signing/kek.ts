import { createHash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';

const kekBytes = 32;

/**
 * A key-encryption key: 32 random bytes that seal the hub's private signing keys (AES-256-GCM).
 * Its `id` (a SHA-256 prefix) names it in every sealed key, so the hub can tell which key sealed
 * what; printing the object never shows the bytes.
 */
export class Kek {
  readonly #bytes: Buffer;
  readonly id: string;

  private constructor(bytes: Buffer) {
    this.#bytes = bytes;
    this.id = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  }

  /** From its base64 text (as in the KEK file); undefined when it is not 32 bytes. */
  static fromBase64(text: string): Kek | undefined {
    const trimmed = text.trim();
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return undefined;
    const bytes = Buffer.from(trimmed, 'base64');
    return bytes.length === kekBytes ? new Kek(bytes) : undefined;
  }

  /** The raw key, for node:crypto only. */
  reveal(): Buffer {
    return this.#bytes;
  }

  toString(): string {
    return `[key-encryption key ${this.id}]`;
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

/** A new key-encryption key as the text of its file: base64 of 32 random bytes and a newline. */
export const newKekText = (): string => `${randomBytes(kekBytes).toString('base64')}\n`;
