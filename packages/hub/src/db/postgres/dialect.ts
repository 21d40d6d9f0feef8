import pg from 'pg';
import { PostgresDialect, type Dialect } from 'kysely';
import { PreparingClient } from './prepared.js';

/**
 * PostgreSQL through a `pg` pool. `schema` puts every table into that schema (tests use one
 * schema each so they can run in parallel against one database).
 */
export function postgresDialect(databaseUrl: string, schema?: string): Dialect {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    Client: PreparingClient,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return new PostgresDialect({ pool });
}
