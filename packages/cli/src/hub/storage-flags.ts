import { UsageError } from '../usage-error.js';

/**
 * Where the hub's data is: `DATABASE_URL` (PostgreSQL, in the schema `DATABASE_SCHEMA` if set)
 * wins, else SQLite in `--data`.
 */
export function storageFromFlags(data: string | undefined): {
  dataDir?: string;
  databaseUrl?: string;
  databaseSchema?: string;
} {
  const databaseUrl = process.env['DATABASE_URL'];
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl))
      throw new UsageError('DATABASE_URL must start with postgres:// or postgresql://');
    const databaseSchema = process.env['DATABASE_SCHEMA'];
    return { databaseUrl, ...(databaseSchema && { databaseSchema }) };
  }
  if (!data) throw new UsageError('--data <dir> is required (or DATABASE_URL for PostgreSQL)');
  return { dataDir: data };
}

export function portFromFlag(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError('--port must be a whole number between 0 and 65535');
  return port;
}
