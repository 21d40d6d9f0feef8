import { z } from 'zod';
import { SurveyAnswer, SurveyStatementId } from '../survey.js';

/** Answer counts per statement: one stacked bar each. */
export const SurveyResults = z.strictObject({
  responses: z.number().int().min(0),
  statements: z.array(
    z.strictObject({
      id: SurveyStatementId,
      counts: z.record(SurveyAnswer, z.number().int().min(0)),
    }),
  ),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

export const SurveyResultsResponse = z.strictObject({ results: SurveyResults });
export type SurveyResultsResponse = z.infer<typeof SurveyResultsResponse>;

/** The CSV export: one row per response. */
export const SurveyExportResponse = {
  description: 'All responses as CSV, one row per response',
  content: { 'text/csv': { schema: z.string() } },
};
