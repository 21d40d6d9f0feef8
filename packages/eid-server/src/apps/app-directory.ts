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
  /** Every active app of every member. */
  apps(): Promise<readonly EidApp[]>;
  register(request: AccessRegistrationRequest): Promise<RegistrationOutcome>;
}

/**
 * The apps of another directory, fetched at most once per `refreshMs`, so that a page view does
 * not cost a hub request and a new app is live within that time. While the hub does not answer,
 * the last list it gave stays in use; without one the error is the caller's.
 */
export class CachedAppDirectory implements AppDirectory {
  #apps: { list: readonly EidApp[]; fetchedAt: number } | undefined;
  #fetching: Promise<readonly EidApp[]> | undefined;

  constructor(
    private readonly source: AppDirectory,
    private readonly refreshMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async apps(): Promise<readonly EidApp[]> {
    const cached = this.#apps;
    if (cached !== undefined && this.now() - cached.fetchedAt < this.refreshMs) return cached.list;
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

  async #fetch(): Promise<readonly EidApp[]> {
    const list = await this.source.apps();
    this.#apps = { list, fetchedAt: this.now() };
    return list;
  }
}
