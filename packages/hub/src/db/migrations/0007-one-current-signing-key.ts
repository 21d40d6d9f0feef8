import { sql, type Kysely } from 'kysely';

/**
 * At most one signing key without `retired_at`: hub instances that start at once on an empty
 * database, or rotate at once, must not end up signing with two different keys.
 */
// Migrations receive an untyped database: they must not depend on today's table types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // A database that already has two current keys (that race, before this migration) keeps the
  // oldest: terminals enrolled first trust it.
  await sql`
    UPDATE signing_keys SET retired_at = created_at
    WHERE retired_at IS NULL AND kid <> (
      SELECT kid FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at, kid LIMIT 1
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX signing_keys_one_current ON signing_keys ((coalesce(retired_at, '')))
    WHERE retired_at IS NULL`.execute(db);
}
