import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/** Enough for every sign-in in progress; beyond it the oldest entries go first. */
const MAX_ENTRIES = 100_000;

/**
 * The provider's short-lived state (interactions, sessions, grants, codes, access tokens) in
 * memory only: the process's lifetime at most, each entry its model's TTL. Nothing about a person
 * is in it but the pseudonym as account id. One store per provider (oidc-provider's own memory
 * adapter is one store per process, capped at 1000 entries, which a busy hour can exceed).
 */
export class MemoryStore {
  readonly #entries = new Map<string, Entry>();
  readonly #uids = new Map<string, string>();
  readonly #grants = new Map<string, Set<string>>();

  constructor(private readonly now: () => number = Date.now) {}

  adapter(model: string): Adapter {
    const key = (id: string) => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => this.#set(key(id), payload, expiresIn),
      find: async (id) => this.#get(key(id)),
      findByUid: async (uid) => {
        const id = this.#uids.get(uid);
        return id === undefined ? undefined : this.#get(key(id));
      },
      // No device flow here: there are no user codes.
      findByUserCode: async () => undefined,
      consume: async (id) => {
        const entry = this.#get(key(id));
        if (entry !== undefined) entry.consumed = Math.floor(this.now() / 1000);
      },
      destroy: async (id) => void this.#entries.delete(key(id)),
      revokeByGrantId: async (grantId) => {
        for (const entryKey of this.#grants.get(grantId) ?? []) this.#entries.delete(entryKey);
        this.#grants.delete(grantId);
      },
    };
  }

  get size(): number {
    this.sweep();
    return this.#entries.size;
  }

  /** Forgets every expired entry. */
  sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
    for (const [uid, id] of this.#uids) if (!this.#has(`Session:${id}`)) this.#uids.delete(uid);
    for (const [grantId, keys] of this.#grants) {
      for (const key of keys) if (!this.#has(key)) keys.delete(key);
      if (keys.size === 0) this.#grants.delete(grantId);
    }
  }

  #set(key: string, payload: AdapterPayload, expiresIn: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { payload, expiresAt: this.now() + expiresIn * 1000 });
    if (key.startsWith('Session:') && payload.uid !== undefined)
      this.#uids.set(payload.uid, key.slice('Session:'.length));
    if (payload.grantId !== undefined && !key.startsWith('Grant:')) {
      const keys = this.#grants.get(payload.grantId) ?? new Set<string>();
      this.#grants.set(payload.grantId, keys.add(key));
    }
    if (this.#entries.size > MAX_ENTRIES) this.sweep();
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= MAX_ENTRIES) break;
      this.#entries.delete(oldest);
    }
  }

  #get(key: string): AdapterPayload | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.now()) return entry.payload;
    this.#entries.delete(key);
    return undefined;
  }

  #has(key: string): boolean {
    return this.#get(key) !== undefined;
  }
}
