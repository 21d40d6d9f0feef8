import type { CounterCaseRow } from '../../../db/schema.js';

export function presentCounterCases(row: CounterCaseRow) {
  return {
    organisationId: row.organisation_id,
    month: row.month,
    cases: row.cases,
    updatedAt: row.updated_at,
  };
}
