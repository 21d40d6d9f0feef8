import { OrganisationListResponse, OrganisationResponse } from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../../http.js';
import { adminOf } from '../../http.js';
import { notFound } from '../../../errors.js';
import { canRead, isAssociationAdmin, requireAssociationAdmin } from '../../../policies.js';
import { createMember, findOrganisation, updateOrganisation } from './commands.js';
import { presentOrganisation } from './presenter.js';
import { CreateOrganisationBody, OrganisationParams, UpdateOrganisationBody } from './schema.js';

const tags = ['organisations'];

/** The association and its members. */
export function registerOrganisationRoutes(app: HubApp, { db }: HubDeps): void {
  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Organisations you may see',
        response: { 200: OrganisationListResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      let query = db.selectFrom('organisations').selectAll().orderBy('kind').orderBy('name');
      if (!isAssociationAdmin(actor)) query = query.where('id', '=', actor.organisationId);
      return { organisations: (await query.execute()).map(presentOrganisation) };
    },
  );

  app.get(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'One organisation',
        params: OrganisationParams,
        response: { 200: OrganisationResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      const org = await findOrganisation(db, request.params.id);
      if (!org || !canRead(actor, org.id)) throw notFound('organisation');
      return { organisation: presentOrganisation(org) };
    },
  );

  app.post(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Add a member (association admin)',
        body: CreateOrganisationBody,
        response: { 201: OrganisationResponse },
      },
    },
    async (request, reply) => {
      const actor = adminOf(request);
      requireAssociationAdmin(actor);
      const org = await createMember(db, actor, request.body);
      return reply.status(201).send({ organisation: presentOrganisation(org) });
    },
  );

  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Change name, membership status or fee (association admin)',
        params: OrganisationParams,
        body: UpdateOrganisationBody,
        response: { 200: OrganisationResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      if (!canRead(actor, request.params.id)) throw notFound('organisation');
      requireAssociationAdmin(actor);
      const org = await updateOrganisation(db, actor, request.params.id, request.body);
      return { organisation: presentOrganisation(org) };
    },
  );
}
