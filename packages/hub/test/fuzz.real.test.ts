import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTerminalToken } from '@sidbox/signing';
import { testVolume } from '../../../scripts/test-volume.js';
import type { Database } from '../src/db/schema.js';
import {
  adminClient,
  backends,
  password,
  seedWorld,
  startTestHub,
  type AdminClient,
  type TestHub,
  type World,
} from './helpers/hub.js';
import { accessAppOf, uniqueAppId } from './helpers/eid-apps.js';
import { sessionEvents } from './helpers/events.js';
import { oidcClientOf, uniqueClientId } from './helpers/oidc-clients.js';

const runs = testVolume(10_000);

/** Every table whose content a malformed request must leave alone (token ids are auth bookkeeping). */
const watchedTables = [
  'organisations',
  'users',
  'admin_sessions',
  'terminals',
  'services',
  'terminal_services',
  'config_versions',
  'signing_keys',
  'telemetry_events',
  'survey_responses',
  'audit_log',
  'counter_cases',
  'eid_apps',
  'access_registrations',
  'access_persons',
  'access_points',
  'access_decisions',
  'oidc_clients',
] as const satisfies readonly (keyof Database)[];

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (id: string) => string;
  /** Has a body schema, so a real resource id may be used: only the body is malformed. */
  validatesBody: boolean;
  terminal?: boolean;
}

const routes: Route[] = [
  { method: 'POST', path: () => '/api/admin/login', validatesBody: true },
  { method: 'GET', path: (id) => `/api/admin/organisations/${id}`, validatesBody: false },
  { method: 'POST', path: () => '/api/admin/organisations', validatesBody: true },
  { method: 'PATCH', path: (id) => `/api/admin/organisations/${id}`, validatesBody: true },
  { method: 'GET', path: (id) => `/api/admin/users?organisationId=${id}`, validatesBody: false },
  { method: 'POST', path: () => '/api/admin/users', validatesBody: true },
  { method: 'DELETE', path: (id) => `/api/admin/users/${id}`, validatesBody: false },
  {
    method: 'GET',
    path: (id) => `/api/admin/terminals?organisationId=${id}`,
    validatesBody: false,
  },
  { method: 'POST', path: () => '/api/admin/terminals', validatesBody: true },
  { method: 'PATCH', path: (id) => `/api/admin/terminals/${id}`, validatesBody: true },
  { method: 'POST', path: (id) => `/api/admin/terminals/${id}/credential`, validatesBody: false },
  { method: 'POST', path: (id) => `/api/admin/terminals/${id}/revoke`, validatesBody: false },
  {
    method: 'GET',
    path: (id) => `/api/admin/terminals/${id}/config-preview`,
    validatesBody: false,
  },
  { method: 'PUT', path: (id) => `/api/admin/terminals/${id}/services`, validatesBody: true },
  { method: 'GET', path: (id) => `/api/admin/services?organisationId=${id}`, validatesBody: false },
  { method: 'POST', path: () => '/api/admin/services', validatesBody: true },
  { method: 'PUT', path: (id) => `/api/admin/services/${id}`, validatesBody: true },
  { method: 'DELETE', path: (id) => `/api/admin/services/${id}`, validatesBody: false },
  {
    method: 'GET',
    path: (id) => `/api/admin/statistics?terminalId=${id}&from=${id}`,
    validatesBody: false,
  },
  {
    method: 'GET',
    path: (id) => `/api/admin/surveys/results?organisationId=${id}&training=${id}`,
    validatesBody: false,
  },
  { method: 'GET', path: (id) => `/api/admin/surveys/export.csv?to=${id}`, validatesBody: false },
  { method: 'GET', path: (id) => `/api/admin/audit?limit=${id}`, validatesBody: false },
  {
    method: 'GET',
    path: (id) => `/api/admin/counter-cases?organisationId=${id}&from=${id}`,
    validatesBody: false,
  },
  {
    method: 'PUT',
    path: (id) => `/api/admin/counter-cases/${id}/2025-05`,
    validatesBody: true,
  },
  {
    method: 'PUT',
    path: (id) => `/api/admin/counter-cases/${id}/${id}`,
    validatesBody: false,
  },
  {
    method: 'GET',
    path: (id) => `/api/terminal/config?x=${id}`,
    validatesBody: false,
    terminal: true,
  },
  { method: 'POST', path: () => '/api/terminal/heartbeat', validatesBody: true, terminal: true },
  { method: 'POST', path: () => '/api/terminal/telemetry', validatesBody: true, terminal: true },
  { method: 'POST', path: () => '/api/terminal/surveys', validatesBody: true, terminal: true },
  { method: 'GET', path: (id) => `/api/admin/eid-apps?organisationId=${id}`, validatesBody: false },
  { method: 'POST', path: () => '/api/admin/eid-apps', validatesBody: true },
  { method: 'PUT', path: (id) => `/api/admin/eid-apps/${id}`, validatesBody: true },
  { method: 'POST', path: (id) => `/api/admin/eid-apps/${id}/registrations`, validatesBody: true },
  {
    method: 'POST',
    path: (id) => `/api/admin/eid-apps/${id}/persons/${id}/revoke`,
    validatesBody: false,
  },
  { method: 'POST', path: (id) => `/api/admin/eid-apps/${id}/access-points`, validatesBody: true },
  {
    method: 'GET',
    path: (id) => `/api/admin/eid-apps/${id}/decisions?limit=${id}`,
    validatesBody: false,
  },
  { method: 'POST', path: () => '/api/admin/oidc-clients', validatesBody: true },
  { method: 'PUT', path: (id) => `/api/admin/oidc-clients/${id}`, validatesBody: true },
  { method: 'POST', path: (id) => `/api/admin/oidc-clients/${id}/secret`, validatesBody: false },
  { method: 'GET', path: () => '/api/eid-server/apps', validatesBody: false },
  { method: 'POST', path: () => '/api/eid-server/access-registrations', validatesBody: true },
  { method: 'POST', path: () => '/api/access/decisions', validatesBody: true },
  { method: 'POST', path: (id) => `/api/${id}`, validatesBody: false },
];

const contentTypes = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
  undefined,
];

/** Bodies that are wrong in shape, type or encoding; mutations of a valid telemetry batch too. */
function bodies(validBatch: unknown) {
  return fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom(
      '{',
      '[',
      '{"a":',
      '"\u0000"',
      'null',
      '[]',
      '{}',
      '['.repeat(5000),
      '{"__proto__":{"x":1}}',
    ),
    fc.record({ key: fc.string({ maxLength: 20 }), value: fc.jsonValue() }).map(({ key, value }) =>
      JSON.stringify({
        events: [{ ...(validBatch as { events: object[] }).events[0], [key || 'x']: value }],
      }),
    ),
    fc
      .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue(), { maxKeys: 6 })
      .map((v) => JSON.stringify(v)),
  );
}

/** A door app and a platform, so that fuzzed bodies meet real ids of the members' features. */
const appId = uniqueAppId('fuzz-door');
const clientId = uniqueClientId('fuzz-portal');

describe.each(backends)('fuzz: malformed requests (%s)', (backend) => {
  let hub: TestHub;
  let world: World;
  let admin: AdminClient;

  beforeAll(async () => {
    hub = await startTestHub(backend, {
      eidServer: { origin: 'https://eid.example', apiKey: 'fuzz-eid-server-key' },
    });
    world = await seedWorld(hub.db, hub.url);
    await accessAppOf(hub.db, world.memberA.id, appId);
    await oidcClientOf(hub.db, world.memberA.id, { clientId });
    admin = await adminClient(hub.url, world.users.associationAdmin, password);
    // Issue the first config version now, so that fuzzed config pulls change nothing.
    await hub.app.inject({
      method: 'GET',
      url: '/api/terminal/config',
      headers: { authorization: `Bearer ${await signTerminalToken(world.terminalA.credential)}` },
    });
  });
  afterAll(() => hub.close());

  async function snapshot(): Promise<string> {
    const tables: Record<string, unknown> = {};
    for (const table of watchedTables)
      tables[table] = await hub.db.selectFrom(table).selectAll().execute();
    return JSON.stringify(tables, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  }

  it(`answers ${runs} malformed requests without 5xx and without changing data`, async () => {
    const before = await snapshot();
    const realIds = [
      world.memberA.id,
      world.terminalA.terminal.id,
      'fuehrungszeugnis',
      appId,
      clientId,
    ];
    const arbitrary = fc.record({
      route: fc.constantFrom(...routes),
      id: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.uuid(),
        fc.constantFrom('%', '..', '%00', 'a'.repeat(300)),
      ),
      realId: fc.constantFrom(...realIds),
      useRealId: fc.boolean(),
      body: bodies({ events: sessionEvents() }),
      contentType: fc.constantFrom(...contentTypes),
      authenticated: fc.boolean(),
    });
    let count = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(arbitrary, async (r) => {
        count++;
        const id = r.useRealId && r.route.validatesBody ? r.realId : encodeURIComponent(r.id);
        const headers: Record<string, string> = {};
        if (r.contentType) headers['content-type'] = r.contentType;
        if (r.authenticated && r.route.terminal) {
          headers['authorization'] =
            `Bearer ${await signTerminalToken(world.terminalA.credential)}`;
        } else if (r.authenticated) {
          headers['cookie'] = admin.cookie;
          headers['x-csrf-token'] = admin.csrfToken;
        }
        const res = await hub.app.inject({
          method: r.route.method,
          url: r.route.path(id),
          headers,
          ...(r.route.method !== 'GET' && { payload: r.body }),
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        return res.statusCode < 500;
      }),
      { numRuns: runs, seed: 5_2026 },
    );
    expect(count).toBeGreaterThanOrEqual(runs);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(statuses.get(400)).toBeGreaterThan(runs / 4);
    expect(await snapshot()).toBe(before);
  }, 150_000);

  it('rejects an event carrying an IP address and stores nothing', async () => {
    const event = { ...sessionEvents()[0], id: randomUUID(), ip: '192.0.2.1' };
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/terminal/telemetry',
      headers: { authorization: `Bearer ${await signTerminalToken(world.terminalA.credential)}` },
      payload: { events: [event] },
    });
    expect(res.statusCode).toBe(400);
    const stored = await hub.db
      .selectFrom('telemetry_events')
      .select('id')
      .where('id', '=', event.id)
      .execute();
    expect(stored).toEqual([]);
  });
});
