import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAttempt, purgeEndedRateLimits } from '../src/auth/rate-limit.js';
import { databaseReadiness, openDatabase, type HubDb } from '../src/db/connect.js';
import { latestMigrationName } from '../src/db/migrations/index.js';
import type { Database } from '../src/db/schema.js';
import { startHub } from '../src/start-hub.js';
import { backends, password, type Backend } from './helpers/hub.js';
import { createUser } from '../src/api/admin/users/commands.js';
import { createMember } from '../src/api/admin/organisations/commands.js';
import {
  createAdminSession,
  csrfHeaderName,
  sessionCookieName,
} from '../src/auth/admin-session.js';

const minute = 60_000;

/** Storage for two hub instances: one SQLite file, or one PostgreSQL schema. */
function sharedStorage(backend: Backend) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sidbox-hub-shared-'));
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const storage =
    backend === 'postgres'
      ? { databaseUrl: process.env['SIDBOX_TEST_DATABASE_URL'] as string, databaseSchema: schema }
      : { dataDir };
  return { storage, schema, dataDir };
}

describe.each(backends)('state hub instances share (%s)', (backend) => {
  const { storage, schema, dataDir } = sharedStorage(backend);
  type Hub = Awaited<ReturnType<typeof startHub>>;
  let hubs: Hub[] = [];
  let first: Hub;
  let second: Hub;
  let db: HubDb;

  beforeAll(async () => {
    const start = () => startHub({ port: 0, logger: false, loginAttemptsPerMinute: 3, ...storage });
    // Two instances of one PostgreSQL schema, started at once: migrations must not race. Two
    // SQLite connections in one thread cannot wait for each other (better-sqlite3 waits
    // synchronously), so there they start one after the other.
    hubs =
      backend === 'postgres'
        ? await Promise.all([start(), start()])
        : [await start(), await start()];
    [first, second] = hubs as [Hub, Hub];
    db = first.db;
  });

  afterAll(async () => {
    if (backend === 'postgres' && first) await db.schema.dropSchema(schema).cascade().execute();
    for (const hub of hubs) await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts attempts per key in one window and starts a new one after it', async () => {
    const t0 = new Date('2026-01-01T10:00:00.000Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect(await countAttempt(db, 'test:a', minute, t0)).toEqual({ hits: 1, resetsInMs: minute });
    expect(await countAttempt(db, 'test:a', minute, at(20_000))).toEqual({
      hits: 2,
      resetsInMs: 40_000,
    });
    expect((await countAttempt(db, 'test:b', minute, at(20_000))).hits).toBe(1);
    expect((await countAttempt(db, 'test:a', minute, at(59_999))).hits).toBe(3);
    // The window ends a minute after its first attempt; the next attempt opens a new one.
    expect(await countAttempt(db, 'test:a', minute, at(minute))).toEqual({
      hits: 1,
      resetsInMs: minute,
    });
    expect((await countAttempt(db, 'test:a', minute, at(minute + 1))).hits).toBe(2);
  });

  it('never gives two attempts at the same moment the same count', async () => {
    const now = new Date();
    const counts = await Promise.all(
      Array.from({ length: 30 }, () => countAttempt(db, 'test:burst', minute, now)),
    );
    expect(counts.map((c) => c.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
  });

  it('forgets only windows that ended long ago', async () => {
    const now = new Date();
    await countAttempt(db, 'test:old', minute, new Date(now.getTime() - 2 * 60 * minute));
    await countAttempt(db, 'test:recent', minute, now);
    await purgeEndedRateLimits(db, 60 * minute, now);
    const keys = await db.selectFrom('rate_limits').select('key').execute();
    expect(keys.map((k) => k.key)).toContain('test:recent');
    expect(keys.map((k) => k.key)).not.toContain('test:old');
  });

  it('refuses the login attempt over the limit on whichever instance it lands', async () => {
    const login = (url: string) =>
      fetch(`${url}/api/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@example.org', password: 'wrong-password' }),
      });
    const statuses = [];
    for (const hub of [first, second, first, second, first]) {
      statuses.push((await login(hub.url)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const refused = await login(second.url);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate-limited');
  });

  it('limits enrollments per admin, counted in the shared database', async () => {
    const member = await createMember(db, undefined, {
      slug: 'member-shared',
      name: 'Member',
      membershipStatus: 'active',
      yearlyFeeCents: 0,
    });
    const admin = (email: string) =>
      createUser(db, undefined, {
        organisationId: member.id,
        role: 'member-admin',
        email,
        password,
      });
    const busy = await admin('busy@test.example');
    const other = await admin('other@test.example');
    const enroll = async (userId: string) => {
      const session = await createAdminSession(db, userId);
      return fetch(`${second.url}/api/admin/terminals`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `${sessionCookieName}=${session.token}`,
          [csrfHeaderName]: session.csrfToken,
        },
        body: JSON.stringify({ organisationId: member.id, name: 'T', location: '', kind: 'basic' }),
      });
    };
    // Sixty enrollments this minute, as another instance would have counted them.
    for (let i = 0; i < 60; i += 1) await countAttempt(db, `enroll:${busy.id}`, minute);
    expect((await enroll(busy.id)).status).toBe(429);
    expect((await enroll(other.id)).status).toBe(201);
  });

  it('is ready when migrated, and says 503 not-ready when a migration is missing', async () => {
    for (const hub of hubs) expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    await sql`delete from kysely_migration where name = ${latestMigrationName}`.execute(db);
    try {
      const answer = await fetch(`${second.url}/healthz`);
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({
        error: { code: 'not-ready', message: 'the database lacks migrations this hub needs' },
      });
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${latestMigrationName}, ${new Date().toISOString()})`.execute(
        db,
      );
    }
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
  });
});

describe('readiness without a database', () => {
  it('is unreachable when the database is closed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sidbox-hub-ready-'));
    const db = await openDatabase({ dataDir });
    expect(await databaseReadiness(db)).toBe('ready');
    await db.destroy();
    expect(await databaseReadiness(db)).toBe('unreachable');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is unreachable, in time, when the server accepts but never answers', async () => {
    // A silent TCP listener stands in for a PostgreSQL server lost mid-connection.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const pool = new pg.Pool({ connectionString: `postgres://hub@127.0.0.1:${port}/hub` });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const started = Date.now();
    expect(await databaseReadiness(db, 300)).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(2_000);
    for (const socket of sockets) socket.destroy();
    await db.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
});
