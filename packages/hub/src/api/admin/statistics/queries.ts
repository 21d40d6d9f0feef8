import { sql, type NotNull } from 'kysely';
import type { Statistics } from '@sidbox/protocol';
import type { HubDb } from '../../../db/connect.js';
import type { AggregateFilter } from './filter.js';

/**
 * Telemetry as counted rows: raw events (one each) and, for days past retention, their daily
 * aggregates, so every statistic is the same before and after folding. The filter applies to
 * the union; PostgreSQL and SQLite push it down into both sides and their indexes.
 */
function events(db: HubDb, filter: AggregateFilter) {
  const raw = db
    .selectFrom('telemetry_events')
    .select([
      'day',
      'terminal_id',
      'organisation_id',
      'training',
      'type',
      'service_id',
      'workflow',
      'outcome_code',
      sql<number>`1`.as('events'),
      sql<number>`coalesce(duration_seconds, 0)`.as('duration_sum'),
      sql<number>`case when duration_seconds is null then 0 else 1 end`.as('duration_count'),
    ]);
  const folded = db
    .selectFrom('telemetry_daily')
    .select([
      'day',
      'terminal_id',
      'organisation_id',
      'training',
      'type',
      sql<string | null>`nullif(service_id, '')`.as('service_id'),
      sql<string | null>`nullif(workflow, '')`.as('workflow'),
      sql<string | null>`nullif(outcome_code, '')`.as('outcome_code'),
      'events',
      sql<number>`duration_sum`.as('duration_sum'),
      'duration_count',
    ]);
  let query = db.selectFrom(raw.unionAll(folded).as('e')).where('training', '=', filter.training);
  if (filter.organisationId) query = query.where('organisation_id', '=', filter.organisationId);
  if (filter.terminalId) query = query.where('terminal_id', '=', filter.terminalId);
  if (filter.from) query = query.where('day', '>=', filter.from);
  if (filter.to) query = query.where('day', '<=', filter.to);
  return query;
}

/** Events counted: a raw row is 1, a folded row its day's count. */
const total = sql<number | string | null>`sum(events)`;

const count = (value: string | number | bigint | null) => Number(value ?? 0);

/** Usage aggregates: counts only, never single events. */
export async function usageStatistics(
  db: HubDb,
  filter: AggregateFilter,
): Promise<Omit<Statistics, 'counterCases' | 'onlineShare'>> {
  const [perDay, pinChanges, outcomes, topServices, byTerminal, byMember, duration] =
    await Promise.all([
      events(db, filter)
        .select(['day', total.as('n')])
        .where('type', '=', 'session-started')
        .groupBy('day')
        .orderBy('day')
        .execute(),
      events(db, filter)
        .select(total.as('n'))
        .where('type', '=', 'pin-changed')
        .executeTakeFirstOrThrow(),
      events(db, filter)
        .select(['workflow', 'outcome_code', total.as('n')])
        .where('type', '=', 'eid-outcome')
        .$narrowType<{ workflow: NotNull; outcome_code: NotNull }>()
        .groupBy(['workflow', 'outcome_code'])
        .orderBy('workflow')
        .orderBy('outcome_code')
        .execute(),
      events(db, filter)
        .select(['service_id', total.as('n')])
        .where('type', '=', 'service-opened')
        .$narrowType<{ service_id: NotNull }>()
        .groupBy('service_id')
        .orderBy('n', 'desc')
        .orderBy('service_id')
        .limit(10)
        .execute(),
      events(db, filter)
        .select(['terminal_id', total.as('n')])
        .where('type', '=', 'session-started')
        .groupBy('terminal_id')
        .orderBy('terminal_id')
        .execute(),
      events(db, filter)
        .select(['organisation_id', total.as('n')])
        .where('type', '=', 'session-started')
        .groupBy('organisation_id')
        .orderBy('organisation_id')
        .execute(),
      events(db, filter)
        .select([
          sql<number | string | null>`sum(duration_sum)`.as('sum'),
          sql<number | string | null>`sum(duration_count)`.as('n'),
        ])
        .where('type', '=', 'session-ended')
        .executeTakeFirstOrThrow(),
    ]);
  return {
    sessionsPerDay: perDay.map((r) => ({ day: r.day, sessions: count(r.n) })),
    sessions: perDay.reduce((sum, r) => sum + count(r.n), 0),
    pinChanges: count(pinChanges.n),
    eidOutcomes: outcomes.map((r) => ({
      workflow: r.workflow,
      code: r.outcome_code,
      count: count(r.n),
    })),
    topServices: topServices.map((r) => ({ serviceId: r.service_id, opened: count(r.n) })),
    sessionsByTerminal: byTerminal.map((r) => ({
      terminalId: r.terminal_id,
      sessions: count(r.n),
    })),
    sessionsByMember: byMember.map((r) => ({
      organisationId: r.organisation_id,
      sessions: count(r.n),
    })),
    averageSessionSeconds:
      Number(duration.n ?? 0) === 0 ? null : Math.round(Number(duration.sum) / Number(duration.n)),
  };
}
