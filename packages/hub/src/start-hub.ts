import { pino } from 'pino';
import { buildApp } from './app.js';
import { purgeExpiredAdminSessions } from './auth/admin-session.js';
import { purgeExpiredTokenUses } from './auth/terminal-token.js';
import { purgeEndedRateLimits } from './auth/rate-limit.js';
import type { HubDb, StorageTarget } from './db/connect.js';
import { openHubDatabase } from './hub-database.js';
import { createMetrics } from './api/system/metrics.js';
import { defaultUiDir } from './api/ui/routes.js';
import type { HubApp } from './api/http.js';
import { gracefulCloser } from './api/connections.js';
import { parseHubOptions, type HubOptions } from './options.js';
import { logKeyVault, openKeyVault } from './signing/open-key-vault.js';
import { foldTelemetry, retentionCutoffDay } from './telemetry/retention.js';

export interface RunningHub {
  url: string;
  close(): Promise<void>;
}

const purgeIntervalMs = 60_000;
/**
 * A fleet of 100 000 leaves 1 700 used token ids a second to forget: once a minute that was a
 * delete of 100 000 rows which held every heartbeat up for a third of a second. In small bites
 * it goes unnoticed.
 */
const tokenPurgeIntervalMs = 5_000;
/** Retention counts in days: folding old telemetry once an hour is plenty. */
const foldIntervalMs = 60 * 60_000;
/** Rate-limit windows are a minute; an hour-old count is certainly over. */
const rateLimitKeepMs = 60 * 60_000;
/** How long close() lets running requests finish before it cuts their connections. */
const closeGraceMs = 5_000;

/** Structured JSON logs; secrets and cookies are redacted, client addresses never logged. */
function defaultLogger() {
  return pino({
    name: 'sidbox-hub',
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
    },
  });
}

export function storageTarget(o: {
  dataDir?: string;
  databaseUrl?: string;
  databaseSchema?: string;
}): StorageTarget {
  if (o.databaseUrl)
    return { databaseUrl: o.databaseUrl, ...(o.databaseSchema && { schema: o.databaseSchema }) };
  if (o.dataDir) return { dataDir: o.dataDir };
  throw new Error('hub: either dataDir or databaseUrl is required');
}

/** Starts the hub: database (migrated), HTTP API listening, housekeeping timer. */
export async function startHub(
  input: HubOptions,
): Promise<RunningHub & { app: HubApp; db: HubDb }> {
  const options = parseHubOptions(input);
  const db = await openHubDatabase(storageTarget(options));
  // A missing or wrong key-encryption key stops the start here (KeyVaultError).
  const keys = await openKeyVault(db, options).catch(async (error: unknown) => {
    await db.destroy();
    throw error;
  });
  let url = '';
  const app = await buildApp(
    {
      db,
      metrics: createMetrics(),
      publicUrl: () => options.publicUrl ?? url,
      eidServer: options.eidServer,
      timeZone: options.timeZone,
      telemetryRetentionDays: options.telemetryRetentionDays,
    },
    {
      logger: options.logger === undefined ? defaultLogger() : options.logger,
      loginAttemptsPerMinute: options.loginAttemptsPerMinute,
      trustProxy: options.trustProxy,
      uiDir: options.uiDir === undefined ? defaultUiDir() : options.uiDir || undefined,
    },
  ).catch(async (error: unknown) => {
    await db.destroy();
    throw error;
  });
  logKeyVault(app.log, keys);
  const closeServer = gracefulCloser(app.server, closeGraceMs);
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await app.close();
    await db.destroy();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  url = `http://${host}:${port}`;

  const housekeeping = (work: () => Promise<unknown>) => () =>
    void work().catch((error: unknown) => app.log.warn({ err: error }, 'housekeeping failed'));
  const purge = setInterval(
    housekeeping(() =>
      Promise.all([purgeExpiredAdminSessions(db), purgeEndedRateLimits(db, rateLimitKeepMs)]),
    ),
    purgeIntervalMs,
  );
  purge.unref();
  const purgeTokens = setInterval(
    housekeeping(() => purgeExpiredTokenUses(db)),
    tokenPurgeIntervalMs,
  );
  purgeTokens.unref();
  const foldOldTelemetry = () =>
    foldTelemetry(db, retentionCutoffDay(new Date(), options.telemetryRetentionDays)).catch(
      (error: unknown) => app.log.warn({ err: error }, 'folding old telemetry failed'),
    );
  let folding = foldOldTelemetry();
  const fold = setInterval(() => (folding = foldOldTelemetry()), foldIntervalMs);
  fold.unref();

  return {
    url,
    app,
    db,
    async close() {
      clearInterval(purge);
      clearInterval(purgeTokens);
      clearInterval(fold);
      await folding;
      await closeServer(() => app.close());
      await db.destroy();
    },
  };
}
