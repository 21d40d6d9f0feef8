import { z } from 'zod';

/** What an admin user may do: the association admin everything, member roles their member. */
export const roles = ['association-admin', 'member-admin', 'member-viewer'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const AdminUser = z.strictObject({
  id: z.uuid(),
  organisationId: z.uuid(),
  email: z.string().describe('Lower-case email address; the sign-in name.'),
  role: Role,
  createdAt: z.iso.datetime(),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const UserListResponse = z.strictObject({ users: z.array(AdminUser) });
export type UserListResponse = z.infer<typeof UserListResponse>;

export const UserResponse = z.strictObject({ user: AdminUser });
export type UserResponse = z.infer<typeof UserResponse>;
