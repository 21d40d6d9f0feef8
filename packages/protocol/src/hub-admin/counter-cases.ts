import { z } from 'zod';

export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .describe('A calendar month, YYYY-MM.');

/** PIN activations / resets a member handled at the counter in one month: a count only. */
export const CounterCases = z.strictObject({
  organisationId: z.uuid(),
  month: Month,
  cases: z.number().int().min(0),
  updatedAt: z.iso.datetime(),
});
export type CounterCases = z.infer<typeof CounterCases>;

export const CounterCaseListResponse = z.strictObject({ counterCases: z.array(CounterCases) });
export type CounterCaseListResponse = z.infer<typeof CounterCaseListResponse>;

export const CounterCasesResponse = z.strictObject({ counterCases: CounterCases });
export type CounterCasesResponse = z.infer<typeof CounterCasesResponse>;
