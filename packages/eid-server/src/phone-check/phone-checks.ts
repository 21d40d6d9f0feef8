import type { PhoneCheckState } from '@sidbox/protocol';
import { newViewToken, viewTokenPattern } from '../pages/view-tokens.js';
import {
  finished,
  forgetAt,
  linkUse,
  newPhoneCheck,
  opened,
  stateAt,
  type PhoneCheck,
} from './phone-check.js';
import { PhoneCheckError } from './phone-check-error.js';

interface Entry {
  check: PhoneCheck;
  linkToken: string;
  statusToken: string;
  /** The result page's token, once the link was used. */
  resultToken?: string;
}

export interface NewPhoneCheck {
  linkToken: string;
  statusToken: string;
  expiresAt: number;
}

export interface PhoneChecksOptions {
  linkTtlMs: number;
  /** Anyone may ask for a check: without a cap, asking in a loop would fill the memory. */
  maxOpen: number;
  now: () => number;
}

/**
 * The open phone checks, in memory only, under three tokens: the link's (in the QR code, the
 * phone has it), the status token (the terminal has it) and the result page's (the phone's
 * AusweisApp sends its browser there). One token never leads to another's holder's view.
 */
export class PhoneChecks {
  readonly #byStatus = new Map<string, Entry>();
  readonly #byLink = new Map<string, Entry>();
  readonly #byResult = new Map<string, Entry>();

  constructor(private readonly options: PhoneChecksOptions) {}

  create(): NewPhoneCheck {
    this.sweep();
    if (this.#byStatus.size >= this.options.maxOpen)
      throw new PhoneCheckError('too-many-checks', 'too many phone checks are open');
    const entry: Entry = {
      check: newPhoneCheck(this.options.now(), this.options.linkTtlMs),
      linkToken: newViewToken(),
      statusToken: newViewToken(),
    };
    this.#byStatus.set(entry.statusToken, entry);
    this.#byLink.set(entry.linkToken, entry);
    return {
      linkToken: entry.linkToken,
      statusToken: entry.statusToken,
      expiresAt: entry.check.linkExpiresAt,
    };
  }

  /** The state for the terminal, or undefined for a token that is unknown or forgotten. */
  status(statusToken: string): { state: PhoneCheckState; expiresAt: number } | undefined {
    const entry = this.#live(this.#byStatus, statusToken);
    return (
      entry && {
        state: stateAt(entry.check, this.options.now()),
        expiresAt: entry.check.linkExpiresAt,
      }
    );
  }

  /** What the link would do if opened now. */
  linkUse(linkToken: string): 'start' | 'used' | 'expired' {
    return linkUse(this.#live(this.#byLink, linkToken)?.check, this.options.now());
  }

  /**
   * Uses up the link for the authentication session just started; the result page will come
   * to `resultToken`. Call only right after `linkUse` said 'start' (in the same turn).
   */
  open(linkToken: string, sessionId: string, resultToken: string, openUntil: number): void {
    const entry = this.#live(this.#byLink, linkToken);
    if (entry === undefined) return;
    entry.check = opened(entry.check, this.options.now(), sessionId, openUntil);
    if (entry.check.state !== 'opened') return;
    entry.resultToken = resultToken;
    this.#byResult.set(resultToken, entry);
  }

  /** The session behind a result page's token, while the check waits for it. */
  sessionOf(resultToken: string): string | undefined {
    const check = this.#live(this.#byResult, resultToken)?.check;
    return check?.state === 'opened' ? check.sessionId : undefined;
  }

  /** The result page read the outcome: the terminal learns only success or not. */
  finish(resultToken: string, success: boolean): void {
    const entry = this.#live(this.#byResult, resultToken);
    if (entry) entry.check = finished(entry.check, this.options.now(), success);
  }

  get size(): number {
    this.sweep();
    return this.#byStatus.size;
  }

  /** Forgets every check whose end the terminal has had time to see. */
  sweep(): void {
    const now = this.options.now();
    for (const entry of this.#byStatus.values())
      if (forgetAt(entry.check) <= now) this.#forget(entry);
  }

  clear(): void {
    for (const entry of this.#byStatus.values()) this.#forget(entry);
  }

  #live(map: Map<string, Entry>, token: string): Entry | undefined {
    if (!viewTokenPattern.test(token)) return undefined;
    const entry = map.get(token);
    if (entry === undefined || forgetAt(entry.check) > this.options.now()) return entry;
    this.#forget(entry);
    return undefined;
  }

  #forget(entry: Entry): void {
    this.#byStatus.delete(entry.statusToken);
    this.#byLink.delete(entry.linkToken);
    if (entry.resultToken !== undefined) this.#byResult.delete(entry.resultToken);
  }
}
