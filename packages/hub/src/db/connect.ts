import { Kysely, Migrator } from 'kysely';
import type { Database } from './schema.js';
import { migrationProvider } from './migrations/index.js';
import { sqliteDialect } from './sqlite/dialect.js';
import { postgresDialect } from './postgres/dialect.js';

/** Where the hub keeps its data: a SQLite file in `dataDir`, or PostgreSQL at `databaseUrl`. */
export type StorageTarget =
  | { dataDir: string; databaseUrl?: undefined }
  | { databaseUrl: string; dataDir?: string; schema?: string };

export type HubDb = Kysely<Database>;

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens the database and brings it to the newest migration. */
export async function openDatabase(target: StorageTarget): Promise<HubDb> {
  const db = target.databaseUrl ? await openPostgres(target) : openSqlite(target.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

function openSqlite(dataDir: string | undefined): HubDb {
  if (!dataDir) throw new Error('storage: a data directory or a DATABASE_URL is required');
  return new Kysely<Database>({ dialect: sqliteDialect(dataDir) });
}

async function openPostgres(target: { databaseUrl: string; schema?: string }): Promise<HubDb> {
  const { databaseUrl, schema } = target;
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('storage: DATABASE_URL must start with postgres:// or postgresql://');
  }
  if (schema !== undefined && !schemaName.test(schema)) {
    throw new Error(`storage: invalid schema name "${schema}"`);
  }
  const db = new Kysely<Database>({ dialect: postgresDialect(databaseUrl, schema) });
  if (schema) await db.schema.createSchema(schema).ifNotExists().execute();
  return db;
}

async function migrate(db: HubDb): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`storage: migration failed${name}: ${String(error)}`);
  }
}
