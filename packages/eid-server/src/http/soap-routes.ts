import type { FastifyInstance } from 'fastify';
import type { AuthenticationService } from '../authentication-service.js';
import type { GetResultOutcome } from '../authentication-result.js';
import type { LoadedService } from '../config/load.js';
import { parseCvc } from '../cvc/certificate.js';
import { decodeChat } from '../cvc/chat.js';
import { EidServerError } from '../errors.js';
import {
  eidResultMinor,
  getResultResponse,
  getServerInfoResponse,
  parseEServiceRequest,
  soapFault,
  SoapError,
  useIdErrorResponse,
  useIdResponse,
  type UseIdRequest,
} from '../eservice/soap.js';
import { operationNames, type OperationName } from '../operations.js';
import { accessFor, unavailableOperations } from '../request/plan.js';
import type { ResultLookup } from '../session/session-store.js';
import { eServiceOf, requireEService } from './eservice-auth.js';

const SERVER_VERSION = { versionString: 'SIDbox eID-Server, TR-03130 2.0', major: 2, minor: 0 };

/**
 * The TR-03130 eID-Server Web Service for existing eServices: useID, getResult, getServerInfo
 * over SOAP 1.1. The eService serves the TC token itself (the PSK and the eCardServerAddress
 * come back from useID) and reads the result once with an increasing RequestCounter.
 */
export function registerSoapRoutes(
  app: FastifyInstance,
  authentications: AuthenticationService,
): void {
  const onRequest = requireEService(() => authentications.services());
  app.post('/eservice', { onRequest }, async (request, reply) => {
    const service = eServiceOf(request);
    reply.type('text/xml; charset=utf-8').header('cache-control', 'no-store');
    let parsed;
    try {
      parsed = parseEServiceRequest(typeof request.body === 'string' ? request.body : '');
    } catch (error) {
      const message = error instanceof SoapError ? error.message : 'malformed request';
      return reply.status(500).send(soapFault('Client', message));
    }
    switch (parsed.operation) {
      case 'useID':
        return reply.send(useId(authentications, service, parsed));
      case 'getResult': {
        const lookup = authentications.takeResult(
          service,
          parsed.sessionId.toString('utf8'),
          parsed.requestCounter,
        );
        return reply.send(getResultResponse(getResultOutcome(lookup)));
      }
      case 'getServerInfo':
        return reply.send(
          getServerInfoResponse({
            ...SERVER_VERSION,
            documentVerificationRights: rightsOf(service),
          }),
        );
    }
  });
}

function useId(
  authentications: AuthenticationService,
  service: LoadedService,
  request: UseIdRequest,
): string {
  const notOffered = [
    ...request.unsupportedOperations,
    ...unavailableOperations.filter((operation) => request.operations[operation] === 'REQUIRED'),
  ];
  if (notOffered.length > 0) {
    return useIdErrorResponse(
      eidResultMinor.missingTerminalRights,
      `not offered: ${notOffered.join(', ')}`,
    );
  }
  try {
    const started = authentications.start(service, {
      operations: request.operations,
      ...(request.ageVerificationAge !== undefined && {
        ageVerification: { age: request.ageVerificationAge },
      }),
      ...(request.placeVerificationCommunityId !== undefined && {
        placeVerification: { communityId: request.placeVerificationCommunityId },
      }),
      ...(request.transactionInfo !== undefined && { transactionInfo: request.transactionInfo }),
      ...(request.psk !== undefined && { psk: request.psk }),
    });
    return useIdResponse({
      sessionId: Buffer.from(started.sessionId, 'utf8'),
      eCardServerAddress: authentications.paosUrl,
      psk: { id: started.sessionId, key: started.psk },
    });
  } catch (error) {
    if (!(error instanceof EidServerError)) throw error;
    const minor =
      error.code === 'too-many-sessions'
        ? eidResultMinor.tooManyOpenSessions
        : eidResultMinor.missingArgument;
    return useIdErrorResponse(minor, error.message);
  }
}

/** A finished session as TR-03130 reports it; a document that failed its checks is no result. */
function getResultOutcome(lookup: ResultLookup): GetResultOutcome {
  switch (lookup.kind) {
    case 'unknown':
      return { status: 'not-found' };
    case 'stale-counter':
      return { status: 'invalid-counter' };
    case 'pending':
      return { status: 'not-ready' };
    case 'finished':
      break;
  }
  const { outcome } = lookup;
  switch (outcome.kind) {
    case 'cancelled':
      return { status: 'cancelled' };
    case 'failed':
      return outcome.reason === 'passive-authentication'
        ? { status: 'invalid-document' }
        : { status: 'failed' };
    case 'success':
      return outcome.result.documentValidity === false
        ? { status: 'invalid-document' }
        : { status: 'done', result: outcome.result };
  }
}

/** What the service's authorization certificate lets it ask for (getServerInfo). */
function rightsOf(service: LoadedService): OperationName[] {
  const atCertificate = service.credentials.certificates.at(-1);
  if (atCertificate === undefined) return [];
  const granted = decodeChat(parseCvc(atCertificate).body.chat).rights;
  return operationNames.filter((operation) => {
    const access = accessFor(operation);
    return access !== undefined && granted.has(access.right);
  });
}
