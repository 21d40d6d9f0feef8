import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OidcClaim } from '@sidbox/protocol';
import type { Interaction, KoaContextWithOIDC } from 'oidc-provider';
import type { Logger } from 'pino';
import type { AuthenticationService } from '../authentication-service.js';
import type { LoadedConfig, LoadedService } from '../config/load.js';
import { EidServerError } from '../errors.js';
import { eidClientActivation } from '../pages/eid-client.js';
import { chooseLanguage, withLanguage, type Language } from '../pages/language.js';
import { pageHeaders, sendPage, type RenderedPage } from '../pages/send-page.js';
import {
  allowedScopes,
  cardClaims,
  cardRequest,
  grantedClaims,
  subject,
  type CardClaims,
} from './claims.js';
import {
  defaultOidcClientDirectory,
  type OidcClientDirectory,
  type PlatformClient,
} from './client-directory.js';
import { ExpiringMap } from './expiring-map.js';
import { MemoryStore } from './memory-adapter.js';
import { OidcError } from './oidc-error.js';
import { busyPage, gonePage, pendingPage, signinPage, unavailablePage } from './pages.js';
import { issuerPath, signinPaths, signinStep } from './paths.js';
import { CODE_TTL_SECONDS, createProvider, runnableClient } from './provider.js';

export interface OidcRoutesDeps {
  config: LoadedConfig;
  authentications: AuthenticationService;
  logger: Logger;
  /** Where the platforms come from; by default the configured hub, cached. */
  oidcClients?: OidcClientDirectory;
}

type SigninRequest = FastifyRequest<{
  Params: { uid: string };
  Querystring: { lang?: unknown };
}>;

/** A sign-in's eID session while the citizen is in AusweisApp. */
interface StartedSignin {
  sessionId: string;
  service: LoadedService;
}

/** A sign-in that can go on, or the page that says why not. */
type Signin =
  | { refused: RenderedPage }
  | {
      details: Interaction;
      client: PlatformClient;
      service: LoadedService;
      /** What this sign-in releases: the requested scopes' claims the platform registered. */
      claims: OidcClaim[];
    };

const SWEEP_INTERVAL_MS = 10_000;

/** The services of the hub's members; like the apps, they must serve their TC tokens here. */
function memberServices(config: LoadedConfig): Map<string, LoadedService> {
  const publicOrigin = new URL(config.config.publicOrigin).origin;
  const services = new Map<string, LoadedService>();
  for (const service of config.services.values()) {
    if (service.organisation === undefined) continue;
    if (service.subjectOrigin !== publicOrigin)
      throw new OidcError(
        'origin-not-allowed',
        `service "${service.id}" signs in a member's platforms, so its subjectURL must be ${publicOrigin}`,
      );
    services.set(service.organisation, service);
  }
  return services;
}

/**
 * "Mit dem Personalausweis anmelden" (docs/oidc-platforms.md): oidc-provider at `/oidc`, and
 * its interaction — a sign-in page naming the platform and what it receives, the start of an eID
 * session on the platform's member's service, and the return from AusweisApp that finishes the
 * interaction with the pseudonym as account. Card data is kept in memory only until the ID
 * token is issued; nothing about a person is logged.
 */
/** What the provider holds of citizens right now, for /healthz: claims waiting for their token. */
export interface OidcGauges {
  claimsHeld(): number;
}

export function registerOidcRoutes(app: FastifyInstance, deps: OidcRoutesDeps): OidcGauges {
  const { config, authentications, logger } = deps;
  if (config.hub === undefined) throw new OidcError('hub-required', 'the OIDC provider needs hub');
  const keys = config.oidc;
  if (keys === undefined) throw new OidcError('signing-key-invalid', 'no OIDC signing key');
  const publicOrigin = new URL(config.config.publicOrigin).origin;
  const signinSeconds = config.config.sessions.ttlSeconds;
  const directory = deps.oidcClients ?? defaultOidcClientDirectory(config.hub);
  const services = memberServices(config);
  const store = new MemoryStore();
  const pending = new ExpiringMap<CardClaims>();
  const started = new ExpiringMap<StartedSignin>();
  const provider = createProvider({
    issuer: `${publicOrigin}${issuerPath}`,
    keys,
    directory,
    memberServices: services,
    store,
    pending,
    signinSeconds,
    logger,
    renderError: (ctx: KoaContextWithOIDC, out: { error: string }) => {
      const language = chooseLanguage(undefined, ctx.get('accept-language'));
      const page = unavailablePage(language, ctx.status >= 500 ? 500 : 400, out.error);
      ctx.set(pageHeaders());
      ctx.status = page.status;
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = page.html;
    },
  });
  const sweeper = setInterval(() => {
    store.sweep();
    pending.sweep();
    started.sweep();
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
  app.addHook('onClose', async () => clearInterval(sweeper));

  // The provider itself: a Koa app reading its own request bodies, so this scope parses none.
  const callback = provider.callback();
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.all(`${issuerPath}/*`, (request, reply) => {
      reply.hijack();
      // Mounted as Express would: the provider routes the rest, and builds its URLs from the
      // original one (oidc-provider reads `originalUrl` for the mount path).
      const raw: IncomingMessage & { originalUrl?: string } = request.raw;
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? '').slice(issuerPath.length);
      void callback(raw, reply.raw);
    });
  });

  const languageOf = (request: SigninRequest): Language =>
    chooseLanguage(request.query.lang, request.headers['accept-language']);

  /** The interaction this browser's cookie opens at this address, with its platform. */
  async function signin(request: SigninRequest, reply: FastifyReply): Promise<Signin> {
    let details;
    try {
      details = await provider.interactionDetails(request.raw, reply.raw);
    } catch {
      return { refused: gonePage(languageOf(request)) };
    }
    if (details.uid !== request.params.uid) return { refused: gonePage(languageOf(request)) };
    const clientId = String(details.params.client_id);
    let found;
    try {
      found = await runnableClient({ directory, memberServices: services }, clientId);
    } catch (error) {
      if (!(error instanceof OidcError)) throw error;
      logger.warn({ code: error.code }, 'OIDC platforms unavailable');
      return { refused: unavailablePage(languageOf(request)) };
    }
    if (found === undefined) return { refused: unavailablePage(languageOf(request)) };
    const claims = grantedClaims(found.client, String(details.params.scope ?? ''));
    return { details, ...found, claims };
  }

  /** Ends the interaction; the browser goes back to the provider, which answers the platform. */
  async function finish(
    request: SigninRequest,
    reply: FastifyReply,
    result: Parameters<typeof provider.interactionResult>[2],
  ) {
    const returnTo = await provider.interactionResult(request.raw, reply.raw, result, {
      mergeWithLastSubmission: false,
    });
    return reply.headers(pageHeaders()).redirect(returnTo, 303);
  }

  app.get(signinPaths.page, async (request: SigninRequest, reply) => {
    const found = await signin(request, reply);
    if ('refused' in found) return sendPage(reply, found.refused);
    const { client, claims } = found;
    return sendPage(
      reply,
      signinPage(
        {
          uid: request.params.uid,
          platform: client.name,
          claims,
          ...(client.minimumAge !== undefined && { minimumAge: client.minimumAge }),
        },
        languageOf(request),
      ),
    );
  });

  // No HEAD: a HEAD would start a session, or use up a result, as a GET does.
  app.get(signinPaths.start, { exposeHeadRoute: false }, async (request: SigninRequest, reply) => {
    const found = await signin(request, reply);
    if ('refused' in found) return sendPage(reply, found.refused);
    const { uid } = request.params;
    const language = languageOf(request);
    let session;
    try {
      session = authentications.start(found.service, {
        ...cardRequest(found.claims, found.client.minimumAge),
        refreshAddress: new URL(withLanguage(signinStep(uid, 'done'), language), publicOrigin).href,
      });
    } catch (error) {
      if (error instanceof EidServerError && error.code === 'too-many-sessions')
        return sendPage(reply, busyPage(language));
      throw error;
    }
    if (session.tcTokenUrl === undefined)
      throw new OidcError('origin-not-allowed', 'no TC token URL');
    started.set(
      uid,
      { sessionId: session.sessionId, service: found.service },
      session.expiresAt.getTime() - Date.now() + config.config.sessions.resultTtlSeconds * 1000,
    );
    return reply.headers(pageHeaders()).redirect(eidClientActivation(session.tcTokenUrl), 303);
  });

  app.get(signinPaths.done, { exposeHeadRoute: false }, async (request: SigninRequest, reply) => {
    const found = await signin(request, reply);
    if ('refused' in found) return sendPage(reply, found.refused);
    const { uid } = request.params;
    const signinSession = started.get(uid);
    if (signinSession === undefined) return sendPage(reply, gonePage(languageOf(request)));
    const lookup = authentications.takeResult(signinSession.service, signinSession.sessionId);
    if (lookup.kind === 'pending') return sendPage(reply, pendingPage(languageOf(request), uid));
    started.take(uid);
    if (lookup.kind !== 'finished' || lookup.outcome.kind !== 'success') {
      const cancelled = lookup.kind === 'finished' && lookup.outcome.kind === 'cancelled';
      return finish(request, reply, {
        error: 'access_denied',
        error_description: cancelled
          ? 'the citizen cancelled in the eID-Client'
          : 'the ID card could not be read',
      });
    }
    const { result } = lookup.outcome;
    if (result.restrictedId === undefined)
      return finish(request, reply, {
        error: 'access_denied',
        error_description: 'the ID card gave no pseudonym',
      });
    const accountId = subject(result.restrictedId);
    const { client } = found;
    const grant = new provider.Grant({ accountId, clientId: client.clientId });
    const requested = new Set(String(found.details.params.scope ?? '').split(' '));
    grant.addOIDCScope(
      allowedScopes(client)
        .filter((scope) => requested.has(scope))
        .join(' '),
    );
    const grantId = await grant.save();
    pending.set(
      grantId,
      cardClaims(found.claims, client.minimumAge, result),
      2 * CODE_TTL_SECONDS * 1000,
    );
    return finish(request, reply, {
      login: { accountId, remember: false },
      consent: { grantId },
    });
  });

  app.get(signinPaths.cancel, { exposeHeadRoute: false }, async (request: SigninRequest, reply) => {
    const found = await signin(request, reply);
    if ('refused' in found) return sendPage(reply, found.refused);
    started.take(request.params.uid);
    return finish(request, reply, {
      error: 'access_denied',
      error_description: 'the citizen cancelled on the sign-in page',
    });
  });
  return { claimsHeld: () => pending.size };
}
