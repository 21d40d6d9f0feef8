import {
  OidcClientInput,
  oidcClaims,
  type OidcClaim,
  type OidcClient,
  type UpdateOidcClientBody,
} from '@sidbox/protocol';

/** The register/edit form's state: plain strings as the inputs hold them. */
export interface ClientDraft {
  clientId: string;
  name: string;
  /** One redirect URI per line, as typed. */
  redirectUris: string;
  claims: OidcClaim[];
  minimumAge: string;
}

export const emptyDraft = (): ClientDraft => ({
  clientId: '',
  name: '',
  redirectUris: '',
  claims: ['given_name', 'family_name'],
  minimumAge: '18',
});

export function draftOfClient(client: OidcClient): ClientDraft {
  return {
    clientId: client.clientId,
    name: client.name,
    redirectUris: client.redirectUris.join('\n'),
    claims: client.claims,
    minimumAge: String(client.minimumAge ?? 18),
  };
}

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** Ticks or unticks a claim; the claims keep the protocol's order. */
export const withClaim = (claims: OidcClaim[], claim: OidcClaim, on: boolean): OidcClaim[] =>
  oidcClaims.filter((c) => (c === claim ? on : claims.includes(c)));

/** What the hub gets to change a platform: the minimum age only with "age_over". */
export function updateOfDraft(draft: ClientDraft): UpdateOidcClientBody {
  const ageOver = draft.claims.includes('age_over');
  return {
    name: draft.name.trim(),
    redirectUris: linesOf(draft.redirectUris),
    claims: draft.claims,
    ...(ageOver && { minimumAge: Number(draft.minimumAge) }),
  };
}

export const inputOfDraft = (draft: ClientDraft): OidcClientInput => ({
  clientId: draft.clientId.trim(),
  ...updateOfDraft(draft),
});

const RedirectUri = OidcClientInput.shape.redirectUris.element;

/** The typed redirect URIs the hub would refuse (by the protocol's own rule), to name them. */
export const badRedirectUris = (draft: ClientDraft): string[] =>
  linesOf(draft.redirectUris).filter((uri) => !RedirectUri.safeParse(uri).success);

/** The provider's discovery document, which most platforms read their settings from. */
export const discoveryUrlOf = (issuer: string) => `${issuer}/.well-known/openid-configuration`;
