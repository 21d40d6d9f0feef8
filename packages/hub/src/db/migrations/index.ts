import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as counterCases from './0002-counter-cases.js';
import * as serviceSelfCheck from './0003-service-self-check.js';
import * as eidApps from './0004-eid-apps.js';
import * as oidcClients from './0005-oidc-clients.js';
import * as rateLimits from './0006-rate-limits.js';
import * as oneCurrentSigningKey from './0007-one-current-signing-key.js';
import * as telemetryDaily from './0008-telemetry-daily.js';
import * as sealedClientSecrets from './0009-sealed-client-secrets.js';

/** Every migration, in order. Names sort by their number; never rename or edit a shipped one. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-counter-cases': counterCases,
  '0003-service-self-check': serviceSelfCheck,
  '0004-eid-apps': eidApps,
  '0005-oidc-clients': oidcClients,
  '0006-rate-limits': rateLimits,
  '0007-one-current-signing-key': oneCurrentSigningKey,
  '0008-telemetry-daily': telemetryDaily,
  '0009-sealed-client-secrets': sealedClientSecrets,
};

/** The newest migration: a database without it is not ready for this hub's code. */
export const latestMigrationName = Object.keys(migrations).sort().at(-1) as string;

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
