import type { FastifyInstance } from 'fastify';
import type { AuthenticationService } from '../authentication-service.js';
import { EidServerError } from '../errors.js';
import type { PskIdentities } from './tls.js';

/** The eID-Client's side: the TC token (certificate TLS) and PAOS (TLS-PSK only). */
export function registerPaosRoutes(
  app: FastifyInstance,
  authentications: AuthenticationService,
  psk: PskIdentities,
): void {
  app.get<{ Params: { session: string } }>('/tc-token/:session', async (request, reply) => {
    const token = authentications.tcToken(request.params.session);
    if (token === undefined)
      throw new EidServerError('not-found', 'no such session, or it has started');
    return reply.type('text/xml; charset=utf-8').header('cache-control', 'no-store').send(token);
  });

  app.post('/paos', async (request, reply) => {
    const identity = psk.identityOf(request.raw.socket);
    if (identity === undefined) {
      throw new EidServerError('forbidden', 'PAOS needs the TLS-PSK channel of a TC token');
    }
    if (typeof request.body !== 'string') {
      throw new EidServerError('unsupported-media-type', 'PAOS messages are XML');
    }
    const answer = authentications.paos(identity, request.body);
    return reply.type('application/vnd.paos+xml; charset=utf-8').send(answer);
  });
}
