import type { Logger } from 'pino';
import Provider, { interactionPolicy, type Account, type KoaContextWithOIDC } from 'oidc-provider';
import type { LoadedService } from '../config/load.js';
import { providerClaims, type CardClaims } from './claims.js';
import type { OidcClientDirectory, PlatformClient } from './client-directory.js';
import { clientMetadata } from './client-metadata.js';
import { OidcError } from './oidc-error.js';
import type { MemoryStore } from './memory-adapter.js';
import { signinPath } from './paths.js';
import type { ExpiringMap } from './expiring-map.js';
import type { OidcKeys } from './signing-key.js';

export interface ProviderDeps {
  /** `<publicOrigin>/oidc`. */
  issuer: string;
  keys: OidcKeys;
  directory: OidcClientDirectory;
  /** The services by the hub member (organisation) whose platforms they sign in. */
  memberServices: ReadonlyMap<string, LoadedService>;
  store: MemoryStore;
  /** A card reading's claims under its grant, until the ID token is issued. */
  pending: ExpiringMap<CardClaims>;
  /** How long a sign-in may take, from the platform's request to the ID card read. */
  signinSeconds: number;
  logger: Logger;
  renderError: (ctx: KoaContextWithOIDC, error: { error: string }) => void;
}

/** Seconds a code lives: the platform exchanges it right after the redirect. */
export const CODE_TTL_SECONDS = 60;

/**
 * The platform a client id names, when it runs here: registered, active, and its member has an
 * eID service on this server (the platform signs in with that service's certificate and sector).
 */
export async function runnableClient(
  deps: Pick<ProviderDeps, 'directory' | 'memberServices'>,
  clientId: string,
): Promise<{ client: PlatformClient; service: LoadedService } | undefined> {
  const clients = await deps.directory.clients(clientId);
  const client = clients.find(
    (candidate) => candidate.clientId === clientId && !candidate.archived,
  );
  const service = client && deps.memberServices.get(client.organisationId);
  return client && service ? { client, service } : undefined;
}

/**
 * Every authorization reads the card again: the `sub` is the pseudonym in the sector of the
 * platform's member, so a session from another member's platform must never be reused, and
 * claims exist only for the reading that released them. The login prompt's first check asks for
 * the sign-in page unless this request resumes from it.
 */
function policy() {
  const prompts = interactionPolicy.base();
  prompts
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check(
        'card_reading',
        'each sign-in reads the ID card',
        'login_required',
        (ctx) =>
          ctx.oidc.result?.login === undefined
            ? interactionPolicy.Check.REQUEST_PROMPT
            : interactionPolicy.Check.NO_NEED_TO_PROMPT,
      ),
      0,
    );
  return prompts;
}

/**
 * oidc-provider (a certified OpenID Provider) configured for "Mit dem Personalausweis
 * anmelden": authorization code flow with PKCE S256 only, confidential clients pulled from the
 * hub, no dynamic registration, no userinfo (the claims go out in the ID token and are gone), no
 * refresh tokens, short lifetimes, everything in memory.
 */
export function createProvider(deps: ProviderDeps): Provider {
  const { store, pending } = deps;
  const provider = new Provider(deps.issuer, {
    adapter: (model: string) =>
      model === 'Client'
        ? {
            ...store.adapter(model),
            find: async (id: string) => {
              const found = await runnableClient(deps, id);
              return found && clientMetadata(found.client);
            },
          }
        : store.adapter(model),
    jwks: { keys: [deps.keys.signingJwk] },
    cookies: { keys: deps.keys.cookieKeys },
    claims: providerClaims(),
    scopes: Object.keys(providerClaims()),
    // Without userinfo the card's claims travel in the ID token (OpenID Connect Core §5.4 allows it).
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { methods: ['S256'], required: () => true },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    enabledJWA: { idTokenSigningAlgValues: ['ES256'] },
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      claimsParameter: { enabled: false },
      registration: { enabled: false },
    },
    issueRefreshToken: () => false,
    ttl: {
      AuthorizationCode: CODE_TTL_SECONDS,
      AccessToken: CODE_TTL_SECONDS,
      IdToken: 300,
      Interaction: deps.signinSeconds,
      Session: deps.signinSeconds,
      Grant: deps.signinSeconds,
    },
    interactions: { url: (_ctx, interaction) => signinPath(interaction.uid), policy: policy() },
    // The account is the pseudonym; its claims exist only for the code the sign-in issued.
    findAccount: (_ctx, sub, token): Account => {
      const claims =
        token?.kind === 'AuthorizationCode' && token.grantId !== undefined
          ? pending.take(token.grantId)
          : undefined;
      return { accountId: sub, claims: () => ({ sub, ...claims }) };
    },
    renderError: (ctx, out) => deps.renderError(ctx, out),
  });
  // oidc-provider logs nothing itself; an unexpected error is logged by name and our code only.
  provider.on('server_error', (_ctx: unknown, error: Error) =>
    deps.logger.error(
      { error: error.name, ...(error instanceof OidcError && { code: error.code }) },
      'OpenID provider error',
    ),
  );
  return provider;
}
