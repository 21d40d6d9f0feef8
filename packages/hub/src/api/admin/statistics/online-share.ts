import type { HubDb } from '../../../db/connect.js';
import type { AggregateFilter } from './filter.js';

/**
 * PIN activations / resets at the counter for the filter's member(s) and period. Counter cases
 * are recorded per whole month, so every month the period touches counts. None for a single
 * terminal (counter cases belong to a member) or for training data.
 */
export async function counterCasesFor(db: HubDb, filter: AggregateFilter): Promise<number | null> {
  if (filter.terminalId || filter.training) return null;
  let query = db
    .selectFrom('counter_cases')
    .select((eb) => eb.fn.sum<number | string | null>('cases').as('cases'));
  if (filter.organisationId) query = query.where('organisation_id', '=', filter.organisationId);
  if (filter.from) query = query.where('month', '>=', filter.from.slice(0, 7));
  if (filter.to) query = query.where('month', '<=', filter.to.slice(0, 7));
  const { cases } = await query.executeTakeFirstOrThrow();
  return Number(cases ?? 0);
}

/** Terminal PIN changes ÷ (terminal PIN changes + counter cases); null when both are 0. */
export function onlineShare(pinChanges: number, counterCases: number | null): number | null {
  if (counterCases === null) return null;
  const total = pinChanges + counterCases;
  return total === 0 ? null : pinChanges / total;
}
