import { EidServerOidcClientsResponse } from '@sidbox/protocol';
import type { LoadedHub } from '../config/load.js';
import { CachedList } from '../hub/cached-list.js';
import { sendToHub } from '../hub/hub-request.js';
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

/** The hub's GET /api/eid-server/oidc-clients, with the eID-Server's key as Bearer. */
export class HubOidcClientDirectory implements OidcClientDirectory {
  constructor(private readonly hub: LoadedHub) {}

  async clients(): Promise<readonly PlatformClient[]> {
    const path = '/api/eid-server/oidc-clients';
    const response = await sendToHub(
      this.hub,
      path,
      { method: 'GET' },
      (cause) => new OidcError('hub-unreachable', `the hub did not answer ${path}`, { cause }),
    );
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
 * The platforms of another directory, cached as the members' apps are (hub/cached-list.ts).
 * While the hub does not answer, the last list stays in use — a renewed secret or a removed
 * platform then waits for the hub, as an app would.
 */
export class CachedOidcClientDirectory implements OidcClientDirectory {
  readonly #list: CachedList<PlatformClient>;

  constructor(source: OidcClientDirectory, refreshMs: number, now: () => number = Date.now) {
    this.#list = new CachedList(
      () => source.clients(),
      (client, wanted) => client.clientId === wanted,
      refreshMs,
      now,
    );
  }

  clients(wanted?: string): Promise<readonly PlatformClient[]> {
    return this.#list.get(wanted);
  }
}

/** The configured hub's platforms, cached for its `refreshSeconds`. */
export function defaultOidcClientDirectory(hub: LoadedHub): OidcClientDirectory {
  return new CachedOidcClientDirectory(new HubOidcClientDirectory(hub), hub.refreshSeconds * 1000);
}
