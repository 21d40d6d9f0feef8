import { z } from 'zod';
import { OidcClientId } from '@sidbox/protocol';

export const OidcClientParams = z.strictObject({ clientId: OidcClientId });
export const OidcClientListQuery = z.strictObject({ organisationId: z.uuid().optional() });
