import { z } from 'zod';
import { ServiceEntry, Slug } from '@sidbox/protocol';

export const ServiceParams = z.strictObject({ id: Slug });
export const ServiceListQuery = z.strictObject({ organisationId: z.uuid().optional() });

/** A catalogue entry; without `organisationId` it is national (association admin only). */
export const CreateServiceBody = ServiceEntry.extend({ organisationId: z.uuid().optional() });

/** Replaces an entry's content; owner and id stay. */
export const ReplaceServiceBody = ServiceEntry.omit({ id: true });
