import type { ClientMetadata } from 'oidc-provider';
import { allowedScopes } from './claims.js';
import type { PlatformClient } from './client-directory.js';

/**
 * A registered platform as oidc-provider's client: a confidential web client of the authorization
 * code flow (no implicit, no refresh tokens), ID tokens signed ES256, and only the scopes of its
 * registered claims — any other card scope is refused as invalid_scope. The provider accepts the
 * secret as client_secret_basic or client_secret_post, whichever the platform sends.
 */
export function clientMetadata(client: PlatformClient): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    client_name: client.name,
    redirect_uris: client.redirectUris,
    scope: allowedScopes(client).join(' '),
    application_type: 'web',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'ES256',
  };
}
