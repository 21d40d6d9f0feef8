import type { AdminService } from '@sidbox/protocol';
import type { ServiceRow } from '../../../db/schema.js';
import { serviceEntryOf } from '../../../config/catalogue.js';

export function presentService(row: ServiceRow): AdminService {
  return {
    ...serviceEntryOf(row),
    scope: row.organisation_id === null ? 'national' : 'local',
    organisationId: row.organisation_id,
    updatedAt: row.updated_at,
  };
}
