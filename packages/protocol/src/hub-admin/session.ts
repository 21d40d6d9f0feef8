import { z } from 'zod';
import { AdminUser } from './users.js';

const csrfToken = z.string().describe('Send back in the x-csrf-token header with every change.');

export const LoginResponse = z.strictObject({ user: AdminUser, csrfToken });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** The signed-in user as the session knows it. */
export const SessionUser = AdminUser.omit({ createdAt: true });
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.strictObject({ user: SessionUser, csrfToken });
export type SessionResponse = z.infer<typeof SessionResponse>;
