import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTerminalToken } from '@sidbox/signing';
import {
  backends,
  seedWorld,
  startTestHub,
  terminalClient,
  type TestHub,
  type World,
} from './helpers/hub.js';
import { sessionEvents, surveyResponse } from './helpers/events.js';

describe.each(backends)('terminal protocol (%s)', (backend) => {
  let hub: TestHub;
  let world: World;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    world = await seedWorld(hub.db, hub.url);
  });
  afterAll(() => hub.close());

  const countEvents = async (terminalId: string) =>
    Number(
      (
        await hub.db
          .selectFrom('telemetry_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('terminal_id', '=', terminalId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('counts the same telemetry batch sent three times once', async () => {
    const terminal = terminalClient(hub.url, world.terminalA.credential);
    const batch = { events: sessionEvents() };
    const replies = [];
    for (let i = 0; i < 3; i++)
      replies.push((await terminal.request('POST', '/api/terminal/telemetry', batch)).json);
    expect(replies).toEqual([
      { stored: 5, duplicates: 0 },
      { stored: 0, duplicates: 5 },
      { stored: 0, duplicates: 5 },
    ]);
    expect(await countEvents(world.terminalA.terminal.id)).toBe(5);
  });

  it('stores duplicate ids within one batch once', async () => {
    const terminal = terminalClient(hub.url, world.terminalB.credential);
    const [event] = sessionEvents();
    const reply = await terminal.request('POST', '/api/terminal/telemetry', {
      events: [event, event],
    });
    expect(reply.json).toEqual({ stored: 1, duplicates: 1 });
  });

  it('counts the same survey batch sent three times once', async () => {
    const terminal = terminalClient(hub.url, world.terminalA.credential);
    const batch = { responses: [surveyResponse({ faster: 'agree' }), surveyResponse()] };
    for (let i = 0; i < 3; i++) await terminal.request('POST', '/api/terminal/surveys', batch);
    const rows = await hub.db
      .selectFrom('survey_responses')
      .select('id')
      .where('terminal_id', '=', world.terminalA.terminal.id)
      .execute();
    expect(rows).toHaveLength(2);
  });

  it('rejects events with unknown fields (no personal data accepted)', async () => {
    const terminal = terminalClient(hub.url, world.terminalA.credential);
    const [event] = sessionEvents();
    const before = await countEvents(world.terminalA.terminal.id);
    const reply = await terminal.request('POST', '/api/terminal/telemetry', {
      events: [{ ...event, name: 'Erika Mustermann' }],
    });
    expect(reply.status).toBe(400);
    expect(reply.json.error.message).toMatch(/name/);
    const survey = await terminal.request('POST', '/api/terminal/surveys', {
      responses: [{ ...surveyResponse(), email: 'e@x.de' }],
    });
    expect(survey.status).toBe(400);
    expect(await countEvents(world.terminalA.terminal.id)).toBe(before);
  });

  it('refuses a replayed, an overlong, an expired and a foreign-key token', async () => {
    const { credential } = world.terminalA;
    const call = (token: string) =>
      fetch(`${hub.url}/api/terminal/config`, { headers: { authorization: `Bearer ${token}` } });
    const jti = randomUUID();
    expect((await call(await signTerminalToken(credential, { jti }))).status).toBe(200);
    expect((await call(await signTerminalToken(credential, { jti }))).status).toBe(401);
    expect(
      (await call(await signTerminalToken(credential, { lifetimeSeconds: 3600 }))).status,
    ).toBe(401);
    const past = new Date(Date.now() - 10 * 60_000);
    expect((await call(await signTerminalToken(credential, { now: past }))).status).toBe(401);
    const forged = { ...world.terminalB.credential, terminalId: credential.terminalId };
    expect((await call(await signTerminalToken(forged))).status).toBe(401);
    expect((await fetch(`${hub.url}/api/terminal/config`)).status).toBe(401);
  });

  it('refuses a revoked terminal on every endpoint', async () => {
    const { db } = hub;
    const enrolled = world.terminalB;
    const terminal = terminalClient(hub.url, enrolled.credential);
    expect((await terminal.request('GET', '/api/terminal/config')).status).toBe(200);
    await db
      .updateTable('terminals')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', enrolled.terminal.id)
      .execute();
    const replies = await Promise.all([
      terminal.request('GET', '/api/terminal/config'),
      terminal.request('POST', '/api/terminal/heartbeat', {}),
      terminal.request('POST', '/api/terminal/telemetry', { events: sessionEvents() }),
      terminal.request('POST', '/api/terminal/surveys', { responses: [surveyResponse()] }),
    ]);
    expect(replies.map((r) => [r.status, r.json.error.code])).toEqual(
      Array(4).fill([403, 'terminal-revoked']),
    );
  });
});
