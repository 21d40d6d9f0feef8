import type { Kysely } from 'kysely';

/**
 * Counter cases: per member and month, how many PIN activations / resets the member's staff
 * handled at the counter. Only a count; nothing about the citizens served.
 */
// Migrations receive an untyped database: they must not depend on today's table types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counter_cases')
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('cases', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('counter_cases_pk', ['organisation_id', 'month'])
    .execute();
}
