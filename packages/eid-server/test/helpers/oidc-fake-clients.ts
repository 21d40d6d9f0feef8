import type { OidcClientInput } from '@sidbox/protocol';
import type { OidcClientDirectory, PlatformClient } from '../../src/oidc/client-directory.js';
import { OidcError } from '../../src/oidc/oidc-error.js';

/**
 * FAKE hub for the fast OpenID provider tests: the platforms a test registers, kept in memory.
 * The real hub's side (GET /api/eid-server/oidc-clients) is used in oidc.real.test.ts; this one
 * lets a test say "the hub is down" or "this platform was archived" without a database.
 */
export class FakeOidcClientDirectory implements OidcClientDirectory {
  list: PlatformClient[] = [];
  reachable = true;
  calls = 0;

  add(organisationId: string, input: OidcClientInput, archived = false): PlatformClient {
    const client: PlatformClient = {
      clientId: input.clientId,
      name: input.name,
      redirectUris: input.redirectUris,
      claims: input.claims,
      ...(input.minimumAge !== undefined && { minimumAge: input.minimumAge }),
      organisationId,
      archived,
      updatedAt: new Date().toISOString(),
      clientSecret: `secret-of-${input.clientId}-0123456789abcdef0123456789`,
    };
    this.list = [...this.list.filter((c) => c.clientId !== client.clientId), client];
    return client;
  }

  async clients(): Promise<readonly PlatformClient[]> {
    this.calls++;
    if (!this.reachable) throw new OidcError('hub-unreachable', 'fake hub is down');
    return this.list;
  }
}
