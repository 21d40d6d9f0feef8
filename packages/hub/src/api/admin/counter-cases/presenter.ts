import type { CounterCases } from '@sidbox/protocol';
import type { CounterCaseRow } from '../../../db/schema.js';

export function presentCounterCases(row: CounterCaseRow): CounterCases {
  return {
    organisationId: row.organisation_id,
    month: row.month,
    cases: row.cases,
    updatedAt: row.updated_at,
  };
}
