import { CodedError } from '@sidbox/runtime';
import type { SigningKey } from '@sidbox/signing';
import type { HubDb } from '../db/connect.js';
import { readStored, seal, signingKeyContext, unseal, type SealContext } from './envelope.js';
import type { Kek } from './kek.js';

export type KeyVaultErrorCode = 'key-encryption-key-required' | 'key-encryption-key-wrong';

/** Sealed keys or secrets cannot be opened: no key-encryption key given, or not the right one. */
export class KeyVaultError extends CodedError<KeyVaultErrorCode> {}

/**
 * Seals new private signing keys and other secrets (platforms' client secrets) with the current
 * key-encryption key and opens stored ones with it or a previous one. Opened keys are kept by
 * kid (a kid's private key never changes), so an instance still running with the old KEK keeps
 * signing while another re-seals the rows; other secrets are opened each time, never kept.
 * Without a current KEK, both are stored in plaintext (tests, embedded use).
 */
export class KeyVault {
  readonly #current: Kek | undefined;
  readonly #readable = new Map<string, Kek>();
  readonly #opened = new Map<string, SigningKey>();

  constructor(current?: Kek, previous: Kek[] = []) {
    this.#current = current;
    for (const kek of [...previous, ...(current ? [current] : [])]) this.#readable.set(kek.id, kek);
  }

  /** What to store in `private_jwk` for a new key. */
  store(key: SigningKey): string {
    return this.sealSecret(signingKeyContext(key.kid), JSON.stringify(key));
  }

  /** The private key of a stored row; a KeyVaultError when it cannot be opened. */
  open(kid: string, stored: string): SigningKey {
    const known = this.#opened.get(kid);
    if (known) return known;
    const key = JSON.parse(this.openSecret(signingKeyContext(kid), stored)) as SigningKey;
    this.#opened.set(kid, key);
    return key;
  }

  /** What to store for a secret belonging to `context`: sealed, or as is without a KEK. */
  sealSecret(context: SealContext, plaintext: string): string {
    return this.#current ? seal(this.#current, context, plaintext) : plaintext;
  }

  /** The plaintext of a stored secret; a KeyVaultError when it cannot be opened. */
  openSecret(context: SealContext, stored: string): string {
    const sealed = readStored(stored);
    if (sealed === 'plaintext') return stored;
    const kek = this.#readable.get(sealed.kek);
    if (!kek && !this.#current)
      throw new KeyVaultError(
        'key-encryption-key-required',
        `${context.what} are encrypted (key-encryption key ${sealed.kek}) and no key-encryption key was given`,
      );
    const plaintext = kek && unseal(kek, context, sealed);
    if (plaintext === undefined)
      throw new KeyVaultError(
        'key-encryption-key-wrong',
        `the key-encryption key does not open ${context.what} (they are sealed with ${sealed.kek}, given: ${[...this.#readable.keys()].join(', ')})`,
      );
    return plaintext;
  }

  /** Whether a stored key or secret should be sealed (again) with the current KEK. */
  needsSealing(stored: string): boolean {
    if (!this.#current) return false;
    const sealed = readStored(stored);
    return sealed === 'plaintext' || sealed.kek !== this.#current.id;
  }
}

// The vault travels with the database handle: every caller holding the db (routes, config
// issuance, allowlists) seals and opens with the KEK the hub was started with.
const vaults = new WeakMap<HubDb, KeyVault>();

export function bindKeyVault(db: HubDb, vault: KeyVault): void {
  vaults.set(db, vault);
}

/** The vault bound to `db`; a plaintext one when the hub was started without a KEK. */
export function keyVaultOf(db: HubDb): KeyVault {
  let vault = vaults.get(db);
  if (!vault) {
    vault = new KeyVault();
    vaults.set(db, vault);
  }
  return vault;
}
