import { CounterCaseListResponse, CounterCasesResponse } from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../../http.js';
import { adminOf } from '../../http.js';
import { notFound } from '../../../errors.js';
import { canRead, readScope, requireManage } from '../../../policies.js';
import { findOrganisation } from '../organisations/commands.js';
import { listCounterCases, setCounterCases } from './commands.js';
import { presentCounterCases } from './presenter.js';
import { CounterCaseParams, CounterCaseQuery, SetCounterCasesBody } from './schema.js';

const tags = ['counter-cases'];

/** PIN activations / resets members handled at the counter, for the online share. */
export function registerCounterCaseRoutes(app: HubApp, { db }: HubDeps): void {
  app.get(
    '/counter-cases',
    {
      schema: {
        tags,
        summary: 'Counter cases per member and month',
        querystring: CounterCaseQuery,
        response: { 200: CounterCaseListResponse },
      },
    },
    async (request) => {
      const organisationId = readScope(adminOf(request), request.query.organisationId);
      const rows = await listCounterCases(db, { ...request.query, organisationId });
      return { counterCases: rows.map(presentCounterCases) };
    },
  );

  app.put(
    '/counter-cases/:organisationId/:month',
    {
      schema: {
        tags,
        summary: "Set a member's counter cases for a month (member admin, association admin)",
        params: CounterCaseParams,
        body: SetCounterCasesBody,
        response: { 200: CounterCasesResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      const { organisationId, month } = request.params;
      const org = await findOrganisation(db, organisationId);
      if (!org || org.kind !== 'member' || !canRead(actor, org.id)) throw notFound('member');
      requireManage(actor, org.id);
      const row = await setCounterCases(db, actor, {
        organisationId,
        month,
        cases: request.body.cases,
      });
      return { counterCases: presentCounterCases(row) };
    },
  );
}
