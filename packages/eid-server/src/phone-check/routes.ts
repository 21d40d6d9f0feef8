import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { PhoneCheckCreated, PhoneCheckStatus } from '@sidbox/protocol';
import type { AuthenticationService } from '../authentication-service.js';
import type { LoadedConfig } from '../config/load.js';
import { EidServerError } from '../errors.js';
import type { RequestedOperations } from '../operations.js';
import { chooseLanguage, withLanguage, type Language } from '../pages/language.js';
import { sendPage } from '../pages/send-page.js';
import { newViewToken } from '../pages/view-tokens.js';
import { selfCheckService } from '../self-check/routes.js';
import {
  busyPage,
  cancelledPage,
  expiredPage,
  failedPage,
  gonePage,
  introPage,
  openPage,
  pendingPage,
  successPage,
  usedPage,
} from './pages.js';
import { PhoneCheckError } from './phone-check-error.js';
import { PhoneChecks } from './phone-checks.js';
import { paths } from './paths.js';

export interface PhoneCheckDeps {
  config: LoadedConfig;
  authentications: AuthenticationService;
  logger: Logger;
  /** The checks' clock (ms): tests let a link expire without waiting. */
  now?: () => number;
}

/** The name only: the phone shows it back, and nothing more is needed to prove the card works. */
export const phoneCheckOperations: RequestedOperations = {
  givenNames: 'REQUIRED',
  familyNames: 'REQUIRED',
};

interface PageRequest {
  Params: { token: string };
  Querystring: { lang?: unknown };
}

const languageOf = (request: {
  query: { lang?: unknown };
  headers: { 'accept-language'?: string };
}): Language => chooseLanguage(request.query.lang, request.headers['accept-language']);

/**
 * "Ihr Smartphone einrichten": a terminal asks for a check and shows its link as a QR code; the
 * citizen's phone opens the link, starts the self-check's authentication (names only) with its
 * own AusweisApp, and sees the name on the result page. The terminal reads the state with its
 * status token. Like the self-check's start, asking for a check needs no key (terminals hold
 * none for this server); the cap on open checks keeps that from filling the memory, and the
 * checks carry no personal data, so a stranger's check shows nothing of anyone.
 */
export function registerPhoneCheckRoutes(app: FastifyInstance, deps: PhoneCheckDeps): void {
  const service = selfCheckService(deps.config);
  const { publicOrigin, sessions, phoneCheck } = deps.config.config;
  const now = deps.now ?? Date.now;
  const checks = new PhoneChecks({
    linkTtlMs: phoneCheck.linkTtlSeconds * 1000,
    maxOpen: phoneCheck.maxOpen,
    now,
  });
  // After the session's end its result waits resultTtl more: then the phone cannot come back.
  const openMs = (sessions.ttlSeconds + sessions.resultTtlSeconds) * 1000;
  const logger = deps.logger.child({ component: 'phone-check' });

  app.post(paths.create, async (_request, reply) => {
    let created;
    try {
      created = checks.create();
    } catch (error) {
      if (error instanceof PhoneCheckError && error.code === 'too-many-checks')
        throw new EidServerError('too-many-sessions', 'too many phone checks are open, try later');
      throw error;
    }
    const answer: PhoneCheckCreated = {
      link: new URL(`${paths.link}/${created.linkToken}`, publicOrigin).href,
      statusToken: created.statusToken,
      expiresAt: new Date(created.expiresAt).toISOString(),
    };
    return reply.status(201).header('cache-control', 'no-store').send(answer);
  });

  app.get<{ Params: { token: string } }>(`${paths.status}/:token`, async (request, reply) => {
    const status = checks.status(request.params.token);
    if (status === undefined) throw new EidServerError('not-found', 'no such phone check');
    const answer: PhoneCheckStatus = {
      state: status.state,
      expiresAt: new Date(status.expiresAt).toISOString(),
    };
    return reply.header('cache-control', 'no-store').send(answer);
  });

  app.get<PageRequest>(`${paths.link}/:token`, async (request, reply) => {
    const language = languageOf(request);
    const { token } = request.params;
    return sendPage(
      reply,
      linkRefusal(checks.linkUse(token), language) ?? introPage(language, token),
    );
  });

  // No HEAD: a HEAD would use the link up as a GET does.
  app.get<PageRequest>(
    `${paths.link}/:token/start`,
    { exposeHeadRoute: false },
    async (request, reply) => {
      const language = languageOf(request);
      const { token } = request.params;
      const refusal = linkRefusal(checks.linkUse(token), language);
      if (refusal) return sendPage(reply, refusal);
      const resultToken = newViewToken();
      let started;
      try {
        started = deps.authentications.start(service, {
          operations: phoneCheckOperations,
          refreshAddress: new URL(
            withLanguage(`${paths.result}/${resultToken}`, language),
            publicOrigin,
          ).href,
        });
      } catch (error) {
        if (error instanceof EidServerError && error.code === 'too-many-sessions')
          return sendPage(reply, busyPage(language));
        throw error;
      }
      if (started.tcTokenUrl === undefined)
        throw new PhoneCheckError('no-tc-token', 'no TC token URL');
      // Synchronously after linkUse said 'start': no second request can use the link in between.
      checks.open(token, started.sessionId, resultToken, now() + openMs);
      logger.info({ session: started.sessionId }, 'phone check opened');
      return sendPage(reply, openPage(language, started.tcTokenUrl));
    },
  );

  app.get<PageRequest>(
    `${paths.result}/:token`,
    { exposeHeadRoute: false },
    async (request, reply) => {
      const language = languageOf(request);
      const { token } = request.params;
      const sessionId = checks.sessionOf(token);
      if (sessionId === undefined) return sendPage(reply, gonePage(language));
      const lookup = deps.authentications.takeResult(service, sessionId);
      if (lookup.kind === 'pending') return sendPage(reply, pendingPage(language));
      const outcome = lookup.kind === 'finished' ? lookup.outcome : undefined;
      checks.finish(token, outcome?.kind === 'success');
      logger.info(
        { session: sessionId, outcome: outcome?.kind ?? lookup.kind },
        'phone check finished',
      );
      switch (outcome?.kind) {
        case undefined:
          return sendPage(reply, gonePage(language));
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

/** The page for a link that cannot start (any more), or undefined when it can. */
function linkRefusal(use: 'start' | 'used' | 'expired', language: Language) {
  if (use === 'used') return usedPage(language);
  if (use === 'expired') return expiredPage(language);
  return undefined;
}
