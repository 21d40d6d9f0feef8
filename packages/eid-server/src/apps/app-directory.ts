import type { AccessRegistrationRequest, EidApp } from '@sidbox/protocol';
import { CachedList } from '../hub/cached-list.js';

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

/** The apps of another directory, cached (hub/cached-list.ts); registrations pass through. */
export class CachedAppDirectory implements AppDirectory {
  readonly #list: CachedList<EidApp>;

  constructor(
    private readonly source: AppDirectory,
    refreshMs: number,
    now: () => number = Date.now,
  ) {
    // An archived app counts as unknown: restored a moment ago, its tile may be back already.
    this.#list = new CachedList(
      () => source.apps(),
      (app, wanted) => app.id === wanted && !app.archived,
      refreshMs,
      now,
    );
  }

  apps(wanted?: string): Promise<readonly EidApp[]> {
    return this.#list.get(wanted);
  }

  register(request: AccessRegistrationRequest): Promise<RegistrationOutcome> {
    return this.source.register(request);
  }
}
