import type { Kysely } from 'kysely';

/**
 * Daily aggregates of telemetry: raw events older than the hub's retention are folded into one
 * row per day, terminal and kind of event, and the statistics read both. Columns the statistics
 * group by are '' rather than NULL where absent, so they can be part of the primary key.
 */
// Migrations receive an untyped database: they must not depend on today's table types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('telemetry_daily')
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('terminal_id', 'varchar(36)', (c) =>
      c.notNull().references('terminals.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('training', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(30)', (c) => c.notNull())
    .addColumn('service_id', 'varchar(63)', (c) => c.notNull())
    .addColumn('workflow', 'varchar(20)', (c) => c.notNull())
    .addColumn('outcome_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    // Sum and count of the session durations, so the average stays exact after folding.
    .addColumn('duration_sum', 'bigint', (c) => c.notNull())
    .addColumn('duration_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('telemetry_daily_pk', [
      'day',
      'terminal_id',
      'organisation_id',
      'training',
      'type',
      'service_id',
      'workflow',
      'outcome_code',
    ])
    .execute();
  await db.schema
    .createIndex('telemetry_daily_by_organisation_day')
    .on('telemetry_daily')
    .columns(['organisation_id', 'day'])
    .execute();
  // Folding picks raw events by day alone; without this it would read the whole table.
  await db.schema
    .createIndex('telemetry_events_by_day')
    .on('telemetry_events')
    .column('day')
    .execute();
}
