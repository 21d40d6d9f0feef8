import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClock } from '@sidbox/protocol';
import { trustAnchor, verifyAllowlist } from '@sidbox/signing';
import {
  adminClient,
  backends,
  password,
  seedWorld,
  startTestHub,
  testEidServer,
  type AdminClient,
  type TestHub,
  type World,
} from './helpers/hub.js';
import { accessAppOf, pseudonymHashOf, registeredPersonOf } from './helpers/eid-apps.js';

const timeZone = 'Europe/Berlin';

describe.each(backends)('door access at the hub (%s)', (backend) => {
  let hub: TestHub;
  let world: World;
  let admin: AdminClient;

  beforeAll(async () => {
    hub = await startTestHub(backend, { eidServer: testEidServer, timeZone });
    world = await seedWorld(hub.db, hub.url);
    admin = await adminClient(hub.url, world.users.adminA, password);
  });
  afterAll(() => hub.close());

  /** A fresh access app of member A with one access point, as its admin sets them up. */
  async function door() {
    const app = await accessAppOf(hub.db, world.memberA.id);
    const created = await admin.request('POST', `/api/admin/eid-apps/${app.id}/access-points`, {
      name: 'Haupteingang',
    });
    const point = created.json.accessPoint as { id: string };
    const token = created.json.token as string;
    const call = async (method: 'GET' | 'POST', path: string, body?: unknown, bearer = token) => {
      const res = await fetch(`${hub.url}/api/access${path}`, {
        method,
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return { status: res.status, json: (await res.json()) as any };
    };
    const decide = (pseudonymHash: string, decisionId = randomUUID()) =>
      call('POST', '/decisions', { decisionId, pseudonymHash, at: new Date().toISOString() });
    const log = async () =>
      (await admin.request('GET', `/api/admin/eid-apps/${app.id}/decisions`)).json.decisions;
    return { app, point, token, call, decide, log };
  }

  it('grants a registered person, refuses an unknown card, logs both newest first', async () => {
    const { app, point, decide, log } = await door();
    const anna = await registeredPersonOf(hub.db, app.id, 'anna', { label: 'Anna', windows: [] });
    const granted = await decide(anna.pseudonymHash);
    expect(granted.json).toEqual({
      decisionId: expect.any(String),
      granted: true,
      reason: 'granted',
    });
    const unknown = await decide(pseudonymHashOf('stranger'));
    expect(unknown.json).toMatchObject({ granted: false, reason: 'unknown' });
    expect(await log()).toEqual([
      expect.objectContaining({
        decisionId: unknown.json.decisionId,
        pointId: point.id,
        pointName: 'Haupteingang',
        personId: null,
        personLabel: null,
        granted: false,
        reason: 'unknown',
        offline: false,
      }),
      expect.objectContaining({
        decisionId: granted.json.decisionId,
        personId: anna.id,
        personLabel: 'Anna',
        granted: true,
      }),
    ]);
    const limited = await admin.request('GET', `/api/admin/eid-apps/${app.id}/decisions?limit=1`);
    expect(limited.json.decisions).toHaveLength(1);
  });

  it('answers a retried decision id with the first answer and logs it once', async () => {
    const { app, decide, log } = await door();
    const ben = await registeredPersonOf(hub.db, app.id, 'ben');
    const decisionId = randomUUID();
    const first = await decide(ben.pseudonymHash, decisionId);
    await admin.request('POST', `/api/admin/eid-apps/${app.id}/persons/${ben.id}/revoke`);
    const retried = await decide(ben.pseudonymHash, decisionId);
    expect(retried.json).toEqual(first.json);
    expect(await log()).toHaveLength(1);
  });

  it("takes a revocation, a window and the app's archive into account at the next attempt", async () => {
    const { app, decide } = await door();
    const today = localClock(new Date(), timeZone).day;
    // Two days on: not today, and not tomorrow either should midnight pass during the test.
    const notToday = ((today + 1) % 7) + 1;
    const carla = await registeredPersonOf(hub.db, app.id, 'carla', {
      label: 'Carla',
      windows: [{ days: [notToday], from: '00:00', to: '23:59' }],
    });
    expect((await decide(carla.pseudonymHash)).json.reason).toBe('outside-window');
    const dora = await registeredPersonOf(hub.db, app.id, 'dora');
    expect((await decide(dora.pseudonymHash)).json.reason).toBe('granted');
    await admin.request('POST', `/api/admin/eid-apps/${app.id}/persons/${dora.id}/revoke`);
    expect((await decide(dora.pseudonymHash)).json).toMatchObject({
      granted: false,
      reason: 'revoked',
    });
    await admin.request('PUT', `/api/admin/eid-apps/${app.id}/persons/${carla.id}`, {
      label: 'Carla',
      windows: [],
    });
    expect((await decide(carla.pseudonymHash)).json.reason).toBe('granted');
    await admin.request('POST', `/api/admin/eid-apps/${app.id}/archive`);
    expect((await decide(carla.pseudonymHash)).json).toMatchObject({
      granted: false,
      reason: 'app-inactive',
    });
    await admin.request('POST', `/api/admin/eid-apps/${app.id}/restore`);
    expect((await decide(carla.pseudonymHash)).json.reason).toBe('granted');
  });

  it("decides only by its own app's persons", async () => {
    const first = await door();
    const second = await door();
    const erik = await registeredPersonOf(hub.db, first.app.id, 'erik');
    expect((await second.decide(erik.pseudonymHash)).json.reason).toBe('unknown');
  });

  it('refuses an unknown, a missing and a revoked token, and bad input, logging nothing', async () => {
    const { app, point, call, decide, log } = await door();
    const request = {
      decisionId: randomUUID(),
      pseudonymHash: pseudonymHashOf('x'),
      at: new Date().toISOString(),
    };
    const wrong = await call('POST', '/decisions', request, 'not-a-token');
    expect([wrong.status, wrong.json.error.code]).toEqual([401, 'invalid-access-point-token']);
    const none = await fetch(`${hub.url}/api/access/allowlist`);
    expect(none.status).toBe(401);
    const malformed = await call('POST', '/decisions', { ...request, pseudonymHash: 'abc' });
    expect([malformed.status, malformed.json.error.code]).toEqual([400, 'invalid-request']);
    expect(await log()).toEqual([]);

    await decide(pseudonymHashOf('y'));
    const points = await admin.request('GET', `/api/admin/eid-apps/${app.id}/access-points`);
    expect(points.json.accessPoints[0].lastSeenAt).not.toBeNull();
    await admin.request('POST', `/api/admin/eid-apps/${app.id}/access-points/${point.id}/revoke`);
    const revoked = await decide(pseudonymHashOf('y'));
    expect([revoked.status, revoked.json.error.code]).toEqual([401, 'access-point-revoked']);
    expect(await log()).toHaveLength(1);
  });

  it('signs an allowlist the point verifies with the hub key; revoked persons are left out', async () => {
    const { app, point, call } = await door();
    const windows = [{ days: [1, 2, 3, 4, 5], from: '06:00', to: '22:00' }];
    const fiona = await registeredPersonOf(hub.db, app.id, 'fiona', { label: 'Fiona', windows });
    const gustav = await registeredPersonOf(hub.db, app.id, 'gustav');
    await admin.request('POST', `/api/admin/eid-apps/${app.id}/persons/${gustav.id}/revoke`);

    const signed = await call('GET', '/allowlist');
    expect(signed.status).toBe(200);
    const anchor = await trustAnchor(world.terminalA.credential.configSigningKey);
    const verified = await verifyAllowlist(signed.json, anchor, point.id);
    if (!verified.ok) throw new Error(`allowlist refused: ${verified.code}`);
    expect(verified.allowlist).toMatchObject({ appId: app.id, pointId: point.id, timeZone });
    expect(verified.allowlist.entries).toEqual([{ pseudonymHash: fiona.pseudonymHash, windows }]);

    await admin.request('POST', `/api/admin/eid-apps/${app.id}/archive`);
    const inactive = await verifyAllowlist(
      (await call('GET', '/allowlist')).json,
      anchor,
      point.id,
    );
    expect(inactive.ok && inactive.allowlist.entries).toEqual([]);
  });

  it('records offline decisions exactly once', async () => {
    const { app, call, log } = await door();
    const hanna = await registeredPersonOf(hub.db, app.id, 'hanna', {
      label: 'Hanna',
      windows: [],
    });
    const at = '2025-03-04T07:30:00+01:00';
    const decisions = [
      {
        decisionId: randomUUID(),
        granted: true,
        reason: 'granted',
        pseudonymHash: hanna.pseudonymHash,
        at,
      },
      {
        decisionId: randomUUID(),
        granted: false,
        reason: 'unknown',
        pseudonymHash: pseudonymHashOf('nobody'),
        at,
      },
    ];
    const first = await call('POST', '/decisions/offline', { decisions });
    expect(first.json).toEqual({ recorded: 2, duplicates: 0 });
    const again = await call('POST', '/decisions/offline', { decisions });
    expect(again.json).toEqual({ recorded: 0, duplicates: 2 });
    const more = {
      decisionId: randomUUID(),
      granted: true,
      reason: 'granted',
      pseudonymHash: hanna.pseudonymHash,
      at: '2025-03-04T08:00:00+01:00',
    };
    const mixed = await call('POST', '/decisions/offline', { decisions: [...decisions, more] });
    expect(mixed.json).toEqual({ recorded: 1, duplicates: 2 });

    const entries = await log();
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      decisionId: more.decisionId,
      personLabel: 'Hanna',
      offline: true,
      decidedAt: '2025-03-04T07:00:00.000Z',
    });

    const inconsistent = await call('POST', '/decisions/offline', {
      decisions: [{ ...more, decisionId: randomUUID(), reason: 'revoked' }],
    });
    expect(inconsistent.status).toBe(400);
    const tooMany = await call('POST', '/decisions/offline', {
      decisions: Array.from({ length: 1001 }, () => ({ ...more, decisionId: randomUUID() })),
    });
    expect(tooMany.status).toBe(400);
    expect(await log()).toHaveLength(3);
  });
});
