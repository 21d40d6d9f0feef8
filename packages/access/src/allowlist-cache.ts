import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AccessAllowlist } from '@sidbox/protocol';
import { z } from 'zod';
import { writeDurably } from './durable-file.js';
import type { AllowlistSource } from './ports.js';

/** What the hub sends on GET /api/access/allowlist, kept on disk exactly as received. */
export const SignedAllowlist = z.object({
  jws: z.string(),
  keyChain: z.array(z.string()).optional(),
});
export type SignedAllowlist = z.infer<typeof SignedAllowlist>;

/** Checks a signed allowlist (signature by a trusted hub key, schema, this point). */
export type AllowlistVerifier = (
  signed: SignedAllowlist,
) => Promise<{ ok: true; allowlist: AccessAllowlist } | { ok: false; code: string }>;

export type AcceptResult = { ok: true } | { ok: false; code: string };

/**
 * The hub-signed allowlist for offline decisions: verified when read from disk and when received,
 * written (temp file, fsync, rename) only after verification. An older list than the one held
 * is refused, so a replayed answer cannot bring back a revoked person.
 */
export class AllowlistCache implements AllowlistSource {
  readonly #file: string;
  readonly #verify: AllowlistVerifier;
  #current: AccessAllowlist | undefined;

  constructor(stateDir: string, verify: AllowlistVerifier) {
    this.#file = join(stateDir, 'allowlist.json');
    this.#verify = verify;
  }

  current(): AccessAllowlist | undefined {
    return this.#current;
  }

  /** Reads the cached list; a missing, unreadable or unverifiable file leaves none. */
  async load(): Promise<AcceptResult> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch (error) {
      return { ok: false, code: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
    }
    const checked = await this.#check(text);
    if (checked.ok) this.#current = checked.allowlist;
    return checked.ok ? { ok: true } : checked;
  }

  /** A list as the hub sent it (the response body): kept if it verifies and is not older. */
  async accept(body: string): Promise<AcceptResult> {
    const checked = await this.#check(body);
    if (!checked.ok) return checked;
    const held = this.#current;
    if (held && Date.parse(checked.allowlist.issuedAt) < Date.parse(held.issuedAt))
      return { ok: false, code: 'older-than-cached' };
    await writeDurably(this.#file, body);
    this.#current = checked.allowlist;
    return { ok: true };
  }

  async #check(
    text: string,
  ): Promise<{ ok: true; allowlist: AccessAllowlist } | { ok: false; code: string }> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, code: 'not-json' };
    }
    const signed = SignedAllowlist.safeParse(json);
    if (!signed.success) return { ok: false, code: 'not-a-signed-allowlist' };
    return this.#verify(signed.data);
  }
}
