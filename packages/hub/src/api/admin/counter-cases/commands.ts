import type { AdminActor } from '../../../auth/actor.js';
import { audit } from '../../../audit.js';
import type { HubDb } from '../../../db/connect.js';
import type { CounterCaseRow } from '../../../db/schema.js';

/** Records (or corrects) a member's counter cases for one month. */
export async function setCounterCases(
  db: HubDb,
  actor: AdminActor | undefined,
  input: { organisationId: string; month: string; cases: number },
): Promise<CounterCaseRow> {
  const row: CounterCaseRow = {
    organisation_id: input.organisationId,
    month: input.month,
    cases: input.cases,
    updated_at: new Date().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('counter_cases')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['organisation_id', 'month'])
          .doUpdateSet({ cases: row.cases, updated_at: row.updated_at }),
      )
      .execute();
    await audit(trx, actor, {
      action: 'counter-cases.set',
      organisationId: row.organisation_id,
      targetId: `${row.organisation_id}/${row.month}`,
      details: { month: row.month, cases: row.cases },
    });
  });
  return row;
}

/** Counter cases per member and month; `organisationId` already limited to what the actor may read. */
export async function listCounterCases(
  db: HubDb,
  filter: {
    organisationId: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
): Promise<CounterCaseRow[]> {
  let query = db.selectFrom('counter_cases').selectAll();
  if (filter.organisationId) query = query.where('organisation_id', '=', filter.organisationId);
  if (filter.from) query = query.where('month', '>=', filter.from);
  if (filter.to) query = query.where('month', '<=', filter.to);
  return query.orderBy('month', 'desc').orderBy('organisation_id').execute();
}
