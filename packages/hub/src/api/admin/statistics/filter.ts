import { z } from 'zod';
import type { AdminActor } from '../../../auth/actor.js';
import type { HubDb } from '../../../db/connect.js';
import { notFound } from '../../../errors.js';
import { canRead, readScope } from '../../../policies.js';

const Day = z.iso.date();

/** Which events or responses an aggregate covers; shared by statistics and survey results. */
export const AggregateQuery = z.strictObject({
  organisationId: z.uuid().optional(),
  terminalId: z.uuid().optional(),
  from: Day.optional().describe('First day (terminal clock, UTC), inclusive.'),
  to: Day.optional().describe('Last day, inclusive.'),
  training: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Training-mode data instead of real use.'),
});
export type AggregateQuery = z.output<typeof AggregateQuery>;

export interface AggregateFilter {
  organisationId: string | undefined;
  terminalId: string | undefined;
  from: string | undefined;
  to: string | undefined;
  training: number;
}

/** Authorizes the filter: member roles only ever see their own member's data. */
export async function authorizeFilter(
  db: HubDb,
  actor: AdminActor,
  query: AggregateQuery,
): Promise<AggregateFilter> {
  const organisationId = readScope(actor, query.organisationId);
  if (query.terminalId) {
    const terminal = await db
      .selectFrom('terminals')
      .select('organisation_id')
      .where('id', '=', query.terminalId)
      .executeTakeFirst();
    if (!terminal || !canRead(actor, terminal.organisation_id)) throw notFound('terminal');
  }
  return {
    organisationId,
    terminalId: query.terminalId,
    from: query.from,
    to: query.to,
    training: query.training ? 1 : 0,
  };
}
