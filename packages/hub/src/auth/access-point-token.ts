import type { HubDb } from '../db/connect.js';
import { HubError } from '../errors.js';
import { sha256Hex } from '../eid-apps/secrets.js';
import type { AccessPointActor } from './actor.js';
import { bearerToken } from './bearer.js';

/**
 * Authenticates an access point by its bearer token, looked up by SHA-256 (the hash is unique
 * and indexed, so the lookup reveals nothing about other tokens). A revoked point is refused.
 */
export async function authenticateAccessPoint(
  db: HubDb,
  authorization: string | undefined,
): Promise<AccessPointActor> {
  const token = bearerToken(authorization);
  if (!token) throw new HubError('not-authenticated', 'access point token required (Bearer)');
  const point = await db
    .selectFrom('access_points')
    .innerJoin('eid_apps', 'eid_apps.id', 'access_points.app_id')
    .select([
      'access_points.id',
      'access_points.app_id',
      'access_points.revoked_at',
      'access_points.last_seen_at',
      'eid_apps.archived',
    ])
    .where('access_points.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!point) throw new HubError('invalid-access-point-token', 'unknown access point token');
  if (point.revoked_at) throw new HubError('access-point-revoked', 'this access point was revoked');
  return {
    pointId: point.id,
    appId: point.app_id,
    appArchived: point.archived === 1,
    lastSeenAt: point.last_seen_at,
  };
}
