import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { sessionEvents } from './helpers/events.js';

const thisMonth = () => new Date().toISOString().slice(0, 7);

describe.each(backends)('counter cases and the online share (%s)', (backend) => {
  let hub: TestHub;
  let world: World;
  let association: AdminClient;
  let adminA: AdminClient;
  let viewerA: AdminClient;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    world = await seedWorld(hub.db, hub.url);
    association = await adminClient(hub.url, world.users.associationAdmin, password);
    adminA = await adminClient(hub.url, world.users.adminA, password);
    viewerA = await adminClient(hub.url, world.users.viewerA, password);
    const terminal = terminalClient(hub.url, world.terminalA.credential);
    for (let i = 0; i < 3; i++) {
      const res = await terminal.request('POST', '/api/terminal/telemetry', {
        events: sessionEvents(),
      });
      expect(res.status).toBe(200);
    }
  });
  afterAll(() => hub.close());

  const statistics = async (client: AdminClient, query: string) => {
    const res = await client.request('GET', `/api/admin/statistics?${query}`);
    expect(res.status).toBe(200);
    return res.json.statistics as {
      pinChanges: number;
      counterCases: number | null;
      onlineShare: number | null;
    };
  };
  const counterCaseRows = () => hub.db.selectFrom('counter_cases').selectAll().execute();

  it('has no share while there is neither a PIN change nor a counter case', async () => {
    const s = await statistics(association, `organisationId=${world.memberB.id}`);
    expect(s).toMatchObject({ pinChanges: 0, counterCases: 0, onlineShare: null });
  });

  it('computes the share from terminal PIN changes and recorded counter cases', async () => {
    const month = thisMonth();
    const set = await adminA.request(
      'PUT',
      `/api/admin/counter-cases/${world.memberA.id}/${month}`,
      { cases: 5 },
    );
    expect(set.status).toBe(200);
    expect(set.json.counterCases).toMatchObject({ organisationId: world.memberA.id, month });
    // Correcting a month replaces its count.
    await adminA.request('PUT', `/api/admin/counter-cases/${world.memberA.id}/${month}`, {
      cases: 1,
    });
    const s = await statistics(viewerA, '');
    expect(s).toMatchObject({ pinChanges: 3, counterCases: 1, onlineShare: 0.75 });
    const all = await statistics(association, '');
    expect(all.onlineShare).toBe(0.75);
    const audit = await association.request(
      'GET',
      `/api/admin/audit?organisationId=${world.memberA.id}`,
    );
    expect(audit.text).toContain('counter-cases.set');
  });

  it('limits counter cases to the months the period touches', async () => {
    await association.request('PUT', `/api/admin/counter-cases/${world.memberA.id}/2020-01`, {
      cases: 4,
    });
    const s = await statistics(adminA, 'from=2020-01-10&to=2020-01-20');
    expect(s).toMatchObject({ pinChanges: 0, counterCases: 4, onlineShare: 0 });
    const listed = await viewerA.request('GET', '/api/admin/counter-cases?from=2020-01&to=2020-01');
    expect(listed.json.counterCases).toEqual([
      expect.objectContaining({ organisationId: world.memberA.id, month: '2020-01', cases: 4 }),
    ]);
    const terminalOnly = await statistics(adminA, `terminalId=${world.terminalA.terminal.id}`);
    expect(terminalOnly.onlineShare).toBeNull();
  });

  it("refuses member A's admin on member B and member A's viewer everywhere", async () => {
    const before = await counterCaseRows();
    const other = await adminA.request(
      'PUT',
      `/api/admin/counter-cases/${world.memberB.id}/2025-05`,
      { cases: 3 },
    );
    expect(other.status).toBe(404);
    const viewer = await viewerA.request(
      'PUT',
      `/api/admin/counter-cases/${world.memberA.id}/2025-05`,
      { cases: 3 },
    );
    expect(viewer.status).toBe(403);
    const read = await adminA.request(
      'GET',
      `/api/admin/counter-cases?organisationId=${world.memberB.id}`,
    );
    expect(read.status).toBe(403);
    const association = await adminA.request(
      'PUT',
      `/api/admin/counter-cases/${world.association.id}/2025-05`,
      { cases: 3 },
    );
    expect(association.status).toBe(404);
    expect(await counterCaseRows()).toEqual(before);
  });

  it('answers bad input with 400 and stores nothing', async () => {
    const before = await counterCaseRows();
    const org = world.memberA.id;
    for (const [path, body] of [
      [`/counter-cases/${org}/2025-13`, { cases: 1 }],
      [`/counter-cases/${org}/2025-5`, { cases: 1 }],
      [`/counter-cases/${org}/2025-05`, { cases: -1 }],
      [`/counter-cases/${org}/2025-05`, { cases: 1.5 }],
      [`/counter-cases/${org}/2025-05`, { cases: '7' }],
      [`/counter-cases/${org}/2025-05`, { cases: 1, name: 'Jane Doe' }],
      [`/counter-cases/${org}/2025-05`, {}],
      ['/counter-cases/not-a-uuid/2025-05', { cases: 1 }],
    ] as const) {
      const res = await adminA.request('PUT', `/api/admin${path}`, body);
      expect([path, body, res.status, res.json.error.code]).toEqual([
        path,
        body,
        400,
        'invalid-request',
      ]);
    }
    const query = await adminA.request('GET', '/api/admin/counter-cases?from=May');
    expect(query.status).toBe(400);
    expect(await counterCaseRows()).toEqual(before);
  });
});
