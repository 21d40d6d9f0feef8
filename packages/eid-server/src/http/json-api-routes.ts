import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthenticationService } from '../authentication-service.js';
import { EidServerError } from '../errors.js';
import { operationNames } from '../operations.js';
import { eServiceOf, requireEService } from './eservice-auth.js';
import { presentOutcome } from './present-result.js';

const selection = z.enum(['REQUIRED', 'ALLOWED', 'PROHIBITED']);

export const sessionRequestSchema = z
  .object({
    operations: z.partialRecord(z.enum(operationNames), selection),
    ageVerification: z
      .object({ age: z.number().int().min(0).max(150) })
      .strict()
      .optional(),
    placeVerification: z
      .object({ communityId: z.string().regex(/^(?:[0-9a-fA-F]{2}){1,7}$/, 'hex digits, 2 to 14') })
      .strict()
      .optional(),
    transactionInfo: z.string().max(1000).optional(),
    refreshAddress: z.url({ protocol: /^https$/ }).max(2000),
    communicationErrorAddress: z
      .url({ protocol: /^https$/ })
      .max(2000)
      .optional(),
  })
  .strict();

const sessionParams = z.object({ session: z.string().regex(/^[0-9a-f]{64}$/, 'a session id') });

/**
 * The eService interface for our own services: POST a session with the wanted data, hand the
 * TC token to the citizen's eID-Client (served from the eService's own origin, or here as tcTokenURL
 * when the service's subjectURL is this server's origin), GET the result once after the RefreshAddress.
 */
export function registerJsonApiRoutes(
  app: FastifyInstance,
  authentications: AuthenticationService,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireEService(() => authentications.services());

  api.post(
    '/api/v1/sessions',
    { onRequest, schema: { body: sessionRequestSchema } },
    async (request, reply) => {
      const service = eServiceOf(request);
      const started = authentications.start(service, request.body);
      return reply.status(201).send({
        sessionId: started.sessionId,
        tcTokenURL: started.tcTokenUrl,
        tcToken: started.tcToken,
        expiresAt: started.expiresAt.toISOString(),
      });
    },
  );

  api.get(
    '/api/v1/sessions/:session/result',
    { onRequest, schema: { params: sessionParams } },
    async (request, reply) => {
      const service = eServiceOf(request);
      const lookup = authentications.takeResult(service, request.params.session);
      reply.header('cache-control', 'no-store');
      switch (lookup.kind) {
        case 'unknown':
        case 'stale-counter':
          throw new EidServerError(
            'not-found',
            'no such session, its result was read, or it expired',
          );
        case 'pending':
          return reply.status(202).send({ status: 'pending' });
        case 'finished':
          return reply.send(presentOutcome(lookup.outcome));
      }
    },
  );
}
