import { createHash, timingSafeEqual } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';
import type { LoadedService } from '../config/load.js';
import { EidServerError } from '../errors.js';

/**
 * Which eService is calling: by its API key (`Authorization: Bearer <key>`) or by the SHA-256 of
 * the client certificate it presented (mutual TLS). Keys are compared in constant time.
 */
function authenticateEService(
  request: FastifyRequest,
  services: Iterable<LoadedService>,
): LoadedService {
  const bearer = /^Bearer ([\x21-\x7e]{1,512})$/.exec(request.headers.authorization ?? '')?.[1];
  const certificate = clientCertificateSha256(request.raw.socket as TLSSocket);
  for (const service of services) {
    if (bearer !== undefined && service.apiKey !== undefined && sameKey(service.apiKey, bearer))
      return service;
    if (certificate !== undefined && service.clientCertificateSha256 === certificate)
      return service;
  }
  throw new EidServerError(
    'not-authenticated',
    'an eService key or client certificate is required',
  );
}

function sameKey(expected: Buffer, given: string): boolean {
  const digest = (value: Buffer) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(Buffer.from(given)));
}

function clientCertificateSha256(socket: TLSSocket): string | undefined {
  const raw =
    typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate().raw : undefined;
  return raw === undefined ? undefined : createHash('sha256').update(raw).digest('hex');
}

const callers = new WeakMap<FastifyRequest, LoadedService>();

/**
 * An `onRequest` hook: the caller is known before its body is read or validated, so a request
 * without a valid key learns nothing about the interface's schema.
 */
export function requireEService(services: () => Iterable<LoadedService>) {
  return async (request: FastifyRequest): Promise<void> => {
    callers.set(request, authenticateEService(request, services()));
  };
}

/** The eService `requireEService` authenticated for this request. */
export function eServiceOf(request: FastifyRequest): LoadedService {
  const service = callers.get(request);
  if (service === undefined)
    throw new EidServerError(
      'not-authenticated',
      'an eService key or client certificate is required',
    );
  return service;
}
