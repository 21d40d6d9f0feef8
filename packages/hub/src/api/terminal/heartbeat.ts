import { PostgresAdapter } from 'kysely';
import type { Heartbeat } from '@sidbox/protocol';
import {
  claimTerminalToken,
  refusalOf,
  tokenClaim,
  type VerifiedTerminalToken,
} from '../../auth/terminal-token.js';
import type { HubDb } from '../../db/connect.js';

/**
 * Records the token as used and the heartbeat as the terminal's last, together. On PostgreSQL
 * that is one statement (one round trip, one commit): the claim is a CTE the update joins, so
 * a replayed token or a revoked terminal updates nothing. SQLite runs in this process, where two
 * statements cost next to nothing.
 */
export async function recordHeartbeat(
  db: HubDb,
  token: VerifiedTerminalToken,
  heartbeat: Heartbeat,
  now = new Date(),
): Promise<void> {
  const facts = { last_seen_at: now.toISOString(), last_heartbeat: JSON.stringify(heartbeat) };
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await claimTerminalToken(db, token);
    await db.updateTable('terminals').set(facts).where('id', '=', token.actor.terminalId).execute();
    return;
  }
  const updated = await db
    .with('claimed', () => tokenClaim(db, token))
    .updateTable('terminals')
    .set(facts)
    .from('claimed')
    .whereRef('terminals.id', '=', 'claimed.terminal_id')
    .returning('terminals.id')
    .executeTakeFirst();
  if (!updated) throw await refusalOf(db, token);
}
