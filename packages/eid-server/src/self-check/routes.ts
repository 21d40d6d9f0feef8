import type { FastifyInstance } from 'fastify';
import type { AuthenticationService } from '../authentication-service.js';
import type { LoadedConfig, LoadedService } from '../config/load.js';
import { EidServerError } from '../errors.js';
import type { RequestedOperations } from '../operations.js';
import { eidClientActivation } from '../pages/eid-client.js';
import { chooseLanguage, withLanguage } from '../pages/language.js';
import { pageHeaders, sendPage } from '../pages/send-page.js';
import { newViewToken, ViewTokens } from '../pages/view-tokens.js';
import {
  busyPage,
  cancelledPage,
  failedPage,
  gonePage,
  pendingPage,
  startPage,
  successPage,
} from './pages.js';
import { paths } from './paths.js';
import { SelfCheckError } from './self-check-error.js';

export interface SelfCheckDeps {
  config: LoadedConfig;
  authentications: AuthenticationService;
}

/** Names and, if the citizen leaves them on, date of birth and address: what the page shows. */
export const selfCheckOperations: RequestedOperations = {
  givenNames: 'REQUIRED',
  familyNames: 'REQUIRED',
  dateOfBirth: 'ALLOWED',
  placeOfResidence: 'ALLOWED',
};

interface LanguageQuery {
  Querystring: { lang?: unknown };
}

/** The configured self-check service, which must accept result pages on this server's origin. */
export function selfCheckService(config: LoadedConfig): LoadedService {
  const id = config.config.selfCheck?.service;
  const service = id === undefined ? undefined : config.services.get(id);
  if (service === undefined) throw new SelfCheckError('no-service', 'no self-check service');
  const origin = new URL(config.config.publicOrigin).origin;
  if (![service.subjectOrigin, ...service.refreshAddressOrigins].includes(origin)) {
    throw new SelfCheckError(
      'origin-not-allowed',
      `the self-check service must allow ${origin} as RefreshAddress origin (subjectURL or refreshAddressOrigins)`,
    );
  }
  return service;
}

/**
 * "Online-Ausweis testen": a start page, a link that starts an authentication and hands its TC
 * token to the local eID-Client, and a result page that shows what the card said, once.
 * Session ids never appear in a page address; results are never stored beyond the session's.
 */
export function registerSelfCheckRoutes(app: FastifyInstance, deps: SelfCheckDeps): void {
  const service = selfCheckService(deps.config);
  const { publicOrigin, sessions } = deps.config.config;
  const resultTtlMs = sessions.resultTtlSeconds * 1000;
  const tokens = new ViewTokens();
  const languageOf = (request: {
    query: { lang?: unknown };
    headers: { 'accept-language'?: string };
  }) => chooseLanguage(request.query.lang, request.headers['accept-language']);

  app.get<LanguageQuery>(paths.start, async (request, reply) =>
    sendPage(reply, startPage(languageOf(request))),
  );

  // No HEAD: a HEAD would start a session, or use up a result, as a GET does.
  app.get<LanguageQuery>(paths.startSession, { exposeHeadRoute: false }, async (request, reply) => {
    const language = languageOf(request);
    const token = newViewToken();
    let started;
    try {
      started = deps.authentications.start(service, {
        operations: selfCheckOperations,
        refreshAddress: new URL(withLanguage(`${paths.result}/${token}`, language), publicOrigin)
          .href,
      });
    } catch (error) {
      if (error instanceof EidServerError && error.code === 'too-many-sessions')
        return sendPage(reply, busyPage(language));
      throw error;
    }
    const { sessionId, tcTokenUrl, expiresAt } = started;
    if (tcTokenUrl === undefined) throw new SelfCheckError('no-tc-token', 'no TC token URL');
    tokens.remember(token, sessionId, expiresAt.getTime() + resultTtlMs);
    return reply.headers(pageHeaders()).redirect(eidClientActivation(tcTokenUrl), 303);
  });

  app.get<LanguageQuery & { Params: { token: string } }>(
    `${paths.result}/:token`,
    { exposeHeadRoute: false },
    async (request, reply) => {
      const language = languageOf(request);
      const { token } = request.params;
      const sessionId = tokens.get(token);
      if (sessionId === undefined) return sendPage(reply, gonePage(language));
      const lookup = deps.authentications.takeResult(service, sessionId);
      if (lookup.kind !== 'pending') tokens.forget(token);
      if (lookup.kind === 'unknown' || lookup.kind === 'stale-counter') {
        return sendPage(reply, gonePage(language));
      }
      if (lookup.kind === 'pending') return sendPage(reply, pendingPage(language));
      const { outcome } = lookup;
      switch (outcome.kind) {
        case 'success':
          return sendPage(reply, successPage(outcome.result, language));
        case 'cancelled':
          return sendPage(reply, cancelledPage(language));
        case 'failed':
          return sendPage(reply, failedPage(outcome.reason, language));
      }
    },
  );
}
