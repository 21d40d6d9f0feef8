import { EidAppId, eidAppOperations, type EidApp } from '@sidbox/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { AuthenticationResult } from '../authentication-result.js';
import type { AuthenticationService } from '../authentication-service.js';
import type { LoadedConfig, LoadedService } from '../config/load.js';
import { EidServerError } from '../errors.js';
import type { RequestedOperations } from '../operations.js';
import { eidClientActivation } from '../pages/eid-client.js';
import { chooseLanguage, withLanguage, type Language } from '../pages/language.js';
import { pageHeaders, sendPage } from '../pages/send-page.js';
import { newViewToken, ViewTokens } from '../pages/view-tokens.js';
import type { AppDirectory } from './app-directory.js';
import { AppsError } from './apps-error.js';
import { registerFormRoutes } from './form-routes.js';
import type { FormDraft } from './form-pages.js';
import { HandoverCodes, normalizeCode } from './handover-codes.js';
import {
  agePage,
  appPage,
  codeEntry,
  busyPage,
  cancelledPage,
  failedPage,
  finishedPage,
  gonePage,
  notAvailablePage,
  pendingPage,
  registrationPage,
  unreachablePage,
} from './pages.js';
import { appPaths } from './paths.js';
import { pseudonymHash } from './pseudonym.js';

export interface AppRoutesDeps {
  config: LoadedConfig;
  authentications: AuthenticationService;
  directory: AppDirectory;
  logger: Logger;
  now?: () => number;
}

/** A started authentication of an app, under the token its result page's address carries. */
interface StartedApp {
  app: EidApp;
  service: LoadedService;
  sessionId: string;
  /** The door app's registration code the citizen typed. */
  code?: string;
}

export type AppRequest = FastifyRequest<{
  Params: { id: string; token?: string };
  Querystring: { lang?: unknown; code?: unknown };
}>;

/** An app that runs here: known, active, and its member has a service. */
export type Resolved =
  { app: EidApp; service: LoadedService } | { unavailable: 'unknown' | 'unreachable' };

const SWEEP_INTERVAL_MS = 10_000;

/** The card data a form shows, and nothing else: what stays in memory for the form's lifetime. */
function formCard(
  app: EidApp & { settings: { kind: 'form' } },
  result: AuthenticationResult,
): AuthenticationResult {
  const chosen = new Set<string>(app.settings.cardData);
  const pick = <T extends object>(record: T) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => chosen.has(key))) as Partial<T>;
  return {
    personalData: pick(result.personalData),
    operationsAllowedByUser: pick(result.operationsAllowedByUser),
  };
}

/** What an app asks the card for: the kind's operations, and for an age app the age. */
export function appRequest(app: EidApp): {
  operations: RequestedOperations;
  ageVerification?: { age: number };
} {
  const operations = eidAppOperations(app.settings) as RequestedOperations;
  return app.settings.kind === 'age'
    ? { operations, ageVerification: { age: app.settings.minimumAge } }
    : { operations };
}

/**
 * The members' eID apps (docs/member-apps.md): an app's page, its start (a session on the
 * member's service, handed to the local eID-Client), its result per kind, and for forms the
 * check, print or hand-over. Card data stays in memory under a page token for the result's
 * lifetime, or under a hand-over code for ten minutes; nothing about a person is logged.
 */
export function registerAppRoutes(app: FastifyInstance, deps: AppRoutesDeps): void {
  const { config, authentications, directory, logger } = deps;
  const now = deps.now ?? Date.now;
  const publicOrigin = new URL(config.config.publicOrigin).origin;
  const memberServices = new Map<string, LoadedService>();
  for (const service of config.services.values()) {
    if (service.organisation === undefined) continue;
    if (service.subjectOrigin !== publicOrigin)
      throw new AppsError(
        'origin-not-allowed',
        `service "${service.id}" runs a member's apps, so its subjectURL must be ${publicOrigin}`,
      );
    memberServices.set(service.organisation, service);
  }
  const resultTtlMs = config.config.sessions.resultTtlSeconds * 1000;
  const started = new ViewTokens<StartedApp>(now);
  const drafts = new ViewTokens<FormDraft>(now);
  const handovers = new HandoverCodes<FormDraft>(now);
  const sweeper = setInterval(() => {
    started.sweep();
    drafts.sweep();
    handovers.sweep();
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
  app.addHook('onClose', async () => clearInterval(sweeper));

  const languageOf = (request: AppRequest): Language =>
    chooseLanguage(request.query.lang, request.headers['accept-language']);

  async function resolve(id: string): Promise<Resolved> {
    if (!EidAppId.safeParse(id).success) return { unavailable: 'unknown' };
    let apps: readonly EidApp[];
    try {
      apps = await directory.apps(id);
    } catch (error) {
      if (!(error instanceof AppsError)) throw error;
      logger.warn({ code: error.code }, 'eID apps unavailable');
      return { unavailable: 'unreachable' };
    }
    const found = apps.find((candidate) => candidate.id === id && !candidate.archived);
    const service = found && memberServices.get(found.organisationId);
    return found && service ? { app: found, service } : { unavailable: 'unknown' };
  }

  /** The app's page or start when it runs here; otherwise the page that says why not. */
  async function withApp(
    request: AppRequest,
    reply: FastifyReply,
    handle: (resolved: { app: EidApp; service: LoadedService }) => unknown,
  ) {
    const resolved = await resolve(request.params.id);
    if ('unavailable' in resolved) {
      const language = languageOf(request);
      return sendPage(
        reply,
        resolved.unavailable === 'unreachable'
          ? unreachablePage(language)
          : notAvailablePage(language),
      );
    }
    return handle(resolved);
  }

  app.get<{ Querystring: { lang?: unknown } }>(appPaths.done, async (request, reply) =>
    sendPage(
      reply,
      finishedPage(chooseLanguage(request.query.lang, request.headers['accept-language'])),
    ),
  );

  app.get(appPaths.app(':id'), async (request: AppRequest, reply) =>
    withApp(request, reply, ({ app: eidApp }) => {
      const entry = codeEntry(normalizeCode(request.query.code));
      return sendPage(reply, appPage(eidApp, languageOf(request), entry), 'self');
    }),
  );

  // No HEAD: a HEAD would start a session, or use up a result, as a GET does.
  app.get(appPaths.start(':id'), { exposeHeadRoute: false }, async (request: AppRequest, reply) =>
    withApp(request, reply, ({ app: eidApp, service }) => {
      const language = languageOf(request);
      const code = normalizeCode(request.query.code);
      if (eidApp.settings.kind === 'access' && codeEntry(code).state !== 'accepted') {
        return sendPage(reply, appPage(eidApp, language, { code, state: 'invalid' }), 'self');
      }
      const token = newViewToken();
      let session;
      try {
        session = authentications.start(service, {
          ...appRequest(eidApp),
          refreshAddress: new URL(
            withLanguage(appPaths.result(eidApp.id, token), language),
            publicOrigin,
          ).href,
        });
      } catch (error) {
        if (error instanceof EidServerError && error.code === 'too-many-sessions')
          return sendPage(reply, busyPage(eidApp, language));
        throw error;
      }
      if (session.tcTokenUrl === undefined)
        throw new AppsError('origin-not-allowed', 'no TC token URL');
      started.remember(
        token,
        {
          app: eidApp,
          service,
          sessionId: session.sessionId,
          ...(eidApp.settings.kind === 'access' && { code }),
        },
        session.expiresAt.getTime() + resultTtlMs,
      );
      logger.info({ app: eidApp.id, session: session.sessionId }, 'eID app started');
      return reply.headers(pageHeaders()).redirect(eidClientActivation(session.tcTokenUrl), 303);
    }),
  );

  app.get(
    appPaths.result(':id', ':token'),
    { exposeHeadRoute: false },
    async (request: AppRequest, reply) => {
      const language = languageOf(request);
      const token = request.params.token ?? '';
      const entry = started.get(token);
      if (entry === undefined || entry.app.id !== request.params.id)
        return sendPage(reply, gonePage(language));
      const { app: eidApp, service, sessionId } = entry;
      const lookup = authentications.takeResult(service, sessionId);
      if (lookup.kind !== 'pending') started.forget(token);
      if (lookup.kind === 'unknown' || lookup.kind === 'stale-counter')
        return sendPage(reply, gonePage(language, eidApp));
      if (lookup.kind === 'pending') return sendPage(reply, pendingPage(eidApp, language));
      const { outcome } = lookup;
      logger.info({ app: eidApp.id, session: sessionId, outcome: outcome.kind }, 'eID app result');
      if (outcome.kind === 'cancelled') return sendPage(reply, cancelledPage(eidApp, language));
      if (outcome.kind === 'failed')
        return sendPage(reply, failedPage(eidApp, language, outcome.reason));
      const { result } = outcome;
      const settings = eidApp.settings;
      switch (settings.kind) {
        case 'form': {
          const formApp = { ...eidApp, settings };
          drafts.remember(
            token,
            { app: formApp, card: formCard(formApp, result), values: {} },
            now() + resultTtlMs,
          );
          return reply
            .headers(pageHeaders())
            .redirect(withLanguage(appPaths.form(eidApp.id, token), language), 303);
        }
        case 'age':
          if (result.ageVerification === undefined)
            return sendPage(reply, failedPage(eidApp, language, 'card'));
          return sendPage(
            reply,
            agePage(eidApp, language, result.ageVerification, settings.minimumAge),
          );
        case 'access': {
          if (result.restrictedId === undefined || entry.code === undefined)
            return sendPage(reply, failedPage(eidApp, language, 'card'));
          try {
            const registration = await directory.register({
              appId: eidApp.id,
              code: entry.code,
              pseudonymHash: pseudonymHash(result.restrictedId),
            });
            logger.info({ app: eidApp.id, registration: registration.kind }, 'access registration');
            return sendPage(reply, registrationPage(eidApp, language, registration));
          } catch (error) {
            if (!(error instanceof AppsError)) throw error;
            logger.warn({ app: eidApp.id, code: error.code }, 'access registration failed');
            return sendPage(reply, registrationPage(eidApp, language, { kind: 'hub-unreachable' }));
          }
        }
      }
    },
  );

  registerFormRoutes(app, { drafts, handovers, resolve, languageOf, logger });
}
