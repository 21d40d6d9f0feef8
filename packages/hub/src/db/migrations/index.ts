import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as counterCases from './0002-counter-cases.js';

/** Every migration, in order. Names sort by their number; never rename or edit a shipped one. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-counter-cases': counterCases,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
