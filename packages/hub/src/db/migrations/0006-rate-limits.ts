import type { Kysely } from 'kysely';

/**
 * Rate-limit counters in the database, so that every hub instance counts the same attempts
 * (login, enrollment): one row per limited key, its window's start and its hits.
 */
// Migrations receive an untyped database: they must not depend on today's table types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('window_started_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limits_by_window')
    .on('rate_limits')
    .column('window_started_at')
    .execute();
}
