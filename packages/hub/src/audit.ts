import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AdminActor } from './auth/actor.js';
import type { Database } from './db/schema.js';

/** Records an admin change. Details describe the change, never a password or a key. */
export async function audit(
  db: Kysely<Database>,
  actor: AdminActor | undefined,
  entry: { action: string; organisationId: string | null; targetId: string; details?: object },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: new Date().toISOString(),
      actor_user_id: actor?.userId ?? null,
      organisation_id: entry.organisationId,
      action: entry.action,
      target_id: entry.targetId,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
