import type {
  AccessDecisionEntry,
  AccessPoint,
  AccessRegistration,
  RegisteredPerson,
} from '@sidbox/protocol';
import type {
  AccessDecisionRow,
  AccessPersonRow,
  AccessPointRow,
  AccessRegistrationRow,
} from '../../../db/schema.js';
import { windowsOf } from '../../../eid-apps/rows.js';

export function presentRegistration(row: AccessRegistrationRow): AccessRegistration {
  return {
    id: row.id,
    label: row.label,
    windows: windowsOf(row.windows),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}

/** A person without their pseudonym hash: the admin knows them by label. */
export function presentPerson(row: AccessPersonRow): RegisteredPerson {
  return {
    id: row.id,
    label: row.label,
    windows: windowsOf(row.windows),
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** An access point without its token hash. */
export function presentAccessPoint(row: AccessPointRow): AccessPoint {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
  };
}

export function presentDecision(
  row: AccessDecisionRow & { pointName: string; personLabel: string | null },
): AccessDecisionEntry {
  return {
    decisionId: row.decision_id,
    pointId: row.point_id,
    pointName: row.pointName,
    personId: row.person_id,
    personLabel: row.personLabel,
    granted: row.granted === 1,
    reason: row.reason,
    decidedAt: row.decided_at,
    recordedAt: row.recorded_at,
    offline: row.offline === 1,
  };
}
