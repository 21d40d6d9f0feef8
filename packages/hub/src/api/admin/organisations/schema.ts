import { z } from 'zod';
import { MembershipStatus, Slug } from '@sidbox/protocol';

export const OrganisationParams = z.strictObject({ id: z.uuid() });

export const CreateOrganisationBody = z.strictObject({
  slug: Slug,
  name: z.string().trim().min(1).max(200),
  membershipStatus: MembershipStatus.default('active'),
  yearlyFeeCents: z.number().int().min(0).max(100_000_000).default(15_000),
});

export const UpdateOrganisationBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    membershipStatus: MembershipStatus,
    yearlyFeeCents: z.number().int().min(0).max(100_000_000),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
