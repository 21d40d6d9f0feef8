import { validationSummary } from '@sidbox/runtime';
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { AuthenticationService } from '../authentication-service.js';
import type { LoadedConfig } from '../config/load.js';
import { EidServerError } from '../errors.js';
import type { AppDirectory } from '../apps/app-directory.js';
import { defaultAppDirectory } from '../apps/hub-app-directory.js';
import { registerAppRoutes } from '../apps/routes.js';
import type { OidcClientDirectory } from '../oidc/client-directory.js';
import { registerOidcRoutes, type OidcGauges } from '../oidc/routes.js';
import { registerPageAssets } from '../pages/assets.js';
import { registerPhoneCheckRoutes } from '../phone-check/routes.js';
import { registerSelfCheckRoutes } from '../self-check/routes.js';
import { registerJsonApiRoutes } from './json-api-routes.js';
import { registerPaosRoutes } from './paos-routes.js';
import { registerSoapRoutes } from './soap-routes.js';
import { httpsOptions, PskIdentities } from './tls.js';

export interface AppDeps {
  config: LoadedConfig;
  authentications: AuthenticationService;
  logger: Logger;
  /** Where the members' apps come from; by default the configured hub, cached. */
  directory?: AppDirectory;
  /** Where the members' OIDC platforms come from; by default the configured hub, cached. */
  oidcClients?: OidcClientDirectory;
  /** The clock of the apps' page tokens and hand-over codes, and of the phone checks (ms). */
  now?: () => number;
}

const XML_TYPES = [
  'application/vnd.paos+xml',
  'text/xml',
  'application/xml',
  'application/soap+xml',
];

/** Small bodies only: PAOS messages and eService requests are a few KiB. */
const bodyLimitBytes = 256 * 1024;

/** The eID-Server's one HTTPS port: TC tokens, PAOS over TLS-PSK, the eService interface. */
export async function buildApp(deps: AppDeps) {
  const psk = new PskIdentities(deps.authentications);
  const requestClientCertificate = [...deps.config.services.values()].some(
    (service) => service.clientCertificateSha256 !== undefined,
  );
  const app = Fastify({
    logger: false,
    bodyLimit: bodyLimitBytes,
    trustProxy: false,
    // Errors of the router (an over-long or badly escaped URL) in the house shape, no URL echoed.
    frameworkErrors: (_error, _request, reply) =>
      sendError(reply, new EidServerError('invalid-request', 'the request is malformed')),
    // Requests Node's parser refuses (unknown method, oversized headers): the house shape, and
    // the connection closed so that a keep-alive client does not write into a dead socket.
    clientErrorHandler: (error, socket) => {
      if (!socket.writable) return;
      const tooLarge = (error as NodeJS.ErrnoException).code === 'HPE_HEADER_OVERFLOW';
      socket.end(rawErrorResponse(tooLarge ? 431 : 400));
    },
    https: httpsOptions({
      key: deps.config.tls.key,
      cert: deps.config.tls.certificate,
      requestClientCertificate,
      psk,
    }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const mapped = toEidServerError(error);
    if (mapped.status >= 500) deps.logger.error({ code: error.code }, 'request failed');
    return sendError(reply, mapped);
  });
  app.setNotFoundHandler((_request, reply) =>
    sendError(reply, new EidServerError('not-found', 'no such route')),
  );
  // PAOS (AusweisApp: application/vnd.paos+xml) and the SOAP eService interface arrive as XML text.
  app.addContentTypeParser(XML_TYPES, { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  let oidc: OidcGauges | undefined;
  // What the server holds of citizens in memory right now: eID sessions (with their results
  // until taken) and card claims waiting for a platform's token.
  app.get('/healthz', async () => ({
    status: 'ok',
    openSessions: deps.authentications.openSessions,
    ...(oidc && { oidcClaimsHeld: oidc.claimsHeld() }),
  }));
  registerPaosRoutes(app, deps.authentications, psk);
  registerJsonApiRoutes(app, deps.authentications);
  registerSoapRoutes(app, deps.authentications);
  const { hub, config } = deps.config;
  if (config.selfCheck || hub) registerPageAssets(app);
  if (config.selfCheck) registerSelfCheckRoutes(app, deps);
  // The phone check runs with the self-check's service and pages.
  if (config.selfCheck && config.phoneCheck.enabled) registerPhoneCheckRoutes(app, deps);
  if (hub) {
    registerAppRoutes(app, {
      ...deps,
      directory: deps.directory ?? defaultAppDirectory(hub),
    });
  }
  if (deps.config.oidc) oidc = registerOidcRoutes(app, deps);
  return app;
}

export type EidServerHttp = Awaited<ReturnType<typeof buildApp>>;

function rawErrorResponse(status: 400 | 431): string {
  const body = JSON.stringify({
    error: { code: 'invalid-request', message: 'the request is malformed' },
  });
  const reason = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

export function sendError(reply: FastifyReply, error: EidServerError) {
  return reply.status(error.status).send({ error: { code: error.code, message: error.message } });
}

/** Maps anything thrown to a named error; only the unexpected becomes 500, without details. */
function toEidServerError(error: FastifyError): EidServerError {
  if (error instanceof EidServerError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new EidServerError('invalid-request', validationSummary(error));
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return new EidServerError('payload-too-large', 'the body is too large');
  if (status === 415)
    return new EidServerError('unsupported-media-type', 'unsupported content type');
  if (status >= 400 && status < 500)
    return new EidServerError('invalid-request', 'the request is malformed');
  return new EidServerError('internal', 'internal error');
}
