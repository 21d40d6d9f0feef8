import type { AdminUser } from '@sidbox/protocol';
import type { UserRow } from '../../../db/schema.js';

export function presentUser(
  user: Pick<UserRow, 'id' | 'organisation_id' | 'email' | 'role' | 'created_at'>,
): AdminUser {
  return {
    id: user.id,
    organisationId: user.organisation_id,
    email: user.email,
    role: user.role,
    createdAt: user.created_at,
  };
}
