import type { ServiceRow } from '../../../db/schema.js';
import { serviceEntryOf } from '../../../config/catalogue.js';

export function presentService(row: ServiceRow) {
  return {
    ...serviceEntryOf(row),
    scope: row.organisation_id === null ? ('national' as const) : ('local' as const),
    organisationId: row.organisation_id,
    updatedAt: row.updated_at,
  };
}
