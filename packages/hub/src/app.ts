import { validationSummary } from '@sidbox/runtime';
import Fastify, { type FastifyBaseLogger, type FastifyError } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { HubError } from './errors.js';
import { databaseRateLimitStore } from './auth/rate-limit.js';
import {
  adminAuthHook,
  sendError,
  terminalAuthHook,
  type HubApp,
  type HubDeps,
} from './api/http.js';
import { registerSystemRoutes } from './api/system/routes.js';
import { registerAuthRoutes } from './api/admin/auth/routes.js';
import { registerOrganisationRoutes } from './api/admin/organisations/routes.js';
import { registerUserRoutes } from './api/admin/users/routes.js';
import { registerTerminalRoutes } from './api/admin/terminals/routes.js';
import { registerServiceRoutes } from './api/admin/services/routes.js';
import { registerCounterCaseRoutes } from './api/admin/counter-cases/routes.js';
import { registerStatisticsRoutes } from './api/admin/statistics/routes.js';
import { registerSurveyRoutes } from './api/admin/surveys/routes.js';
import { registerAuditRoutes } from './api/admin/audit/routes.js';
import { registerSigningKeyRoutes } from './api/admin/signing-keys/routes.js';
import { registerTerminalApiRoutes } from './api/terminal/routes.js';
import { registerEidAppRoutes } from './api/admin/eid-apps/routes.js';
import { registerAccessAdminRoutes } from './api/admin/eid-apps/access-routes.js';
import { registerOidcClientRoutes } from './api/admin/oidc-clients/routes.js';
import { eidServerAuthHook, registerEidServerRoutes } from './api/eid-server/routes.js';
import { registerEidServerOidcRoutes } from './api/eid-server/oidc-clients-routes.js';
import { accessPointAuthHook, registerAccessRoutes } from './api/access/routes.js';
import { registerUiRoutes } from './api/ui/routes.js';

export interface AppOptions {
  logger: FastifyBaseLogger | false;
  /** Login attempts per minute and client before 429. */
  loginAttemptsPerMinute: number;
  /** Addresses of reverse proxies whose X-Forwarded-For names the client; none: no proxy. */
  trustProxy?: string[] | undefined;
  /** Directory of the built admin UI; none serves a hint how to build it. */
  uiDir: string | undefined;
}

const bodyLimitBytes = 512 * 1024;

/** Builds the hub's HTTP API: plugins, error mapping at the edge, every resource's routes. */
export async function buildApp(deps: HubDeps, options: AppOptions): Promise<HubApp> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: bodyLimitBytes,
    trustProxy: options.trustProxy?.length ? options.trustProxy : false,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const mapped = toHubError(error);
    if (mapped.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(reply, mapped);
  });
  app.setNotFoundHandler((_request, reply) =>
    sendError(reply, new HubError('not-found', 'no such route')),
  );
  app.addHook('onResponse', async (request, reply) => {
    deps.metrics.httpRequests
      .labels(request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    // In the database: several hub instances share one count.
    store: databaseRateLimitStore(deps.db),
    errorResponseBuilder: (_request, context) =>
      new HubError('rate-limited', `too many attempts, retry in ${context.after}`),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'SIDbox hub API', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sidbox_session' },
          terminal: { type: 'http', scheme: 'bearer', bearerFormat: 'EdDSA JWT' },
          eidServer: { type: 'http', scheme: 'bearer', description: 'the eID-Server key' },
          accessPoint: { type: 'http', scheme: 'bearer', description: "an access point's token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerSystemRoutes(app, deps);
  await registerUiRoutes(app, options.uiDir);
  registerAuthRoutes(app, deps, options.loginAttemptsPerMinute);
  await app.register(
    async (admin: HubApp) => {
      admin.addHook('onRequest', adminAuthHook(deps.db));
      for (const register of [
        registerOrganisationRoutes,
        registerUserRoutes,
        registerTerminalRoutes,
        registerServiceRoutes,
        registerStatisticsRoutes,
        registerCounterCaseRoutes,
        registerSurveyRoutes,
        registerAuditRoutes,
        registerSigningKeyRoutes,
        registerEidAppRoutes,
        registerAccessAdminRoutes,
        registerOidcClientRoutes,
      ]) {
        register(admin, deps);
      }
    },
    { prefix: '/api/admin' },
  );
  await app.register(
    async (terminal: HubApp) => {
      terminal.addHook('onRequest', terminalAuthHook(deps.db));
      registerTerminalApiRoutes(terminal, deps);
    },
    { prefix: '/api/terminal' },
  );
  await app.register(
    async (eidServer: HubApp) => {
      eidServer.addHook('onRequest', eidServerAuthHook(deps.eidServer));
      registerEidServerRoutes(eidServer, deps);
      registerEidServerOidcRoutes(eidServer, deps);
    },
    { prefix: '/api/eid-server' },
  );
  await app.register(
    async (access: HubApp) => {
      access.addHook('onRequest', accessPointAuthHook(deps.db));
      registerAccessRoutes(access, deps);
    },
    { prefix: '/api/access' },
  );
  return app;
}

/** Maps anything thrown to a named error; only the unexpected becomes 500. */
function toHubError(error: FastifyError): HubError {
  if (error instanceof HubError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new HubError('invalid-request', validationSummary(error));
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return new HubError('payload-too-large', error.message);
  if (status === 415) return new HubError('unsupported-media-type', error.message);
  if (status === 429) return new HubError('rate-limited', error.message);
  if (status >= 400 && status < 500) return new HubError('invalid-request', error.message);
  return new HubError('internal', 'internal error');
}
