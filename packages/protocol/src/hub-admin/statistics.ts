import { z } from 'zod';

const count = z.number().int().min(0);

/** Usage aggregates for a filter: counts only, never single events. */
export const Statistics = z.strictObject({
  sessionsPerDay: z.array(z.strictObject({ day: z.iso.date(), sessions: count })),
  sessions: count,
  pinChanges: count,
  eidOutcomes: z.array(z.strictObject({ workflow: z.string(), code: z.string(), count })),
  topServices: z
    .array(z.strictObject({ serviceId: z.string(), opened: count }))
    .describe('The ten most opened services.'),
  sessionsByTerminal: z.array(z.strictObject({ terminalId: z.uuid(), sessions: count })),
  sessionsByMember: z.array(z.strictObject({ organisationId: z.uuid(), sessions: count })),
  averageSessionSeconds: z.number().int().min(0).nullable(),
  counterCases: count
    .nullable()
    .describe('PIN activations / resets at the counter; null for one terminal or training data.'),
  onlineShare: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe(
      'Terminal PIN changes ÷ (those + counter cases); null when there is nothing to compare.',
    ),
});
export type Statistics = z.infer<typeof Statistics>;

export const StatisticsResponse = z.strictObject({ statistics: Statistics });
export type StatisticsResponse = z.infer<typeof StatisticsResponse>;
