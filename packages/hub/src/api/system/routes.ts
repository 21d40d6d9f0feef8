import type { HubApp, HubDeps } from '../http.js';

/** Liveness and Prometheus metrics; no authentication, no data. */
export function registerSystemRoutes(app: HubApp, { db, metrics }: HubDeps): void {
  app.get(
    '/healthz',
    { schema: { tags: ['system'], summary: 'Liveness and database reachability' } },
    async () => {
      await db.selectFrom('organisations').select('id').limit(1).execute();
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
