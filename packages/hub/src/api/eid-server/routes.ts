import type { FastifyRequest } from 'fastify';
import {
  AccessRegistrationRequest,
  AccessRegistrationResponse,
  EidServerAppsResponse,
} from '@sidbox/protocol';
import type { EidServerLink, HubApp, HubDeps } from '../http.js';
import { bearerToken, sameSecret } from '../../auth/bearer.js';
import { HubError } from '../../errors.js';
import { activeApps } from '../../eid-apps/queries.js';
import { registerPerson } from '../../eid-apps/registrations.js';

const tags = ['eid-server'];
const security = [{ eidServer: [] }];

/** onRequest hook: without an eID-Server configured these routes do not exist; else its key. */
export function eidServerAuthHook(eidServer: EidServerLink | undefined) {
  return async (request: FastifyRequest) => {
    if (!eidServer) throw new HubError('not-found', 'no eID-Server is configured');
    const token = bearerToken(request.headers.authorization);
    if (!token || !sameSecret(token, eidServer.apiKey))
      throw new HubError('invalid-api-key', 'wrong or missing eID-Server key (Bearer)');
  };
}

/** What the association's eID-Server asks: the apps to run, and door registrations. */
export function registerEidServerRoutes(app: HubApp, { db }: HubDeps): void {
  app.get(
    '/apps',
    {
      schema: {
        tags,
        security,
        summary: "Every member's active eID apps",
        response: { 200: EidServerAppsResponse },
      },
    },
    async () => ({ apps: await activeApps(db) }),
  );

  app.post(
    '/access-registrations',
    {
      schema: {
        tags,
        security,
        summary: 'A person registered at a terminal with a one-time code',
        body: AccessRegistrationRequest,
        response: { 200: AccessRegistrationResponse },
      },
    },
    async (request) => registerPerson(db, request.body),
  );
}
