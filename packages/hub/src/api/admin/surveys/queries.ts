import {
  surveyAnswers,
  surveyStatementIds,
  type SurveyAnswer,
  type SurveyResults,
  type SurveyStatementId,
} from '@sidbox/protocol';
import type { HubDb } from '../../../db/connect.js';
import type { AggregateFilter } from '../statistics/filter.js';

/** Survey statement ids as table columns. */
export const statementColumns = {
  informative: 'informative',
  'shows-uses': 'shows_uses',
  faster: 'faster',
  'permanent-terminal': 'permanent_terminal',
  'frees-staff': 'frees_staff',
  'security-concerns': 'security_concerns',
} as const satisfies Record<SurveyStatementId, string>;

export function responses(db: HubDb, filter: AggregateFilter) {
  let query = db
    .selectFrom('survey_responses')
    .where('survey_responses.training', '=', filter.training);
  if (filter.organisationId)
    query = query.where('survey_responses.organisation_id', '=', filter.organisationId);
  if (filter.terminalId)
    query = query.where('survey_responses.terminal_id', '=', filter.terminalId);
  if (filter.from) query = query.where('survey_responses.day', '>=', filter.from);
  if (filter.to) query = query.where('survey_responses.day', '<=', filter.to);
  return query;
}

/** Answer counts per statement: one stacked bar each, like the seed's slides. */
export async function surveyResults(db: HubDb, filter: AggregateFilter): Promise<SurveyResults> {
  const total = await responses(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const statements = await Promise.all(
    surveyStatementIds.map(async (id) => {
      const column = statementColumns[id];
      const rows = await responses(db, filter)
        .select([`survey_responses.${column} as answer`, (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(`survey_responses.${column}`)
        .execute();
      const counts = Object.fromEntries(surveyAnswers.map((a) => [a, 0])) as Record<
        SurveyAnswer,
        number
      >;
      for (const row of rows) {
        if (row.answer in counts) counts[row.answer as SurveyAnswer] = Number(row.n);
      }
      return { id, counts };
    }),
  );
  return { responses: Number(total.n), statements };
}
