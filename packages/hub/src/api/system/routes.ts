import { databaseReadiness } from '../../db/connect.js';
import { HubError } from '../../errors.js';
import type { HubApp, HubDeps } from '../http.js';

const notReady = {
  unreachable: 'the database does not answer',
  behind: 'the database lacks migrations this hub needs',
} as const;

/** Readiness and Prometheus metrics; no authentication, no data. */
export function registerSystemRoutes(app: HubApp, { db, metrics }: HubDeps): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: 'Ready: the database answers and is migrated (503 otherwise)',
      },
    },
    async () => {
      const readiness = await databaseReadiness(db);
      if (readiness !== 'ready') throw new HubError('not-ready', notReady[readiness]);
      return { status: 'ok' };
    },
  );

  app.get(
    '/metrics',
    { schema: { tags: ['system'], summary: 'Prometheus metrics', hide: true } },
    async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
