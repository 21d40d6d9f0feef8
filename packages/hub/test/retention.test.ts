import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryEvent } from '@sidbox/protocol';
import { ingestTelemetry } from '../src/api/terminal/ingest.js';
import { foldTelemetry, retentionCutoffDay } from '../src/telemetry/retention.js';
import {
  adminClient,
  backends,
  password,
  seedWorld,
  startTestHub,
  terminalClient,
  type AdminClient,
  type TestHub,
  type World,
} from './helpers/hub.js';

const retentionDays = 15;
const dayMs = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * dayMs + 60_000).toISOString();

/** A session n days ago with a duration, a service and an outcome that vary with `seed`. */
function session(n: number, seed: number, training = false): TelemetryEvent[] {
  const base = () => ({ id: randomUUID(), terminalTime: daysAgo(n), training });
  return [
    { type: 'session-started', ...base() },
    { type: 'service-opened', ...base(), serviceId: seed % 2 ? 'fuehrungszeugnis' : 'wohngeld' },
    {
      type: 'eid-outcome',
      ...base(),
      workflow: 'change-pin',
      code: seed % 3 ? 'pin-changed' : 'wrong-pin',
    },
    ...(seed % 2 ? [{ type: 'pin-changed' as const, ...base() }] : []),
    { type: 'session-ended', ...base(), reason: 'mat-left', durationSeconds: 37 + seed * 11 },
  ];
}

describe.each(backends)('telemetry retention (%s)', (backend) => {
  let hub: TestHub;
  let world: World;
  let admin: AdminClient;
  /** Events that arrived when they were recent: now past retention, folded below. */
  const old: TelemetryEvent[] = [];

  beforeAll(async () => {
    hub = await startTestHub(backend, { telemetryRetentionDays: retentionDays });
    world = await seedWorld(hub.db, hub.url);
    admin = await adminClient(hub.url, world.users.associationAdmin, password);
    for (const [n, seed] of [
      [40, 1],
      [40, 2],
      [30, 3],
      [20, 4],
    ] as const)
      old.push(...session(n, seed), ...session(n, seed + 5, true));
    const actorA = { terminalId: world.terminalA.terminal.id, organisationId: world.memberA.id };
    await ingestTelemetry(hub.db, actorA, old);
    const recent = [...session(10, 6), ...session(3, 7), ...session(0, 8, true)];
    const a = terminalClient(hub.url, world.terminalA.credential);
    expect((await a.request('POST', '/api/terminal/telemetry', { events: recent })).status).toBe(
      200,
    );
    const ofB = [...session(20, 9), ...session(1, 10)];
    await ingestTelemetry(
      hub.db,
      { terminalId: world.terminalB.terminal.id, organisationId: world.memberB.id },
      ofB,
    );
  });
  afterAll(() => hub?.close());

  const rows = async (table: 'telemetry_events' | 'telemetry_daily') =>
    Number(
      (
        await hub.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Every filter an admin can choose that covers folded and raw days. */
  const statistics = async () => {
    const day = (n: number) => daysAgo(n).slice(0, 10);
    const queries = [
      '',
      '?training=true',
      `?organisationId=${world.memberA.id}`,
      `?terminalId=${world.terminalB.terminal.id}`,
      `?from=${day(30)}&to=${day(3)}`,
      `?from=${day(20)}&training=true`,
    ];
    return Promise.all(
      queries.map(async (q) => {
        const reply = await admin.request('GET', `/api/admin/statistics${q}`);
        expect(reply.status).toBe(200);
        return reply.json.statistics as Record<string, unknown>;
      }),
    );
  };

  it('answers the same statistics after folding old events into daily counts', async () => {
    const before = await statistics();
    expect(before[0]).toMatchObject({ sessions: 8 });
    const rawBefore = await rows('telemetry_events');

    const cutoff = retentionCutoffDay(new Date(), retentionDays);
    expect(await foldTelemetry(hub.db, cutoff)).toBe(3); // 40, 30 and 20 days ago
    expect(await rows('telemetry_events')).toBe(rawBefore - old.length - 5);
    expect(await rows('telemetry_daily')).toBeGreaterThan(0);
    expect(await statistics()).toEqual(before);

    expect(await foldTelemetry(hub.db, cutoff)).toBe(0);
    expect(await statistics()).toEqual(before);
  });

  it('does not store a redelivered event of a folded day again', async () => {
    const before = await statistics();
    const a = terminalClient(hub.url, world.terminalA.credential);
    const batch = { events: old.slice(0, 20) };
    const reply = await a.request('POST', '/api/terminal/telemetry', batch);
    expect(reply.json).toEqual({ stored: 0, duplicates: 20 });
    expect(await statistics()).toEqual(before);
  });
});
