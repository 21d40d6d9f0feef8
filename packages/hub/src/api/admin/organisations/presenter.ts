import type { Organisation } from '@sidbox/protocol';
import type { OrganisationRow } from '../../../db/schema.js';

export function presentOrganisation(org: OrganisationRow): Organisation {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    kind: org.kind,
    membershipStatus: org.membership_status,
    yearlyFeeCents: org.yearly_fee_cents,
    createdAt: org.created_at,
  };
}
