import { z } from 'zod';
import { Slug } from '../terminal-config.js';

/** The association runs the hub; its members own terminals. */
export const organisationKinds = ['association', 'member'] as const;
export const OrganisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const membershipStatuses = ['prospective', 'active', 'suspended', 'ended'] as const;
export const MembershipStatus = z.enum(membershipStatuses);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

export const Organisation = z.strictObject({
  id: z.uuid(),
  slug: Slug,
  name: z.string(),
  kind: OrganisationKind,
  membershipStatus: MembershipStatus,
  yearlyFeeCents: z.number().int().min(0),
  createdAt: z.iso.datetime(),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationListResponse = z.strictObject({ organisations: z.array(Organisation) });
export type OrganisationListResponse = z.infer<typeof OrganisationListResponse>;

export const OrganisationResponse = z.strictObject({ organisation: Organisation });
export type OrganisationResponse = z.infer<typeof OrganisationResponse>;
