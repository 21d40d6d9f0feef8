import { EidServerOidcClientsResponse } from '@sidbox/protocol';
import type { LoadedHub } from '../config/load.js';
import { OidcError } from './oidc-error.js';

/** A registered platform as the hub lists it to the eID-Server: with its secret. */
export type PlatformClient = EidServerOidcClientsResponse['clients'][number];

/**
 * Where the members' platforms come from: the hub (`HubOidcClientDirectory`), or a test's own
 * list. Throws OidcError `hub-unreachable` or `hub-answer-invalid` when it cannot answer.
 */
export interface OidcClientDirectory {
  /** Every active platform; `wanted`: the client id a request named (see the cache). */
  clients(wanted?: string): Promise<readonly PlatformClient[]>;
}

const TIMEOUT_MS = 5_000;

/** The hub's GET /api/eid-server/oidc-clients, with the eID-Server's key as Bearer. */
export class HubOidcClientDirectory implements OidcClientDirectory {
  constructor(private readonly hub: LoadedHub) {}

  async clients(): Promise<readonly PlatformClient[]> {
    const path = '/api/eid-server/oidc-clients';
    let response: Response;
    try {
      response = await fetch(new URL(path, this.hub.url), {
        headers: { authorization: `Bearer ${this.hub.apiKey}` },
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new OidcError('hub-unreachable', `the hub did not answer ${path}`, { cause: error });
    }
    if (!response.ok)
      throw new OidcError('hub-answer-invalid', `the hub answered ${response.status} for ${path}`);
    const parsed = EidServerOidcClientsResponse.safeParse(
      await response.json().catch(() => undefined),
    );
    if (!parsed.success)
      throw new OidcError(
        'hub-answer-invalid',
        'the hub sent platforms that do not fit the contract',
      );
    return parsed.data.clients;
  }
}

/**
 * A client id the cache does not know is asked for again only this long after the last request
 * to the hub, so a flood of made-up client ids costs the hub at most one request per this time.
 */
export const UNKNOWN_CLIENT_REFRESH_GAP_MS = 5_000;

/**
 * The platforms of another directory, fetched at most once per `refreshMs` (as the members' apps
 * are, apps/app-directory.ts): a platform registered a moment ago is asked for at once, at most
 * once per UNKNOWN_CLIENT_REFRESH_GAP_MS. While the hub does not answer, the last list stays in
 * use — a renewed secret or a removed platform then waits for the hub, as an app would.
 */
export class CachedOidcClientDirectory implements OidcClientDirectory {
  #cached: { list: readonly PlatformClient[]; fetchedAt: number } | undefined;
  #fetching: Promise<readonly PlatformClient[]> | undefined;
  #askedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly source: OidcClientDirectory,
    private readonly refreshMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async clients(wanted?: string): Promise<readonly PlatformClient[]> {
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

  #fresh(cached: { list: readonly PlatformClient[]; fetchedAt: number }, wanted?: string) {
    const now = this.now();
    if (now - cached.fetchedAt >= this.refreshMs) return false;
    if (wanted === undefined || cached.list.some((client) => client.clientId === wanted))
      return true;
    return now - this.#askedAt < UNKNOWN_CLIENT_REFRESH_GAP_MS;
  }

  async #fetch(): Promise<readonly PlatformClient[]> {
    this.#askedAt = this.now();
    const list = await this.source.clients();
    this.#cached = { list, fetchedAt: this.now() };
    return list;
  }
}

/** The configured hub's platforms, cached for its `refreshSeconds`. */
export function defaultOidcClientDirectory(hub: LoadedHub): OidcClientDirectory {
  return new CachedOidcClientDirectory(new HubOidcClientDirectory(hub), hub.refreshSeconds * 1000);
}
