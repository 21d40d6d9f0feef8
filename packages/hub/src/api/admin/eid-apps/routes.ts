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
import { eidAppOf } from '../../../eid-apps/rows.js';
import { findEidApp } from '../../../eid-apps/queries.js';
import { readScope } from '../../../policies.js';
import {
  managedMember,
  managedRecord,
  readableRecord,
  requireEidServer,
} from '../member-records.js';
import { createEidApp, setEidAppArchived, updateEidApp } from './commands.js';
import { EidAppListQuery, EidAppParams } from './schema.js';

export const eidAppTags = ['eid-apps'];

/** An app the actor may see (archived too), or 404 — another member's app does not exist for them. */
export const readableEidApp = async (
  db: HubDb,
  actor: AdminActor,
  id: string,
): Promise<EidAppRow> => readableRecord(await findEidApp(db, id), actor, 'eID app');

export const managedEidApp = async (db: HubDb, actor: AdminActor, id: string): Promise<EidAppRow> =>
  managedRecord(await findEidApp(db, id), actor, 'eID app');

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
      const member = await managedMember(db, actor, request.body.organisationId, 'app');
      requireEidServer(eidServer, 'no app can run');
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
