import type { HubApp, HubDeps } from '../../http.js';
import { adminOf } from '../../http.js';
import { AggregateQuery, authorizeFilter } from './filter.js';
import { usageStatistics } from './queries.js';

/** Usage aggregates by day, terminal, member and service. */
export function registerStatisticsRoutes(app: HubApp, { db }: HubDeps): void {
  app.get(
    '/statistics',
    { schema: { tags: ['statistics'], summary: 'Usage aggregates', querystring: AggregateQuery } },
    async (request) => {
      const filter = await authorizeFilter(db, adminOf(request), request.query);
      return { statistics: await usageStatistics(db, filter) };
    },
  );
}
