import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Heartbeat } from '@sidbox/protocol';
import {
  claimTerminalToken,
  refusalOf,
  type VerifiedTerminalToken,
} from '../../auth/terminal-token.js';
import type { HubDb } from '../../db/connect.js';
import { preparedStatement } from '../../db/postgres/prepared.js';

/**
 * The token's claim (as `tokenClaim` builds it: recorded only while the terminal has this key
 * and is not revoked) and the heartbeat, in one statement the update joins. Written out rather
 * than built, and prepared: it runs for every terminal every minute.
 */
const heartbeatStatement = preparedStatement(
  'sidbox_heartbeat',
  `with claimed as (
     insert into terminal_token_uses (terminal_id, jti, expires_at)
     select id, $2, $3 from terminals
     where id = $1 and public_key_x = $4 and revoked_at is null
     on conflict (terminal_id, jti) do nothing
     returning terminal_id)
   update terminals set last_seen_at = $5, last_heartbeat = $6
   from claimed where terminals.id = claimed.terminal_id
   returning terminals.id`,
);

/**
 * Records the token as used and the heartbeat as the terminal's last, together. On PostgreSQL
 * that is one prepared statement (one round trip, one commit), so a replayed token or a revoked
 * terminal updates nothing. SQLite runs in this process, where two statements cost little.
 */
export async function recordHeartbeat(
  db: HubDb,
  token: VerifiedTerminalToken,
  heartbeat: Heartbeat,
  now = new Date(),
): Promise<void> {
  const seenAt = now.toISOString();
  const facts = JSON.stringify(heartbeat);
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await claimTerminalToken(db, token);
    await db
      .updateTable('terminals')
      .set({ last_seen_at: seenAt, last_heartbeat: facts })
      .where('id', '=', token.actor.terminalId)
      .execute();
    return;
  }
  const { terminalId } = token.actor;
  const { rows } = await db.executeQuery(
    CompiledQuery.raw(heartbeatStatement, [
      terminalId,
      token.jti,
      token.expiresAt,
      token.publicKeyX,
      seenAt,
      facts,
    ]),
  );
  if (rows.length === 0) throw await refusalOf(db, token);
}
