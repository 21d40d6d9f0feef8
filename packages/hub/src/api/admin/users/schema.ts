import { z } from 'zod';
import { Role } from '@sidbox/protocol';
import { minPasswordLength } from '../../../auth/passwords.js';

export const UserParams = z.strictObject({ id: z.uuid() });
export const UserListQuery = z.strictObject({ organisationId: z.uuid().optional() });

export const CreateUserBody = z.strictObject({
  organisationId: z.uuid(),
  email: z.email().max(254),
  role: Role,
  password: z.string().min(minPasswordLength).max(1024),
});
