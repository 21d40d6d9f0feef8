import type { Selectable } from 'kysely';
import type { AuditEntry } from '@sidbox/protocol';
import type { AuditLogTable } from '../../../db/schema.js';

export function presentAuditEntry(
  row: Selectable<AuditLogTable> & { actorEmail: string | null },
): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorEmail: row.actorEmail,
    organisationId: row.organisation_id,
    action: row.action,
    targetId: row.target_id,
    details: JSON.parse(row.details) as AuditEntry['details'],
  };
}
