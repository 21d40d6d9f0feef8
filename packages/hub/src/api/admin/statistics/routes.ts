import { StatisticsResponse } from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../../http.js';
import { adminOf } from '../../http.js';
import { AggregateQuery, authorizeFilter } from './filter.js';
import { counterCasesFor, onlineShare } from './online-share.js';
import { usageStatistics } from './queries.js';

/** Usage aggregates by day, terminal, member and service. */
export function registerStatisticsRoutes(app: HubApp, { db }: HubDeps): void {
  app.get(
    '/statistics',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Usage aggregates',
        querystring: AggregateQuery,
        response: { 200: StatisticsResponse },
      },
    },
    async (request) => {
      const filter = await authorizeFilter(db, adminOf(request), request.query);
      const [usage, counterCases] = await Promise.all([
        usageStatistics(db, filter),
        counterCasesFor(db, filter),
      ]);
      return {
        statistics: {
          ...usage,
          counterCases,
          onlineShare: onlineShare(usage.pinChanges, counterCases),
        },
      };
    },
  );
}
