import { LoginResponse, NoContent, SessionResponse } from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../../http.js';
import { adminAuthHook, adminOf } from '../../http.js';
import {
  createAdminSession,
  endAdminSession,
  sessionCookieName,
  sessionLifetimeSeconds,
} from '../../../auth/admin-session.js';
import { verifyPassword } from '../../../auth/passwords.js';
import { HubError } from '../../../errors.js';
import { presentUser } from '../users/presenter.js';
import { LoginBody } from './schema.js';

const cookieOptions = {
  httpOnly: true,
  secure: true,
  sameSite: 'strict' as const,
  path: '/',
};

/** Sign in and out of the admin UI: session cookie plus a CSRF token for changes. */
export function registerAuthRoutes(app: HubApp, { db }: HubDeps, attemptsPerMinute: number) {
  app.post(
    '/api/admin/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
      config: {
        rateLimit: {
          max: attemptsPerMinute,
          timeWindow: 60_000,
          keyGenerator: (request) => `login:${request.ip}`,
        },
      },
    },
    async (request, reply) => {
      const email = request.body.email.toLowerCase();
      const user = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst();
      if (!(await verifyPassword(user?.password_hash, request.body.password)) || !user) {
        throw new HubError('invalid-credentials', 'email or password is wrong');
      }
      const session = await createAdminSession(db, user.id);
      reply.setCookie(sessionCookieName, session.token, {
        ...cookieOptions,
        maxAge: sessionLifetimeSeconds,
      });
      return { user: presentUser(user), csrfToken: session.csrfToken };
    },
  );

  app.register(async (scope: HubApp) => {
    scope.addHook('onRequest', adminAuthHook(db));
    scope.get(
      '/api/admin/session',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user and the CSRF token',
          response: { 200: SessionResponse },
        },
      },
      async (request) => {
        const actor = adminOf(request);
        return {
          user: {
            id: actor.userId,
            organisationId: actor.organisationId,
            email: actor.email,
            role: actor.role,
          },
          csrfToken: actor.csrfToken,
        };
      },
    );
    scope.post(
      '/api/admin/logout',
      { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: NoContent } } },
      async (request, reply) => {
        const token = request.cookies[sessionCookieName];
        if (token) await endAdminSession(db, token);
        reply.clearCookie(sessionCookieName, cookieOptions);
        return reply.status(204).send();
      },
    );
  });
}
