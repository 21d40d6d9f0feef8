import type { AccessRegistrationRequest, EidApp } from '@sidbox/protocol';

/** How the hub answered a registration: the person's label, or why the code did not work. */
export type RegistrationOutcome =
  | { kind: 'registered'; label: string }
  | { kind: 'code-unknown' }
  | { kind: 'code-used' }
  | { kind: 'code-expired' }
  | { kind: 'app-unavailable' };

/**
 * Where the members' apps come from and where a door registration goes: the hub
 * (`HubAppDirectory`), or a test's own list. Throws AppsError `hub-unreachable` or
 * `hub-answer-invalid` when it cannot answer.
 */
export interface AppDirectory {
  /**
   * Every active app of every member. `wanted`: the app a visitor asked for; a cache that does
   * not know it may ask its source again before the caller says "not available".
   */
  apps(wanted?: string): Promise<readonly EidApp[]>;
  register(request: AccessRegistrationRequest): Promise<RegistrationOutcome>;
}

/**
 * An app the cache does not know is asked for again only this long after the last request to
 * the source, so a flood of unknown ids costs the hub at most one request per this time.
 */
export const UNKNOWN_APP_REFRESH_GAP_MS = 5_000;

/**
 * The apps of another directory, fetched at most once per `refreshMs`, so that a page view does
 * not cost a hub request and a new app is live within that time. An app it does not know (just
 * created or restored, its tile already on the terminal) makes it ask at once, at most once per
 * UNKNOWN_APP_REFRESH_GAP_MS. While the hub does not answer, the last list it gave stays in use;
 * without one the error is the caller's.
 */
export class CachedAppDirectory implements AppDirectory {
  #apps: { list: readonly EidApp[]; fetchedAt: number } | undefined;
  #fetching: Promise<readonly EidApp[]> | undefined;
  /** When the source was last asked, answered or not. */
  #askedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly source: AppDirectory,
    private readonly refreshMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async apps(wanted?: string): Promise<readonly EidApp[]> {
    const cached = this.#apps;
    if (cached !== undefined && this.#fresh(cached, wanted)) return cached.list;
    this.#fetching ??= this.#fetch().finally(() => (this.#fetching = undefined));
    try {
      return await this.#fetching;
    } catch (error) {
      if (cached !== undefined) return cached.list;
      throw error;
    }
  }

  register(request: AccessRegistrationRequest): Promise<RegistrationOutcome> {
    return this.source.register(request);
  }

  #fresh(cached: { list: readonly EidApp[]; fetchedAt: number }, wanted: string | undefined) {
    const now = this.now();
    if (now - cached.fetchedAt >= this.refreshMs) return false;
    if (wanted === undefined || cached.list.some((app) => app.id === wanted && !app.archived))
      return true;
    return now - this.#askedAt < UNKNOWN_APP_REFRESH_GAP_MS;
  }

  async #fetch(): Promise<readonly EidApp[]> {
    this.#askedAt = this.now();
    const list = await this.source.apps();
    this.#apps = { list, fetchedAt: this.now() };
    return list;
  }
}
