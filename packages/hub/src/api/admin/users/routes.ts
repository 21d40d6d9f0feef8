import { NoContent, UserListResponse, UserResponse } from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../../http.js';
import { adminOf } from '../../http.js';
import { forbidden, notFound } from '../../../errors.js';
import { canRead, isAssociationAdmin, readScope, requireManage } from '../../../policies.js';
import { createUser, deleteUser } from './commands.js';
import { presentUser } from './presenter.js';
import { CreateUserBody, UserListQuery, UserParams } from './schema.js';

const tags = ['users'];

/** Admin users of the association and the members. */
export function registerUserRoutes(app: HubApp, { db }: HubDeps): void {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Users you may see',
        querystring: UserListQuery,
        response: { 200: UserListResponse },
      },
    },
    async (request) => {
      const scope = readScope(adminOf(request), request.query.organisationId);
      let query = db.selectFrom('users').selectAll().orderBy('email');
      if (scope) query = query.where('organisation_id', '=', scope);
      return { users: (await query.execute()).map(presentUser) };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Add a user',
        body: CreateUserBody,
        response: { 201: UserResponse },
      },
    },
    async (request, reply) => {
      const actor = adminOf(request);
      if (!canRead(actor, request.body.organisationId)) throw notFound('organisation');
      requireManage(actor, request.body.organisationId);
      if (request.body.role === 'association-admin' && !isAssociationAdmin(actor))
        throw forbidden();
      const user = await createUser(db, actor, request.body);
      return reply.status(201).send({ user: presentUser(user) });
    },
  );

  app.delete(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Remove a user',
        params: UserParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const actor = adminOf(request);
      const user = await db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!user || !canRead(actor, user.organisation_id)) throw notFound('user');
      requireManage(actor, user.organisation_id);
      await deleteUser(db, actor, user);
      return reply.status(204).send();
    },
  );
}
