import { z } from 'zod';
import { ServiceEntry } from '../terminal-config.js';

/** National entries belong to the association, local ones to one member. */
export const ServiceScope = z.enum(['national', 'local']);
export type ServiceScope = z.infer<typeof ServiceScope>;

/** A catalogue entry with its owner. */
export const AdminService = ServiceEntry.extend({
  scope: ServiceScope,
  organisationId: z.uuid().nullable().describe('The owning member; null for national entries.'),
  updatedAt: z.iso.datetime(),
});
export type AdminService = z.infer<typeof AdminService>;

export const ServiceListResponse = z.strictObject({ services: z.array(AdminService) });
export type ServiceListResponse = z.infer<typeof ServiceListResponse>;

export const ServiceResponse = z.strictObject({ service: AdminService });
export type ServiceResponse = z.infer<typeof ServiceResponse>;
