import { OidcClaim, type OidcClient, type OidcClientInput } from '@sidbox/protocol';
import type { OidcClientRow, OidcClientTable } from '../db/schema.js';

const Claims = OidcClaim.array();

/** A platform row as the protocol's client, without its secret. */
export function oidcClientOf(row: OidcClientRow): OidcClient {
  return {
    clientId: row.client_id,
    name: row.name,
    redirectUris: JSON.parse(row.redirect_uris) as string[],
    claims: Claims.parse(JSON.parse(row.claims)),
    ...(row.minimum_age !== null && { minimumAge: row.minimum_age }),
    organisationId: row.organisation_id,
    archived: row.archived === 1,
    updatedAt: row.updated_at,
  };
}

/** The columns an admin's input fills (everything but id, owner, secret, archive flag, times). */
export function oidcClientColumnsOf(
  input: Omit<OidcClientInput, 'clientId'>,
): Pick<OidcClientTable, 'name' | 'redirect_uris' | 'claims' | 'minimum_age'> {
  return {
    name: input.name,
    redirect_uris: JSON.stringify(input.redirectUris),
    claims: JSON.stringify(input.claims),
    minimum_age: input.minimumAge ?? null,
  };
}
