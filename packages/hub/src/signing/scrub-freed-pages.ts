import { sql, SqliteAdapter } from 'kysely';
import type { HubDb } from '../db/connect.js';

/**
 * Plaintext keys and client secrets just overwritten with sealed ones may live on in free pages
 * and the WAL (SQLite) or as dead row versions (PostgreSQL): rewrite the file or the tables so
 * the database holds no trace of them.
 */
export async function scrubFreedPages(db: HubDb): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`VACUUM`.execute(db);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  } else {
    await sql`VACUUM FULL signing_keys, oidc_clients`.execute(db);
  }
}
