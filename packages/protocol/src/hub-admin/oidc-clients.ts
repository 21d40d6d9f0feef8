import { z } from 'zod';
import { ageOverNamesMinimumAge, OidcClient, OidcClientInput } from '../oidc-clients.js';

/** What an admin sends to register a platform; the association admin names the member. */
export const CreateOidcClientBody = OidcClientInput.extend({
  organisationId: z
    .uuid()
    .optional()
    .describe('The member the platform belongs to; member admins may omit it (their own).'),
});
export type CreateOidcClientBody = z.infer<typeof CreateOidcClientBody>;

/** What an admin sends to change a platform; its client id and member stay. */
export const UpdateOidcClientBody = z
  .strictObject(OidcClientInput.shape)
  .omit({ clientId: true })
  .refine(...ageOverNamesMinimumAge);
export type UpdateOidcClientBody = z.infer<typeof UpdateOidcClientBody>;

export const OidcClientListResponse = z.strictObject({
  clients: z.array(OidcClient),
  issuer: z
    .url()
    .nullable()
    .describe(
      "The provider's issuer (<eID-Server>/oidc), null without an eID-Server: the platforms' settings name it.",
    ),
});
export type OidcClientListResponse = z.infer<typeof OidcClientListResponse>;

export const OidcClientResponse = z.strictObject({ client: OidcClient });
export type OidcClientResponse = z.infer<typeof OidcClientResponse>;
