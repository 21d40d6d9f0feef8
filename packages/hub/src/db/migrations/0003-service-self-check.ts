import type { Kysely } from 'kysely';

/** A catalogue service may be the association's self-check ("Online-Ausweis testen"). */
// Migrations receive an untyped database: they must not depend on today's table types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('services')
    .addColumn('self_check', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
