import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AuthenticationService } from '../authentication-service.js';
import type { LoadedConfig, LoadedService } from '../config/load.js';
import { EidServerError } from '../errors.js';
import type { RequestedOperations } from '../operations.js';
import { chooseLanguage } from './language.js';
import {
  busyPage,
  cancelledPage,
  failedPage,
  gonePage,
  pendingPage,
  startPage,
  successPage,
  type RenderedPage,
} from './pages.js';
import { paths, withLanguage } from './paths.js';
import { SelfCheckError } from './self-check-error.js';
import { icon, stylesheet } from './style.js';
import { newViewToken, viewTokenPattern, ViewTokens } from './view-tokens.js';

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

/** The standard local eID-Client activation (TR-03124-1); the kiosk intercepts exactly this. */
const EID_CLIENT_URL = 'http://127.0.0.1:24727/eID-Client';

const pageHeaders = {
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

interface LanguageQuery {
  Querystring: { lang?: unknown };
}

function sendPage(reply: FastifyReply, page: RenderedPage) {
  return reply
    .status(page.status)
    .headers(pageHeaders)
    .type('text/html; charset=utf-8')
    .send(page.html);
}

/** The configured self-check service, which must accept result pages on this server's origin. */
function selfCheckService(config: LoadedConfig): LoadedService {
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

  for (const [path, type, content] of [
    [paths.stylesheet, 'text/css; charset=utf-8', stylesheet],
    [paths.icon, 'image/svg+xml', icon],
  ] as const) {
    app.get(path, async (_request, reply) =>
      reply
        .type(type)
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .send(content),
    );
  }

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
    const activation = `${EID_CLIENT_URL}?tcTokenURL=${encodeURIComponent(tcTokenUrl)}`;
    return reply.headers(pageHeaders).redirect(activation, 303);
  });

  app.get<LanguageQuery & { Params: { token: string } }>(
    `${paths.result}/:token`,
    { exposeHeadRoute: false },
    async (request, reply) => {
      const language = languageOf(request);
      const { token } = request.params;
      const sessionId = viewTokenPattern.test(token) ? tokens.sessionOf(token) : undefined;
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
