import { Kysely, Migrator, PostgresAdapter, sql } from 'kysely';
import type { Database } from './schema.js';
import { latestMigrationName, migrationProvider } from './migrations/index.js';
import { sqliteDialect } from './sqlite/dialect.js';
import { postgresDialect } from './postgres/dialect.js';

/** Where the hub keeps its data: a SQLite file in `dataDir`, or PostgreSQL at `databaseUrl`. */
export type StorageTarget =
  | { dataDir: string; databaseUrl?: undefined }
  | { databaseUrl: string; dataDir?: string; schema?: string };

export type HubDb = Kysely<Database>;

/** Whether the hub runs on PostgreSQL, where its hot statements are written for that dialect. */
export const isPostgres = (db: HubDb): boolean =>
  db.getExecutor().adapter instanceof PostgresAdapter;

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens the database and brings it to the newest migration. */
export async function openDatabase(target: StorageTarget): Promise<HubDb> {
  const db = target.databaseUrl ? await openPostgres(target) : openSqlite(target.dataDir);
  try {
    if (target.databaseUrl) await migratePostgresAlone(db, target.schema);
    else await migrateSqliteAlone(db);
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
  return new Kysely<Database>({ dialect: postgresDialect(databaseUrl, schema) });
}

/**
 * Several hub instances starting at once on one PostgreSQL would race to create the schema and
 * Kysely's own migration tables (`create … if not exists` is not atomic there), and one would
 * fail. A session-level advisory lock, held on one pooled connection while the migrations run
 * on the others, lets one instance migrate and the rest find the work done.
 *
 * The migration tables are looked up in the hub's own schema: Kysely otherwise takes a
 * `kysely_migration` table in any schema of the database (another hub's, another app's) for ours.
 */
async function migratePostgresAlone(db: HubDb, schema: string | undefined): Promise<void> {
  await db.connection().execute(async (connection) => {
    const own =
      schema ??
      (await sql<{ name: string }>`select current_schema() as name`.execute(connection)).rows[0]
        ?.name ??
      'public';
    const lock = `sidbox-hub-migrations:${own}`;
    await sql`select pg_advisory_lock(hashtext(${lock}))`.execute(connection);
    try {
      await db.schema.createSchema(own).ifNotExists().execute();
      await migrateDespiteDroppedSchemas(db, own);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${lock}))`.execute(connection);
    }
  });
}

/**
 * Kysely's migrator first lists the tables of every schema, asking has_schema_privilege() of each
 * by name; a schema someone else drops meanwhile (parallel tests do) fails that query before any
 * migration ran. Under the lock that is safe to try again.
 */
async function migrateDespiteDroppedSchemas(db: HubDb, own: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await migrate(db, own);
    } catch (error) {
      const dropped = /schema "([^"]+)" does not exist/.exec(String(error))?.[1];
      if (attempt === 3 || !dropped || dropped === own) throw error;
    }
  }
}

/**
 * Two processes opening one SQLite file at once (a hub and `sidbox hub user add`) would both
 * create the tables; `begin immediate` takes the write lock first, so the second waits and then
 * finds the migrations done. SQLite's DDL is transactional: a failed migration leaves nothing.
 */
async function migrateSqliteAlone(db: HubDb): Promise<void> {
  await sql`begin immediate`.execute(db);
  try {
    await migrate(db);
    await sql`commit`.execute(db);
  } catch (error) {
    await sql`rollback`.execute(db);
    throw error;
  }
}

export type DatabaseReadiness = 'ready' | 'unreachable' | 'behind';

/**
 * Whether the database answers within `timeoutMs` and has every migration this hub knows: what
 * a load balancer asks before sending requests (a pool waiting for a lost server would hang).
 */
export async function databaseReadiness(db: HubDb, timeoutMs = 2_000): Promise<DatabaseReadiness> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<DatabaseReadiness>((resolve) => {
    timer = setTimeout(() => resolve('unreachable'), timeoutMs);
  });
  const asked = sql<{ name: string }>`
    select name from kysely_migration where name = ${latestMigrationName}`
    .execute(db)
    .then(({ rows }): DatabaseReadiness => (rows.length === 1 ? 'ready' : 'behind'))
    .catch((): DatabaseReadiness => 'unreachable');
  try {
    return await Promise.race([asked, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function migrate(db: HubDb, migrationTableSchema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(migrationTableSchema && { migrationTableSchema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`storage: migration failed${name}: ${String(error)}`);
  }
}
