import { z } from 'zod';
import { EidAppId } from '@sidbox/protocol';

export const EidAppParams = z.strictObject({ id: EidAppId });
export const EidAppListQuery = z.strictObject({ organisationId: z.uuid().optional() });
export const PersonParams = z.strictObject({ id: EidAppId, personId: z.uuid() });
export const AccessPointParams = z.strictObject({ id: EidAppId, pointId: z.uuid() });
export const DecisionListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
