import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * A platform's client secret sealed with the key-encryption key (a JSON envelope of ~170
 * characters) no longer fits the 100 characters the column had on PostgreSQL. SQLite does not
 * enforce a varchar's length: nothing to do there.
 */
// Migrations receive an untyped database: they must not depend on today's table types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`ALTER TABLE oidc_clients ALTER COLUMN client_secret TYPE text`.execute(db);
}
