import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalCredential } from '@sidbox/protocol';
import { generateEd25519Jwk, signTerminalToken } from '@sidbox/signing';
import {
  adminClient,
  backends,
  password,
  seedWorld,
  startTestHub,
  type TestHub,
  type World,
} from './helpers/hub.js';

const facts = (uptimeSeconds: number) => ({
  configVersion: 1,
  softwareVersion: '0.1.0',
  ausweisAppVersion: '2.4.0',
  readerAttached: true,
  blockedNavigations: 0,
  device: { kind: 'basic', printer: false, scanner: false, uptimeSeconds },
});

describe.each(backends)('heartbeat (%s)', (backend) => {
  let hub: TestHub;
  let world: World;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    world = await seedWorld(hub.db, hub.url);
  });
  afterAll(() => hub?.close());

  const beat = async (credential: TerminalCredential, body: unknown, jti = randomUUID()) => {
    const reply = await fetch(`${hub.url}/api/terminal/heartbeat`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await signTerminalToken(credential, { jti })}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    return { status: reply.status, json: (await reply.json()) as { error?: { code: string } } };
  };
  const stored = (id: string) =>
    hub.db
      .selectFrom('terminals')
      .select(['last_heartbeat', 'last_seen_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('stores the facts as the last heartbeat; a replayed token changes nothing', async () => {
    const { credential, terminal } = world.terminalA;
    const jti = randomUUID();
    expect((await beat(credential, facts(60), jti)).status).toBe(200);
    const first = await stored(terminal.id);
    expect(JSON.parse(first.last_heartbeat ?? '')).toEqual(facts(60));
    const replay = await beat(credential, facts(120), jti);
    expect([replay.status, replay.json.error?.code]).toEqual([401, 'invalid-terminal-token']);
    expect(await stored(terminal.id)).toEqual(first);
  });

  it('uses up the token of a malformed heartbeat, which stores nothing', async () => {
    const { credential, terminal } = world.terminalA;
    const before = await stored(terminal.id);
    const jti = randomUUID();
    const malformed = await beat(credential, { configVersion: 'one' }, jti);
    expect([malformed.status, malformed.json.error?.code]).toEqual([400, 'invalid-request']);
    expect((await beat(credential, facts(180), jti)).status).toBe(401);
    expect(await stored(terminal.id)).toEqual(before);
  });

  it('answers many terminals it has not seen yet, arriving at once, each for itself', async () => {
    // A restarted hub meets its fleet: on PostgreSQL their rows are read in batches.
    const template = await hub.db
      .selectFrom('terminals')
      .selectAll()
      .where('id', '=', world.terminalA.terminal.id)
      .executeTakeFirstOrThrow();
    const fleet = await Promise.all(
      Array.from({ length: 30 }, async (_, i): Promise<TerminalCredential> => {
        const { kty, crv, x, d } = await generateEd25519Jwk();
        const terminalId = randomUUID();
        await hub.db
          .insertInto('terminals')
          .values({
            ...template,
            id: terminalId,
            name: `Unseen ${i}`,
            public_key_x: x,
            revoked_at: i === 7 ? new Date().toISOString() : null,
            last_heartbeat: null,
            last_seen_at: null,
          })
          .execute();
        return { ...world.terminalA.credential, terminalId, terminalKey: { kty, crv, x, d } };
      }),
    );
    const stranger = { ...(fleet[0] as TerminalCredential), terminalId: randomUUID() };
    const answers = await Promise.all(
      [...fleet, stranger].map((credential, i) => beat(credential, facts(1000 + i))),
    );
    const expected = (i: number) =>
      i === 7 ? [403, 'terminal-revoked'] : i === 30 ? [401, 'invalid-terminal-token'] : [200];
    expect(answers.map((a) => [a.status, a.json.error?.code].filter(Boolean))).toEqual(
      answers.map((_, i) => expected(i)),
    );
    for (const [i, credential] of fleet.entries()) {
      const row = await stored(credential.terminalId);
      expect(row.last_heartbeat && JSON.parse(row.last_heartbeat)).toEqual(
        i === 7 ? null : facts(1000 + i),
      );
    }
  });

  it('honours a new credential at once, though the old key was cached', async () => {
    const { credential, terminal } = world.terminalB;
    expect((await beat(credential, facts(60))).status).toBe(200); // its key is now cached
    const admin = await adminClient(hub.url, world.users.adminB, password);
    const reissued = await admin.request('POST', `/api/admin/terminals/${terminal.id}/credential`);
    expect(reissued.status).toBe(200);
    const fresh = reissued.json.credential as TerminalCredential;
    const old = await beat(credential, facts(61));
    expect([old.status, old.json.error?.code]).toEqual([401, 'invalid-terminal-token']);
    expect((await beat(fresh, facts(62))).status).toBe(200);
    expect(JSON.parse((await stored(terminal.id)).last_heartbeat ?? '')).toEqual(facts(62));
    // Changed behind this process's back (another hub instance): refused all the same.
    await hub.db
      .updateTable('terminals')
      .set({ public_key_x: credential.terminalKey.x })
      .where('id', '=', terminal.id)
      .execute();
    expect((await beat(fresh, facts(63))).status).toBe(401);
    expect((await beat(credential, facts(64))).status).toBe(200);
  });
});
