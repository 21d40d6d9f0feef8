import type { AdminTerminal, Heartbeat } from '@sidbox/protocol';
import type { TerminalRow } from '../../../db/schema.js';

/** A terminal counts as online when its last heartbeat is at most this old. */
export const onlineWindowSeconds = 180;

export function presentTerminal(row: TerminalRow, now = new Date()): AdminTerminal {
  const lastSeen = row.last_seen_at ? Date.parse(row.last_seen_at) : undefined;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    location: row.location,
    kind: row.kind,
    preset: row.preset,
    training: row.training === 1,
    languages: JSON.parse(row.languages) as string[],
    revoked: row.revoked_at !== null,
    revokedAt: row.revoked_at,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    online: lastSeen !== undefined && now.getTime() - lastSeen <= onlineWindowSeconds * 1000,
    lastHeartbeat: row.last_heartbeat ? (JSON.parse(row.last_heartbeat) as Heartbeat) : null,
  };
}
