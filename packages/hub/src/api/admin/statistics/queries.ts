import type { NotNull } from 'kysely';
import type { Statistics } from '@sidbox/protocol';
import type { HubDb } from '../../../db/connect.js';
import type { AggregateFilter } from './filter.js';

function events(db: HubDb, filter: AggregateFilter) {
  let query = db.selectFrom('telemetry_events').where('training', '=', filter.training);
  if (filter.organisationId) query = query.where('organisation_id', '=', filter.organisationId);
  if (filter.terminalId) query = query.where('terminal_id', '=', filter.terminalId);
  if (filter.from) query = query.where('day', '>=', filter.from);
  if (filter.to) query = query.where('day', '<=', filter.to);
  return query;
}

const count = (value: string | number | bigint) => Number(value);

/** Usage aggregates: counts only, never single events. */
export async function usageStatistics(
  db: HubDb,
  filter: AggregateFilter,
): Promise<Omit<Statistics, 'counterCases' | 'onlineShare'>> {
  const [perDay, pinChanges, outcomes, topServices, byTerminal, byMember, duration] =
    await Promise.all([
      events(db, filter)
        .select(['day', (eb) => eb.fn.countAll<number>().as('n')])
        .where('type', '=', 'session-started')
        .groupBy('day')
        .orderBy('day')
        .execute(),
      events(db, filter)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('type', '=', 'pin-changed')
        .executeTakeFirstOrThrow(),
      events(db, filter)
        .select(['workflow', 'outcome_code', (eb) => eb.fn.countAll<number>().as('n')])
        .where('type', '=', 'eid-outcome')
        .$narrowType<{ workflow: NotNull; outcome_code: NotNull }>()
        .groupBy(['workflow', 'outcome_code'])
        .orderBy('workflow')
        .orderBy('outcome_code')
        .execute(),
      events(db, filter)
        .select(['service_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('type', '=', 'service-opened')
        .$narrowType<{ service_id: NotNull }>()
        .groupBy('service_id')
        .orderBy('n', 'desc')
        .orderBy('service_id')
        .limit(10)
        .execute(),
      events(db, filter)
        .select(['terminal_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('type', '=', 'session-started')
        .groupBy('terminal_id')
        .orderBy('terminal_id')
        .execute(),
      events(db, filter)
        .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('type', '=', 'session-started')
        .groupBy('organisation_id')
        .orderBy('organisation_id')
        .execute(),
      events(db, filter)
        .select((eb) => eb.fn.avg<number | string | null>('duration_seconds').as('avg'))
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
    averageSessionSeconds: duration.avg === null ? null : Math.round(Number(duration.avg)),
  };
}
