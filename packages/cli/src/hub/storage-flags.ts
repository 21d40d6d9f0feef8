import { UsageError } from '../usage-error.js';

/** Where the hub's data is: `DATABASE_URL` (PostgreSQL) wins, else SQLite in `--data`. */
export function storageFromFlags(data: string | undefined): {
  dataDir?: string;
  databaseUrl?: string;
} {
  const databaseUrl = process.env['DATABASE_URL'];
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl))
      throw new UsageError('DATABASE_URL must start with postgres:// or postgresql://');
    return { databaseUrl };
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
