import type { FastifyRequest } from 'fastify';
import {
  AccessDecision,
  AccessDecisionRequest,
  OfflineDecisionsRequest,
  OfflineDecisionsResponse,
  SignedAllowlistResponse,
} from '@sidbox/protocol';
import { signAllowlist } from '@sidbox/signing';
import type { HubApp, HubDeps } from '../http.js';
import type { AccessPointActor } from '../../auth/actor.js';
import { authenticateAccessPoint } from '../../auth/access-point-token.js';
import type { HubDb } from '../../db/connect.js';
import { HubError } from '../../errors.js';
import {
  allowlistFor,
  decideOnline,
  recordOffline,
  touchAccessPoint,
} from '../../eid-apps/decisions.js';
import { currentSigningKey, keyChain } from '../../signing/keys.js';

const tags = ['access'];
const security = [{ accessPoint: [] }];

/** onRequest hook of the access scope: the point's bearer token; notes that it was heard from. */
export function accessPointAuthHook(db: HubDb) {
  return async (request: FastifyRequest) => {
    const point = await authenticateAccessPoint(db, request.headers.authorization);
    await touchAccessPoint(db, point);
    request.accessPoint = point;
  };
}

function accessPointOf(request: FastifyRequest): AccessPointActor {
  if (!request.accessPoint) throw new HubError('not-authenticated', 'access point token required');
  return request.accessPoint;
}

/** What a door's access point calls: decisions, its signed allowlist, offline decisions. */
export function registerAccessRoutes(app: HubApp, { db, timeZone }: HubDeps): void {
  app.post(
    '/decisions',
    {
      schema: {
        tags,
        security,
        summary: 'Decide at the hub, now, and log it (idempotent by decision id)',
        body: AccessDecisionRequest,
        response: { 200: AccessDecision },
      },
    },
    async (request) => decideOnline(db, accessPointOf(request), request.body, timeZone),
  );

  app.get(
    '/allowlist',
    {
      schema: {
        tags,
        security,
        summary: "The point's signed list for deciding while the hub is away",
        response: { 200: SignedAllowlistResponse },
      },
    },
    async (request) => {
      const allowlist = await allowlistFor(db, accessPointOf(request), timeZone);
      const jws = await signAllowlist(allowlist, await currentSigningKey(db));
      return { jws, keyChain: await keyChain(db) };
    },
  );

  app.post(
    '/decisions/offline',
    {
      schema: {
        tags,
        security,
        summary: 'Decisions made from the allowlist while offline; each is recorded once',
        body: OfflineDecisionsRequest,
        response: { 200: OfflineDecisionsResponse },
      },
    },
    async (request) => {
      const { decisions } = request.body;
      const inconsistent = decisions.find((d) => d.granted !== (d.reason === 'granted'));
      if (inconsistent)
        throw new HubError(
          'invalid-request',
          `decision ${inconsistent.decisionId}: granted must be true exactly when reason is "granted"`,
        );
      return recordOffline(db, accessPointOf(request), decisions);
    },
  );
}
