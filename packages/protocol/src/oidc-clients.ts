import { z } from 'zod';

/**
 * "Mit dem Personalausweis anmelden": a member's online platform (Moodle, Nextcloud, Keycloak…)
 * registered in the hub as an OpenID Connect client of the association's eID-Server. The card is
 * asked for exactly the registered claims; `sub` is the card's pseudonym in the member's sector.
 */
export const oidcClaims = [
  'given_name',
  'family_name',
  'birthdate',
  'address',
  'age_over',
] as const;
export const OidcClaim = z.enum(oidcClaims);
export type OidcClaim = z.infer<typeof OidcClaim>;

/** A client id: what the platform's OIDC settings name ("Client ID"). */
export const OidcClientId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{2,62}$/, 'lower-case letters, digits and dashes, 3 to 63');

/** https, or http on the loopback for a platform under development (RFC 8252 §7.3). */
const RedirectUri = z
  .url({ protocol: /^https?$/, abort: true }) // the refinement below parses it
  .max(500)
  .refine(
    (uri) => {
      const url = new URL(uri);
      if (url.hash !== '') return false;
      return (
        url.protocol === 'https:' || ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname)
      );
    },
    { message: 'an https address without #fragment (http only on 127.0.0.1/localhost)' },
  );

/** "age_over" comes with its minimum age, and a minimum age only with "age_over". */
export const ageOverNamesMinimumAge: [
  check: (input: { claims: readonly OidcClaim[]; minimumAge?: number | undefined }) => boolean,
  params: { message: string; path: string[] },
] = [
  (input) => input.claims.includes('age_over') === (input.minimumAge !== undefined),
  { message: '"age_over" and minimumAge go together', path: ['minimumAge'] },
];

/** What a member admin sends to register or change a platform. */
export const OidcClientInput = z
  .strictObject({
    clientId: OidcClientId,
    name: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .describe('The platform as citizens know it; shown on the sign-in page.'),
    redirectUris: z.array(RedirectUri).min(1).max(10),
    claims: z
      .array(OidcClaim)
      .max(oidcClaims.length)
      .default([])
      .refine((claims) => new Set(claims).size === claims.length, { message: 'a claim twice' })
      .describe('Card data the platform receives; none: the pseudonym (`sub`) only.'),
    minimumAge: z
      .int()
      .min(1)
      .max(99)
      .optional()
      .describe('With the claim "age_over": the ID token says `age_over_<N>`: true/false.'),
  })
  .refine(...ageOverNamesMinimumAge);
export type OidcClientInput = z.infer<typeof OidcClientInput>;

/** A registered platform as the hub lists it to admins (never its secret). */
export const OidcClient = z.strictObject({
  clientId: OidcClientId,
  name: z.string(),
  redirectUris: z.array(z.string()),
  claims: z.array(OidcClaim),
  minimumAge: z.int().optional(),
  organisationId: z.uuid(),
  archived: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type OidcClient = z.infer<typeof OidcClient>;

/** The client secret, shown once when a platform is registered or its secret renewed. */
export const OidcClientSecretResponse = z.strictObject({
  client: OidcClient,
  clientSecret: z.string().min(32),
  /** The provider's issuer (`<eID-Server>/oidc`): what the platform's settings name. */
  issuer: z.string().nullable(),
});
export type OidcClientSecretResponse = z.infer<typeof OidcClientSecretResponse>;

/** What the eID-Server pulls from the hub: every active platform, with its secret. */
export const EidServerOidcClientsResponse = z.strictObject({
  clients: z.array(OidcClient.extend({ clientSecret: z.string().min(32) })),
});
export type EidServerOidcClientsResponse = z.infer<typeof EidServerOidcClientsResponse>;

/** The ID token claim of "age_over" for a minimum age N, as in ISO 18013-5: `age_over_18`. */
export const ageOverClaim = (minimumAge: number) =>
  `age_over_${String(minimumAge).padStart(2, '0')}`;
