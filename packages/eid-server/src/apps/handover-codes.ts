import { randomInt } from 'node:crypto';

/** Letters and digits a person reads out without mix-ups (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const HANDOVER_CODE_LENGTH = 8;
export const HANDOVER_TTL_MS = 10 * 60 * 1000;

/** A code as a person typed it: upper case, without spaces or dashes. */
export function normalizeCode(typed: unknown): string {
  return typeof typed === 'string' ? typed.toUpperCase().replace(/[\s-]/g, '') : '';
}

/**
 * One-time codes under which a finished form waits for the reception, in memory only: valid
 * for ten minutes, gone once taken, and only for the app it was made for.
 */
export class HandoverCodes<Form> {
  readonly #forms = new Map<string, { appId: string; form: Form; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(appId: string, form: Form): string {
    this.sweep();
    let code: string;
    do {
      code = Array.from(
        { length: HANDOVER_CODE_LENGTH },
        () => ALPHABET[randomInt(ALPHABET.length)],
      ).join('');
    } while (this.#forms.has(code));
    this.#forms.set(code, { appId, form, expiresAt: this.now() + HANDOVER_TTL_MS });
    return code;
  }

  /** The form under this code of this app, once; undefined when unknown, taken or expired. */
  take(appId: string, code: string): Form | undefined {
    this.sweep();
    const entry = this.#forms.get(code);
    if (entry === undefined || entry.appId !== appId) return undefined;
    this.#forms.delete(code);
    return entry.form;
  }

  get size(): number {
    this.sweep();
    return this.#forms.size;
  }

  /** Forgets every expired code and its form. */
  sweep(): void {
    const now = this.now();
    for (const [code, entry] of this.#forms) if (entry.expiresAt <= now) this.#forms.delete(code);
  }
}
