import { sql } from 'kysely';
import { isPostgres, type HubDb } from '../db/connect.js';

/** How long raw telemetry events are kept before they are folded into daily aggregates. */
export const defaultTelemetryRetentionDays = 90;

/**
 * The first day (UTC, `YYYY-MM-DD`) whose raw events are still kept: events of earlier days are
 * folded, and an event arriving for such a day is not stored, as its id can no longer be checked
 * against what was folded (storing it could count a redelivery twice).
 */
export function retentionCutoffDay(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * 86_400_000).toISOString().slice(0, 10);
}

// Raw columns the statistics read, '' for absent ones (they are part of the aggregate's key).
const groupColumns = sql`day, terminal_id, organisation_id, training, type,
  coalesce(service_id, ''), coalesce(workflow, ''), coalesce(outcome_code, '')`;
const dailyColumns = sql`day, terminal_id, organisation_id, training, type, service_id, workflow,
  outcome_code, events, duration_sum, duration_count`;
const aggregateColumns = sql`count(*), coalesce(sum(duration_seconds), 0), count(duration_seconds)`;
const addToExisting = sql`on conflict (day, terminal_id, organisation_id, training, type,
  service_id, workflow, outcome_code) do update set
  events = telemetry_daily.events + excluded.events,
  duration_sum = telemetry_daily.duration_sum + excluded.duration_sum,
  duration_count = telemetry_daily.duration_count + excluded.duration_count`;

/**
 * Folds one day's raw events into `telemetry_daily` and deletes them, atomically. On PostgreSQL
 * the delete hands its rows to the insert in one statement, so two hub instances folding at once
 * cannot count a row twice (the second finds it gone).
 */
async function foldDay(db: HubDb, day: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`with gone as (delete from telemetry_events where day = ${day} returning *)
      insert into telemetry_daily (${dailyColumns})
      select ${groupColumns}, ${aggregateColumns} from gone group by ${groupColumns}
      ${addToExisting}`.execute(db);
    return;
  }
  await db.transaction().execute(async (trx) => {
    await sql`insert into telemetry_daily (${dailyColumns})
      select ${groupColumns}, ${aggregateColumns} from telemetry_events where day = ${day}
      group by ${groupColumns} ${addToExisting}`.execute(trx);
    await trx.deleteFrom('telemetry_events').where('day', '=', day).execute();
  });
}

/** Folds every day before `cutoffDay`, oldest first, one day per transaction; returns the days. */
export async function foldTelemetry(db: HubDb, cutoffDay: string): Promise<number> {
  let folded = 0;
  for (;;) {
    const { day } = await db
      .selectFrom('telemetry_events')
      .select((eb) => eb.fn.min('day').as('day'))
      .where('day', '<', cutoffDay)
      .executeTakeFirstOrThrow();
    if (!day) return folded;
    await foldDay(db, day);
    folded += 1;
  }
}
