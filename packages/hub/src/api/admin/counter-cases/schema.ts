import { z } from 'zod';
import { Month } from '@sidbox/protocol';

export const CounterCaseParams = z.strictObject({ organisationId: z.uuid(), month: Month });

export const SetCounterCasesBody = z.strictObject({
  cases: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .describe('PIN activations / resets handled at the counter in that month.'),
});

export const CounterCaseQuery = z.strictObject({
  organisationId: z.uuid().optional(),
  from: Month.optional().describe('First month, inclusive.'),
  to: Month.optional().describe('Last month, inclusive.'),
});
