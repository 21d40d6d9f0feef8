import { EidServerOidcClientsResponse } from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../http.js';
import { activeOidcClients } from '../../oidc-clients/queries.js';

/** What the eID-Server's OpenID provider pulls: the platforms it signs citizens in to. */
export function registerEidServerOidcRoutes(app: HubApp, { db }: HubDeps): void {
  app.get(
    '/oidc-clients',
    {
      schema: {
        tags: ['eid-server'],
        security: [{ eidServer: [] }],
        summary: "Every member's active platforms, with their client secrets",
        response: { 200: EidServerOidcClientsResponse },
      },
    },
    async () => activeOidcClients(db),
  );
}
