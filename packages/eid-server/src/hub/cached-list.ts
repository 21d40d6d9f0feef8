/**
 * An id the cache does not know is asked for again only this long after the last request to the
 * source, so a flood of made-up ids costs the hub at most one request per this time.
 */
export const UNKNOWN_ID_REFRESH_GAP_MS = 5_000;

/**
 * A list the hub gives (the members' apps, their platforms), fetched at most once per
 * `refreshMs`, so that a page view does not cost a hub request and a change is live within that
 * time. An id it does not know (just created or restored) makes it ask at once, at most once per
 * UNKNOWN_ID_REFRESH_GAP_MS. While the hub does not answer, the last list it gave stays in use;
 * without one the error is the caller's.
 */
export class CachedList<T> {
  #cached: { list: readonly T[]; fetchedAt: number } | undefined;
  #fetching: Promise<readonly T[]> | undefined;
  /** When the source was last asked, answered or not. */
  #askedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly fetchList: () => Promise<readonly T[]>,
    /** Whether an entry of the list is the one a request named (and may be used). */
    private readonly isWanted: (entry: T, wanted: string) => boolean,
    private readonly refreshMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(wanted?: string): Promise<readonly T[]> {
    const cached = this.#cached;
    if (cached !== undefined && this.#fresh(cached, wanted)) return cached.list;
    this.#fetching ??= this.#fetch().finally(() => (this.#fetching = undefined));
    try {
      return await this.#fetching;
    } catch (error) {
      if (cached !== undefined) return cached.list;
      throw error;
    }
  }

  #fresh(cached: { list: readonly T[]; fetchedAt: number }, wanted: string | undefined) {
    const now = this.now();
    if (now - cached.fetchedAt >= this.refreshMs) return false;
    if (wanted === undefined || cached.list.some((entry) => this.isWanted(entry, wanted)))
      return true;
    return now - this.#askedAt < UNKNOWN_ID_REFRESH_GAP_MS;
  }

  async #fetch(): Promise<readonly T[]> {
    this.#askedAt = this.now();
    const list = await this.fetchList();
    this.#cached = { list, fetchedAt: this.now() };
    return list;
  }
}
