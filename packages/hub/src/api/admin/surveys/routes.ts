import { SurveyExportResponse, SurveyResultsResponse, surveyStatementIds } from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../../http.js';
import { adminOf } from '../../http.js';
import { AggregateQuery, authorizeFilter } from '../statistics/filter.js';
import { toCsv } from './csv.js';
import { responses, statementColumns, surveyResults } from './queries.js';

const tags = ['surveys'];

/** Citizen survey results and their CSV export. */
export function registerSurveyRoutes(app: HubApp, { db }: HubDeps): void {
  app.get(
    '/surveys/results',
    {
      schema: {
        tags,
        summary: 'Answer counts per statement',
        querystring: AggregateQuery,
        response: { 200: SurveyResultsResponse },
      },
    },
    async (request) => {
      const filter = await authorizeFilter(db, adminOf(request), request.query);
      return { results: await surveyResults(db, filter) };
    },
  );

  app.get(
    '/surveys/export.csv',
    {
      schema: {
        tags,
        summary: 'All responses as CSV',
        querystring: AggregateQuery,
        response: { 200: SurveyExportResponse },
      },
    },
    async (request, reply) => {
      const filter = await authorizeFilter(db, adminOf(request), request.query);
      const rows = await responses(db, filter)
        .innerJoin('terminals', 'terminals.id', 'survey_responses.terminal_id')
        .innerJoin('organisations', 'organisations.id', 'survey_responses.organisation_id')
        .select([
          'survey_responses.day',
          'organisations.slug as member',
          'terminals.name as terminal',
          ...surveyStatementIds.map((id) => `survey_responses.${statementColumns[id]}` as const),
          'survey_responses.comment',
        ])
        .orderBy('survey_responses.day')
        .orderBy('survey_responses.id')
        .execute();
      const csv = toCsv(
        ['day', 'member', 'terminal', ...surveyStatementIds, 'comment'],
        rows.map((r) => [
          r.day,
          r.member,
          r.terminal,
          ...surveyStatementIds.map((id) => r[statementColumns[id]]),
          r.comment,
        ]),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="survey-responses.csv"')
        .send(csv);
    },
  );
}
