import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { HubDb } from '../db/connect.js';

export interface AttemptCount {
  /** Attempts in the current window, this one included. */
  hits: number;
  /** Milliseconds until the window ends and counting starts again. */
  resetsInMs: number;
}

/**
 * Counts one attempt for `key` in a single upsert, so that every hub instance on the same
 * database sees the same count and two attempts at the same moment never both read "9". A
 * window starts with the first attempt and lasts `windowMs`; the first attempt after it starts
 * the next one. Times are the instance's clock (instances are expected to run NTP).
 */
export async function countAttempt(
  db: HubDb,
  key: string,
  windowMs: number,
  now = new Date(),
): Promise<AttemptCount> {
  const windowEndedBy = new Date(now.getTime() - windowMs).toISOString();
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_started_at: now.toISOString(), hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const expired = eb('rate_limits.window_started_at', '<=', windowEndedBy);
        return {
          hits: eb
            .case()
            .when(expired)
            .then(eb.lit(1))
            .else(eb('rate_limits.hits', '+', 1))
            .end(),
          window_started_at: eb
            .case()
            .when(expired)
            .then(eb.ref('excluded.window_started_at'))
            .else(eb.ref('rate_limits.window_started_at'))
            .end(),
        };
      }),
    )
    .returning(['hits', 'window_started_at'])
    .executeTakeFirstOrThrow();
  const endsAt = Date.parse(row.window_started_at) + windowMs;
  return { hits: Number(row.hits), resetsInMs: Math.max(0, endsAt - now.getTime()) };
}

/** Forgets keys whose window ended more than `windowMs` ago; their next attempt starts anew. */
export async function purgeEndedRateLimits(
  db: HubDb,
  windowMs: number,
  now = new Date(),
): Promise<void> {
  const endedBefore = new Date(now.getTime() - windowMs).toISOString();
  await db.deleteFrom('rate_limits').where('window_started_at', '<', endedBefore).execute();
}

/**
 * A store for @fastify/rate-limit that keeps its counters in the hub's database instead of each
 * process's memory, so N instances allow the limit once, not N times. Routes give their keys a
 * scope of their own (`login:…`, `enroll:…`) through their key generators.
 */
export function databaseRateLimitStore(db: HubDb) {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      countAttempt(db, key, timeWindow).then(
        ({ hits, resetsInMs }) => callback(null, { current: hits, ttl: resetsInMs }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
