import { sql, SqliteAdapter } from 'kysely';
import type { HubDb } from '../db/connect.js';
import { currentSigningKey } from './keys.js';
import { keyVaultOf } from './key-vault.js';
import { readStored } from './envelope.js';

/**
 * At start: opens every stored signing key (a missing or wrong key-encryption key stops the
 * hub here, not at the first signature), seals plaintext keys and keys sealed with a previous
 * KEK with the current one, and makes sure a current key exists. Returns how many were sealed.
 */
export async function sealSigningKeys(db: HubDb): Promise<{ sealed: number }> {
  const vault = keyVaultOf(db);
  const rows = await db.selectFrom('signing_keys').select(['kid', 'private_jwk']).execute();
  for (const row of rows) vault.open(row.kid, row.private_jwk);
  const stale = rows.filter((row) => vault.needsSealing(row.private_jwk));
  let plaintextSealed = false;
  for (const row of stale) {
    plaintextSealed ||= readStored(row.private_jwk) === 'plaintext';
    await db
      .updateTable('signing_keys')
      .set({ private_jwk: vault.store(vault.open(row.kid, row.private_jwk)) })
      .where('kid', '=', row.kid)
      // Another instance re-sealed it meanwhile: theirs stands.
      .where('private_jwk', '=', row.private_jwk)
      .execute();
  }
  if (plaintextSealed) await scrubFreedPages(db);
  await currentSigningKey(db);
  return { sealed: stale.length };
}

/**
 * The plaintext rows just overwritten may live on in free pages and the WAL (SQLite) or as dead
 * row versions (PostgreSQL): rewrite the file or table so the database holds no trace of them.
 */
async function scrubFreedPages(db: HubDb): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`VACUUM`.execute(db);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  } else {
    await sql`VACUUM FULL signing_keys`.execute(db);
  }
}
