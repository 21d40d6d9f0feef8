import { createHash, randomBytes } from 'node:crypto';
import type { HubDb } from '../db/connect.js';
import type { AdminActor } from './actor.js';

export const sessionCookieName = 'sidbox_session';
export const csrfHeaderName = 'x-csrf-token';
export const sessionLifetimeSeconds = 8 * 60 * 60;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Starts an admin session; the token goes into the cookie, only its hash into the database. */
export async function createAdminSession(db: HubDb, userId: string, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db
    .insertInto('admin_sessions')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + sessionLifetimeSeconds * 1000).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

export async function findAdminSession(
  db: HubDb,
  token: string,
  now = new Date(),
): Promise<AdminActor | undefined> {
  const row = await db
    .selectFrom('admin_sessions')
    .innerJoin('users', 'users.id', 'admin_sessions.user_id')
    .select([
      'users.id as userId',
      'users.organisation_id as organisationId',
      'users.role',
      'users.email',
      'admin_sessions.csrf_token as csrfToken',
    ])
    .where('admin_sessions.token_hash', '=', sha256(token))
    .where('admin_sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row;
}

export async function endAdminSession(db: HubDb, token: string): Promise<void> {
  await db.deleteFrom('admin_sessions').where('token_hash', '=', sha256(token)).execute();
}

export async function purgeExpiredAdminSessions(db: HubDb, now = new Date()): Promise<void> {
  await db.deleteFrom('admin_sessions').where('expires_at', '<=', now.toISOString()).execute();
}
