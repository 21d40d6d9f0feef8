import {
  CreateEidAppBody,
  EidAppListResponse,
  EidAppResponse,
  UpdateEidAppBody,
} from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../../http.js';
import { adminOf } from '../../http.js';
import type { AdminActor } from '../../../auth/actor.js';
import type { HubDb } from '../../../db/connect.js';
import type { EidAppRow } from '../../../db/schema.js';
import { HubError, notFound } from '../../../errors.js';
import { eidAppOf } from '../../../eid-apps/rows.js';
import { findEidApp } from '../../../eid-apps/queries.js';
import { canRead, isAssociationAdmin, readScope, requireManage } from '../../../policies.js';
import { findOrganisation } from '../organisations/commands.js';
import { createEidApp, setEidAppArchived, updateEidApp } from './commands.js';
import { EidAppListQuery, EidAppParams } from './schema.js';

export const eidAppTags = ['eid-apps'];

/** An app the actor may see (archived too), or 404 — another member's app does not exist for them. */
export async function readableEidApp(db: HubDb, actor: AdminActor, id: string): Promise<EidAppRow> {
  const app = await findEidApp(db, id);
  if (!app || !canRead(actor, app.organisation_id)) throw notFound('eID app');
  return app;
}

export async function managedEidApp(db: HubDb, actor: AdminActor, id: string): Promise<EidAppRow> {
  const app = await readableEidApp(db, actor, id);
  requireManage(actor, app.organisation_id);
  return app;
}

/** Members' eID apps: list, create, change, archive, restore. */
export function registerEidAppRoutes(app: HubApp, { db, eidServer }: HubDeps): void {
  app.get(
    '/eid-apps',
    {
      schema: {
        tags: eidAppTags,
        summary: 'eID apps you may see, archived ones too',
        querystring: EidAppListQuery,
        response: { 200: EidAppListResponse },
      },
    },
    async (request) => {
      const scope = readScope(adminOf(request), request.query.organisationId);
      let query = db.selectFrom('eid_apps').selectAll().orderBy('id');
      if (scope) query = query.where('organisation_id', '=', scope);
      return {
        apps: (await query.execute()).map(eidAppOf),
        eidServerOrigin: eidServer?.origin ?? null,
      };
    },
  );

  app.post(
    '/eid-apps',
    {
      schema: {
        tags: eidAppTags,
        summary: 'Add an eID app to a member (the association admin names the member)',
        body: CreateEidAppBody,
        response: { 201: EidAppResponse },
      },
    },
    async (request, reply) => {
      const actor = adminOf(request);
      const organisationId =
        request.body.organisationId ??
        (isAssociationAdmin(actor) ? undefined : actor.organisationId);
      if (!organisationId)
        throw new HubError('invalid-request', 'organisationId: name the member the app belongs to');
      const member = await findOrganisation(db, organisationId);
      if (!member || member.kind !== 'member' || !canRead(actor, member.id))
        throw notFound('member');
      requireManage(actor, member.id);
      if (!eidServer)
        throw new HubError(
          'eid-server-not-configured',
          'the hub has no eID-Server configured (eidServer option), so no app can run',
        );
      const row = await createEidApp(db, actor, member.id, request.body);
      return reply.status(201).send({ app: eidAppOf(row) });
    },
  );

  app.put(
    '/eid-apps/:id',
    {
      schema: {
        tags: eidAppTags,
        summary: "Change an app's texts and settings (not its kind)",
        params: EidAppParams,
        body: UpdateEidAppBody,
        response: { 200: EidAppResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      const found = await managedEidApp(db, actor, request.params.id);
      return { app: eidAppOf(await updateEidApp(db, actor, found, request.body)) };
    },
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/eid-apps/:id/${action}`,
      {
        schema: {
          tags: eidAppTags,
          summary: archived
            ? 'Archive an app: its tile, pages and door decisions stop'
            : 'Restore an archived app',
          params: EidAppParams,
          response: { 200: EidAppResponse },
        },
      },
      async (request) => {
        const actor = adminOf(request);
        const found = await managedEidApp(db, actor, request.params.id);
        return { app: eidAppOf(await setEidAppArchived(db, actor, found, archived)) };
      },
    );
  }
}
