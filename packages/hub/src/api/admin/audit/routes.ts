import { z } from 'zod';
import { AuditLogResponse } from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../../http.js';
import { adminOf } from '../../http.js';
import { readScope } from '../../../policies.js';
import { presentAuditEntry } from './presenter.js';

const AuditQuery = z.strictObject({
  organisationId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Who changed what, newest first. */
export function registerAuditRoutes(app: HubApp, { db }: HubDeps): void {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log of admin changes',
        querystring: AuditQuery,
        response: { 200: AuditLogResponse },
      },
    },
    async (request) => {
      const scope = readScope(adminOf(request), request.query.organisationId);
      let query = db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
        .selectAll('audit_log')
        .select('users.email as actorEmail')
        .orderBy('audit_log.at', 'desc')
        .orderBy('audit_log.id')
        .limit(request.query.limit);
      if (scope) query = query.where('audit_log.organisation_id', '=', scope);
      return { entries: (await query.execute()).map(presentAuditEntry) };
    },
  );
}
