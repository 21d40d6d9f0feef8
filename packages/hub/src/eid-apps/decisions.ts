import {
  decideAccess,
  type AccessAllowlist,
  type AccessDecision,
  type AccessDecisionRequest,
  type OfflineDecisionsRequest,
  type OfflineDecisionsResponse,
} from '@sidbox/protocol';
import type { AccessPointActor } from '../auth/actor.js';
import type { HubDb } from '../db/connect.js';
import { conflict } from '../errors.js';
import { windowsOf } from './rows.js';

/**
 * An online decision at the hub's clock: one indexed lookup of (app, pseudonym hash), one insert
 * into the log. A decision id sent again (the point retried) answers what was decided then.
 */
export async function decideOnline(
  db: HubDb,
  point: AccessPointActor,
  request: AccessDecisionRequest,
  timeZone: string,
  now = new Date(),
): Promise<AccessDecision> {
  const person = await db
    .selectFrom('access_persons')
    .select(['id', 'windows', 'revoked_at'])
    .where('app_id', '=', point.appId)
    .where('pseudonym_hash', '=', request.pseudonymHash)
    .executeTakeFirst();
  const { granted, reason } = point.appArchived
    ? { granted: false, reason: 'app-inactive' as const }
    : decideAccess(
        person && { windows: windowsOf(person.windows), revoked: person.revoked_at !== null },
        now,
        timeZone,
      );
  const inserted = await db
    .insertInto('access_decisions')
    .values({
      decision_id: request.decisionId,
      app_id: point.appId,
      point_id: point.pointId,
      person_id: person?.id ?? null,
      granted: granted ? 1 : 0,
      reason,
      decided_at: now.toISOString(),
      point_at: new Date(request.at).toISOString(),
      recorded_at: now.toISOString(),
      offline: 0,
    })
    .onConflict((oc) => oc.column('decision_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1)
    return { decisionId: request.decisionId, granted, reason };
  return recordedDecision(db, point, request.decisionId);
}

async function recordedDecision(
  db: HubDb,
  point: AccessPointActor,
  decisionId: string,
): Promise<AccessDecision> {
  const earlier = await db
    .selectFrom('access_decisions')
    .select(['point_id', 'granted', 'reason'])
    .where('decision_id', '=', decisionId)
    .executeTakeFirstOrThrow();
  if (earlier.point_id !== point.pointId)
    throw conflict('another access point recorded a decision with this id');
  return { decisionId, granted: earlier.granted === 1, reason: earlier.reason };
}

/**
 * Records what a point decided from its allowlist while the hub was away, each decision once:
 * one lookup of the persons named, one insert that skips ids already recorded.
 */
export async function recordOffline(
  db: HubDb,
  point: AccessPointActor,
  decisions: OfflineDecisionsRequest['decisions'],
  now = new Date(),
): Promise<OfflineDecisionsResponse> {
  if (decisions.length === 0) return { recorded: 0, duplicates: 0 };
  const hashes = [...new Set(decisions.map((decision) => decision.pseudonymHash))];
  const persons = await db
    .selectFrom('access_persons')
    .select(['id', 'pseudonym_hash'])
    .where('app_id', '=', point.appId)
    .where('pseudonym_hash', 'in', hashes)
    .execute();
  const personOf = new Map(persons.map((person) => [person.pseudonym_hash, person.id]));
  const inserted = await db
    .insertInto('access_decisions')
    .values(
      decisions.map((decision) => {
        const at = new Date(decision.at).toISOString();
        return {
          decision_id: decision.decisionId,
          app_id: point.appId,
          point_id: point.pointId,
          person_id: personOf.get(decision.pseudonymHash) ?? null,
          granted: decision.granted ? 1 : 0,
          reason: decision.reason,
          decided_at: at,
          point_at: at,
          recorded_at: now.toISOString(),
          offline: 1,
        };
      }),
    )
    .onConflict((oc) => oc.column('decision_id').doNothing())
    .executeTakeFirst();
  const recorded = Number(inserted.numInsertedOrUpdatedRows ?? 0);
  return { recorded, duplicates: decisions.length - recorded };
}

/** What the point may decide by while the hub is away: its app's unrevoked persons. */
export async function allowlistFor(
  db: HubDb,
  point: AccessPointActor,
  timeZone: string,
  now = new Date(),
): Promise<AccessAllowlist> {
  const persons = point.appArchived
    ? []
    : await db
        .selectFrom('access_persons')
        .select(['pseudonym_hash', 'windows'])
        .where('app_id', '=', point.appId)
        .where('revoked_at', 'is', null)
        .orderBy('pseudonym_hash')
        .execute();
  return {
    appId: point.appId,
    pointId: point.pointId,
    issuedAt: now.toISOString(),
    timeZone,
    entries: persons.map((person) => ({
      pseudonymHash: person.pseudonym_hash,
      windows: windowsOf(person.windows),
    })),
  };
}

/** Notes that the point was heard from, at most once a minute to spare the database. */
export async function touchAccessPoint(
  db: HubDb,
  point: AccessPointActor,
  now = new Date(),
): Promise<void> {
  if (point.lastSeenAt && now.getTime() - Date.parse(point.lastSeenAt) < 60_000) return;
  await db
    .updateTable('access_points')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', point.pointId)
    .execute();
}
