import { NoContent, ServiceListResponse, ServiceResponse } from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../../http.js';
import { adminOf } from '../../http.js';
import type { AdminActor } from '../../../auth/actor.js';
import type { ServiceRow } from '../../../db/schema.js';
import { notFound } from '../../../errors.js';
import { canRead, readScope, requireAssociationAdmin, requireManage } from '../../../policies.js';
import { archiveService, createService, findService, replaceService } from './commands.js';
import { presentService } from './presenter.js';
import {
  CreateServiceBody,
  ReplaceServiceBody,
  ServiceListQuery,
  ServiceParams,
} from './schema.js';

const tags = ['catalogue'];

/** National entries belong to the association admin; local ones to their member's admins. */
function requireOwner(actor: AdminActor, organisationId: string | null | undefined): void {
  if (organisationId) requireManage(actor, organisationId);
  else requireAssociationAdmin(actor);
}

const visible = (actor: AdminActor, service: ServiceRow | undefined): service is ServiceRow =>
  !!service && (service.organisation_id === null || canRead(actor, service.organisation_id));

/** The service catalogue: national entries and each member's local entries. */
export function registerServiceRoutes(app: HubApp, { db }: HubDeps): void {
  app.get(
    '/services',
    {
      schema: {
        tags,
        summary: 'National entries and the local entries you may see',
        querystring: ServiceListQuery,
        response: { 200: ServiceListResponse },
      },
    },
    async (request) => {
      const scope = readScope(adminOf(request), request.query.organisationId);
      let query = db.selectFrom('services').selectAll().where('archived', '=', 0).orderBy('id');
      if (scope) {
        query = query.where((eb) =>
          eb.or([eb('organisation_id', 'is', null), eb('organisation_id', '=', scope)]),
        );
      }
      return { services: (await query.execute()).map(presentService) };
    },
  );

  app.post(
    '/services',
    {
      schema: {
        tags,
        summary: 'Add a catalogue entry',
        body: CreateServiceBody,
        response: { 201: ServiceResponse },
      },
    },
    async (request, reply) => {
      const actor = adminOf(request);
      const { organisationId } = request.body;
      if (organisationId && !canRead(actor, organisationId)) throw notFound('organisation');
      requireOwner(actor, organisationId);
      const service = await createService(db, actor, request.body);
      return reply.status(201).send({ service: presentService(service) });
    },
  );

  app.put(
    '/services/:id',
    {
      schema: {
        tags,
        summary: 'Replace a catalogue entry',
        params: ServiceParams,
        body: ReplaceServiceBody,
        response: { 200: ServiceResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      const service = await findService(db, request.params.id);
      if (!visible(actor, service)) throw notFound('service');
      requireOwner(actor, service.organisation_id);
      return { service: presentService(await replaceService(db, actor, service, request.body)) };
    },
  );

  app.delete(
    '/services/:id',
    {
      schema: {
        tags,
        summary: 'Archive a catalogue entry',
        params: ServiceParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const actor = adminOf(request);
      const service = await findService(db, request.params.id);
      if (!visible(actor, service)) throw notFound('service');
      requireOwner(actor, service.organisation_id);
      await archiveService(db, actor, service);
      return reply.status(204).send();
    },
  );
}
