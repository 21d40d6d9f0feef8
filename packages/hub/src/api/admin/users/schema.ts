import { z } from 'zod';
import { minPasswordLength } from '../../../auth/passwords.js';

export const roles = ['association-admin', 'member-admin', 'member-viewer'] as const;
export const RoleSchema = z.enum(roles);

export const UserParams = z.strictObject({ id: z.uuid() });
export const UserListQuery = z.strictObject({ organisationId: z.uuid().optional() });

export const CreateUserBody = z.strictObject({
  organisationId: z.uuid(),
  email: z.email().max(254),
  role: RoleSchema,
  password: z.string().min(minPasswordLength).max(1024),
});
