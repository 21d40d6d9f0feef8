import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eidAppServiceId,
  type AccessPointCreatedResponse,
  type ServiceEntry,
  type SignedAllowlistResponse,
} from '@sidbox/protocol';
import { verifyAllowlist } from '@sidbox/signing';
import {
  adminClient,
  backends,
  password,
  seedWorld,
  startTestHub,
  terminalClient,
  testEidServer,
  type AdminClient,
  type TestHub,
  type World,
} from './helpers/hub.js';
import {
  accessAppInput,
  accessAppOf,
  formAppInput,
  pseudonymHashOf,
  uniqueAppId,
} from './helpers/eid-apps.js';
import { createRegistration } from '../src/api/admin/eid-apps/access-commands.js';

const eidServerRequest = (hub: TestHub, path: string, body?: unknown, key = testEidServer.apiKey) =>
  fetch(`${hub.url}/api/eid-server${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

describe.each(backends)("members' eID apps in the hub (%s)", (backend) => {
  let hub: TestHub;
  let world: World;
  let adminA: AdminClient;
  let adminB: AdminClient;
  let association: AdminClient;

  beforeAll(async () => {
    hub = await startTestHub(backend, { eidServer: testEidServer });
    world = await seedWorld(hub.db, hub.url);
    adminA = await adminClient(hub.url, world.users.adminA, password);
    adminB = await adminClient(hub.url, world.users.adminB, password);
    association = await adminClient(hub.url, world.users.associationAdmin, password);
  });
  afterAll(() => hub.close());

  /** The services in the configuration the terminal pulls now, and its version. */
  async function pulledConfig(terminal: World['terminalA']) {
    const res = await terminalClient(hub.url, terminal.credential).request(
      'GET',
      '/api/terminal/config',
    );
    expect(res.status).toBe(200);
    const payload = res.json.config.split('.')[1] as string;
    const config = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      services: ServiceEntry[];
      eidServerOrigin?: string;
    };
    return {
      version: res.json.version as number,
      services: config.services,
      eidServerOrigin: config.eidServerOrigin,
    };
  }
  const tileOf = (services: ServiceEntry[], appId: string) =>
    services.find((service) => service.id === eidAppServiceId(appId));
  const appsSeenByEidServer = async () =>
    ((await (await eidServerRequest(hub, '/apps')).json()) as { apps: { id: string }[] }).apps.map(
      (app) => app.id,
    );

  it('names the eID-Server in every terminal config, for the phone check', async () => {
    for (const terminal of [world.terminalA, world.terminalB])
      expect((await pulledConfig(terminal)).eidServerOrigin).toBe(testEidServer.origin);
  });

  it("creates, changes, archives and restores an app; the member's terminals follow", async () => {
    const id = uniqueAppId('meldeschein');
    const created = await adminA.request('POST', '/api/admin/eid-apps', formAppInput(id));
    expect(created.status).toBe(201);
    expect(created.json.app).toMatchObject({
      id,
      organisationId: world.memberA.id,
      archived: false,
      settings: { kind: 'form', output: 'print' },
    });

    const before = await pulledConfig(world.terminalA);
    expect(tileOf(before.services, id)).toEqual({
      id: `app-${id}`,
      title: formAppInput(id).title,
      description: formAppInput(id).purpose,
      category: 'other',
      startUrl: `${testEidServer.origin}/apps/${id}?lang={lang}`,
      allowedOrigins: [],
      redirectOrigins: [],
      eid: true,
      selfCheck: false,
      allowDownloads: false,
      allowPrint: true,
      allowUpload: false,
    });
    expect(tileOf((await pulledConfig(world.terminalB)).services, id)).toBeUndefined();
    expect(await appsSeenByEidServer()).toContain(id);

    const { id: _id, ...input } = formAppInput(id);
    void _id;
    const changed = await adminA.request('PUT', `/api/admin/eid-apps/${id}`, {
      ...input,
      title: { de: 'Gästeanmeldung' },
      settings: { ...input.settings, output: 'handover' },
    });
    expect(changed.status).toBe(200);
    const afterChange = await pulledConfig(world.terminalA);
    expect(afterChange.version).toBeGreaterThan(before.version);
    expect(tileOf(afterChange.services, id)).toMatchObject({
      title: { de: 'Gästeanmeldung' },
      allowPrint: false,
    });

    const archived = await adminA.request('POST', `/api/admin/eid-apps/${id}/archive`);
    expect(archived.json.app.archived).toBe(true);
    expect(tileOf((await pulledConfig(world.terminalA)).services, id)).toBeUndefined();
    expect(await appsSeenByEidServer()).not.toContain(id);
    const listed = await adminA.request('GET', '/api/admin/eid-apps');
    expect(listed.json.apps).toContainEqual(expect.objectContaining({ id, archived: true }));
    // Where the apps run, for the reception page of a hand-over form.
    expect(listed.json.eidServerOrigin).toBe(testEidServer.origin);

    const restored = await adminA.request('POST', `/api/admin/eid-apps/${id}/restore`);
    expect(restored.json.app.archived).toBe(false);
    expect(tileOf((await pulledConfig(world.terminalA)).services, id)).toBeDefined();

    const audit = await adminA.request('GET', '/api/admin/audit?limit=500');
    const actions = (audit.json.entries as { action: string; targetId: string }[])
      .filter((entry) => entry.targetId === id)
      .map((entry) => entry.action);
    expect(actions.sort()).toEqual(
      ['eid-app.archive', 'eid-app.create', 'eid-app.restore', 'eid-app.update'].sort(),
    );
  });

  it("lets the association admin add an app to a member; other members don't see it", async () => {
    const id = uniqueAppId('door');
    const created = await association.request('POST', '/api/admin/eid-apps', {
      ...accessAppInput(id),
      organisationId: world.memberB.id,
    });
    expect(created.status).toBe(201);
    expect(created.json.app.organisationId).toBe(world.memberB.id);
    expect((await adminA.request('GET', '/api/admin/eid-apps')).text).not.toContain(id);
    expect((await adminB.request('GET', '/api/admin/eid-apps')).text).toContain(id);
    const foreign = await adminA.request('POST', `/api/admin/eid-apps/${id}/archive`);
    expect([foreign.status, foreign.json.error.code]).toEqual([404, 'not-found']);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const existing = await accessAppOf(hub.db, world.memberA.id);
    const archived = await accessAppOf(hub.db, world.memberA.id);
    await adminA.request('POST', `/api/admin/eid-apps/${archived.id}/archive`);
    const form = formAppInput(uniqueAppId());
    const { id: _id, ...update } = accessAppInput('x');
    void _id;
    const before = await adminA.request('GET', '/api/admin/eid-apps');
    const auditBefore = await adminA.request('GET', '/api/admin/audit?limit=500');

    const attempts: [string, Promise<{ status: number; json: { error: { code: string } } }>][] = [
      ['bad id', adminA.request('POST', '/api/admin/eid-apps', { ...form, id: 'Bad_Id' })],
      [
        'no card data',
        adminA.request('POST', '/api/admin/eid-apps', {
          ...form,
          settings: { ...form.settings, cardData: [] },
        }),
      ],
      [
        'more than the kind allows',
        adminA.request('POST', '/api/admin/eid-apps', {
          ...form,
          settings: { ...form.settings, cardData: ['restrictedId'] },
        }),
      ],
      [
        'extra settings',
        adminA.request('POST', '/api/admin/eid-apps', {
          ...accessAppInput(uniqueAppId()),
          settings: { kind: 'access', cardData: ['givenNames'] },
        }),
      ],
      [
        'no German title',
        adminA.request('POST', '/api/admin/eid-apps', { ...form, title: { en: 'Form' } }),
      ],
      ['taken id', adminA.request('POST', '/api/admin/eid-apps', accessAppInput(existing.id))],
      ['archived id', adminA.request('POST', '/api/admin/eid-apps', accessAppInput(archived.id))],
      [
        'kind change',
        adminA.request('PUT', `/api/admin/eid-apps/${existing.id}`, {
          ...update,
          settings: { kind: 'age', minimumAge: 18 },
        }),
      ],
      [
        'change of an archived app',
        adminA.request('PUT', `/api/admin/eid-apps/${archived.id}`, update),
      ],
      [
        'no member named',
        association.request('POST', '/api/admin/eid-apps', accessAppInput(uniqueAppId())),
      ],
      [
        'the association as member',
        association.request('POST', '/api/admin/eid-apps', {
          ...accessAppInput(uniqueAppId()),
          organisationId: world.association.id,
        }),
      ],
      [
        'code for a form app',
        adminA.request('POST', '/api/admin/eid-apps', form).then(() =>
          adminA.request('POST', `/api/admin/eid-apps/${form.id}/registrations`, {
            label: 'Guest',
          }),
        ),
      ],
    ];
    const outcomes = [];
    for (const [what, attempt] of attempts) {
      const res = await attempt;
      outcomes.push([what, res.status, res.json.error.code]);
    }
    expect(outcomes).toEqual([
      ['bad id', 400, 'invalid-request'],
      ['no card data', 400, 'invalid-request'],
      ['more than the kind allows', 400, 'invalid-request'],
      ['extra settings', 400, 'invalid-request'],
      ['no German title', 400, 'invalid-request'],
      ['taken id', 409, 'eid-app-exists'],
      ['archived id', 409, 'eid-app-exists'],
      ['kind change', 409, 'conflict'],
      ['change of an archived app', 409, 'eid-app-archived'],
      ['no member named', 400, 'invalid-request'],
      ['the association as member', 404, 'not-found'],
      ['code for a form app', 409, 'not-an-access-app'],
    ]);

    const after = await adminA.request('GET', '/api/admin/eid-apps');
    const withoutForm = (after.json.apps as { id: string }[]).filter((a) => a.id !== form.id);
    expect(withoutForm).toEqual(before.json.apps);
    const auditAfter = await adminA.request('GET', '/api/admin/audit?limit=500');
    expect(auditAfter.json.entries.length).toBe(auditBefore.json.entries.length + 1);
  });

  it('hands out a registration code once; the eID-Server registers a person with it once', async () => {
    const app = await accessAppOf(hub.db, world.memberA.id);
    const windows = [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' }];
    const issued = await adminA.request('POST', `/api/admin/eid-apps/${app.id}/registrations`, {
      label: 'Anna (Trainerin)',
      windows,
    });
    expect(issued.status).toBe(201);
    const { code, expiresAt } = issued.json as { code: string; expiresAt: string };
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const listed = await adminA.request('GET', `/api/admin/eid-apps/${app.id}/registrations`);
    expect(listed.json.registrations).toEqual([issued.json.registration]);
    expect(listed.text).not.toContain(code);

    const pseudonymHash = pseudonymHashOf('anna');
    const request = { appId: app.id, code, pseudonymHash };
    expect(
      (await eidServerRequest(hub, '/access-registrations', request, 'wrong-key')).status,
    ).toBe(401);
    const registered = await eidServerRequest(hub, '/access-registrations', request);
    expect([registered.status, await registered.json()]).toEqual([
      200,
      { label: 'Anna (Trainerin)', windows },
    ]);
    const again = await eidServerRequest(hub, '/access-registrations', request);
    expect([
      again.status,
      ((await again.json()) as { error: { code: string } }).error.code,
    ]).toEqual([410, 'registration-code-used']);
    const unknown = await eidServerRequest(hub, '/access-registrations', {
      ...request,
      code: 'ABCDEFGH',
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
      'registration-code-unknown',
    );
    const used = await adminA.request('GET', `/api/admin/eid-apps/${app.id}/registrations`);
    expect(used.json.registrations[0].usedAt).not.toBeNull();

    const persons = await adminA.request('GET', `/api/admin/eid-apps/${app.id}/persons`);
    expect(persons.json.persons).toEqual([
      expect.objectContaining({ label: 'Anna (Trainerin)', windows, revokedAt: null }),
    ]);
    expect(persons.text).not.toContain(pseudonymHash);

    // The same card with a second code: the person is updated, not duplicated.
    const second = await adminA.request('POST', `/api/admin/eid-apps/${app.id}/registrations`, {
      label: 'Anna',
    });
    const reregistered = await eidServerRequest(hub, '/access-registrations', {
      ...request,
      code: second.json.code,
    });
    expect(await reregistered.json()).toEqual({ label: 'Anna', windows: [] });
    const once = await adminA.request('GET', `/api/admin/eid-apps/${app.id}/persons`);
    expect(once.json.persons).toEqual([expect.objectContaining({ label: 'Anna', windows: [] })]);
  });

  it('refuses an expired code, an archived app and a malformed report', async () => {
    const app = await accessAppOf(hub.db, world.memberA.id);
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    const { code } = await createRegistration(
      hub.db,
      undefined,
      app,
      { label: 'Late', windows: [] },
      eightDaysAgo,
    );
    const pseudonymHash = pseudonymHashOf('late');
    const expired = await eidServerRequest(hub, '/access-registrations', {
      appId: app.id,
      code,
      pseudonymHash,
    });
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe(
      'registration-code-expired',
    );
    const malformed = await eidServerRequest(hub, '/access-registrations', {
      appId: app.id,
      code,
      pseudonymHash: 'not-a-hash',
    });
    expect(malformed.status).toBe(400);
    const fresh = await adminA.request('POST', `/api/admin/eid-apps/${app.id}/registrations`, {
      label: 'Late',
    });
    await adminA.request('POST', `/api/admin/eid-apps/${app.id}/archive`);
    const inactive = await eidServerRequest(hub, '/access-registrations', {
      appId: app.id,
      code: fresh.json.code,
      pseudonymHash,
    });
    expect(inactive.status).toBe(404);
    const persons = await adminA.request('GET', `/api/admin/eid-apps/${app.id}/persons`);
    expect(persons.json.persons).toEqual([]);
  });

  it("changes a person's label and windows, refuses bad windows, revokes", async () => {
    const app = await accessAppOf(hub.db, world.memberA.id);
    const issued = await adminA.request('POST', `/api/admin/eid-apps/${app.id}/registrations`, {
      label: 'Ben',
    });
    await eidServerRequest(hub, '/access-registrations', {
      appId: app.id,
      code: issued.json.code,
      pseudonymHash: pseudonymHashOf('ben'),
    });
    const [person] = (await adminA.request('GET', `/api/admin/eid-apps/${app.id}/persons`)).json
      .persons as { id: string }[];
    const path = `/api/admin/eid-apps/${app.id}/persons/${person?.id}`;
    const windows = [{ days: [6, 7], from: '10:00', to: '14:00' }];
    const changed = await adminA.request('PUT', path, { label: 'Ben K.', windows });
    expect(changed.json.person).toMatchObject({ label: 'Ben K.', windows });
    const bad = await adminA.request('PUT', path, {
      label: 'Ben',
      windows: [{ days: [8], from: '14:00', to: '10:00' }],
    });
    expect(bad.status).toBe(400);
    const revoked = await adminA.request('POST', `${path}/revoke`);
    expect(revoked.json.person).toMatchObject({ label: 'Ben K.', windows });
    expect(revoked.json.person.revokedAt).not.toBeNull();
    const missing = await adminA.request(
      'PUT',
      `/api/admin/eid-apps/${app.id}/persons/00000000-0000-4000-8000-000000000000`,
      { label: 'X' },
    );
    expect(missing.status).toBe(404);
  });

  it('shows an access point token once and keeps only its hash', async () => {
    const app = await accessAppOf(hub.db, world.memberA.id);
    const created = await adminA.request('POST', `/api/admin/eid-apps/${app.id}/access-points`, {
      name: 'Hintertür',
    });
    expect(created.status).toBe(201);
    const token = created.json.token as string;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const listed = await adminA.request('GET', `/api/admin/eid-apps/${app.id}/access-points`);
    expect(listed.json.accessPoints).toEqual([created.json.accessPoint]);
    expect(listed.text).not.toContain(token);
    const blank = await adminA.request('POST', `/api/admin/eid-apps/${app.id}/access-points`, {
      name: '  ',
    });
    expect(blank.status).toBe(400);
    expect(
      (await adminA.request('GET', `/api/admin/eid-apps/${app.id}/access-points`)).json
        .accessPoints,
    ).toHaveLength(1);
  });

  it('answers a new access point with what its access.yaml needs: hub, trust anchor, eID-Server', async () => {
    const app = await accessAppOf(hub.db, world.memberA.id);
    const createPoint = async () => {
      const created = await adminA.request('POST', `/api/admin/eid-apps/${app.id}/access-points`, {
        name: 'Tor',
      });
      expect(created.status).toBe(201);
      return created.json as AccessPointCreatedResponse;
    };
    /** The point's allowlist, verified with the trust anchor its admin was given. */
    const verifiedWith = async (created: AccessPointCreatedResponse) => {
      const res = await fetch(`${hub.url}/api/access/allowlist`, {
        headers: { authorization: `Bearer ${created.token}` },
      });
      const { trustAnchor } = created;
      if (trustAnchor.kid === undefined) throw new Error('the trust anchor has no kid');
      return verifyAllowlist(
        (await res.json()) as SignedAllowlistResponse,
        { ...trustAnchor, kid: trustAnchor.kid },
        created.accessPoint.id,
      );
    };
    const currentKey = async () =>
      (await association.request('GET', '/api/admin/signing-keys')).json.keys.findLast(
        (key: { retiredAt: string | null }) => key.retiredAt === null,
      ).publicJwk;

    const first = await createPoint();
    expect(first).toMatchObject({ hubUrl: hub.url, eidServerOrigin: testEidServer.origin });
    expect(first.trustAnchor).toEqual(await currentKey());
    expect(await verifiedWith(first)).toMatchObject({ ok: true });

    // After a rotation a new point gets the new key; the old point follows the key chain.
    expect((await association.request('POST', '/api/admin/signing-keys/rotate')).status).toBe(200);
    const second = await createPoint();
    expect(second.trustAnchor).toEqual(await currentKey());
    expect(second.trustAnchor).not.toEqual(first.trustAnchor);
    expect(await verifiedWith(second)).toMatchObject({ ok: true });
    expect(await verifiedWith(first)).toMatchObject({ ok: true });
  });
});

describe('a hub without an eID-Server', () => {
  let hub: TestHub;
  let world: World;
  beforeAll(async () => {
    hub = await startTestHub('sqlite');
    world = await seedWorld(hub.db, hub.url);
  });
  afterAll(() => hub.close());

  it('creates no app and answers 404 on the eID-Server routes', async () => {
    const admin = await adminClient(hub.url, world.users.adminA, password);
    const created = await admin.request('POST', '/api/admin/eid-apps', accessAppInput('door'));
    expect([created.status, created.json.error.code]).toEqual([409, 'eid-server-not-configured']);
    expect((await admin.request('GET', '/api/admin/eid-apps')).json.apps).toEqual([]);
    expect((await eidServerRequest(hub, '/apps')).status).toBe(404);
  });

  it('names no eID-Server in a terminal config: no phone check is offered', async () => {
    const res = await terminalClient(hub.url, world.terminalA.credential).request(
      'GET',
      '/api/terminal/config',
    );
    const payload = res.json.config.split('.')[1] as string;
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).not.toHaveProperty(
      'eidServerOrigin',
    );
  });

  it('adds no access point to an app left from when it had one', async () => {
    const app = await accessAppOf(hub.db, world.memberA.id);
    const admin = await adminClient(hub.url, world.users.adminA, password);
    const created = await admin.request('POST', `/api/admin/eid-apps/${app.id}/access-points`, {
      name: 'Tor',
    });
    expect([created.status, created.json.error.code]).toEqual([409, 'eid-server-not-configured']);
    expect(
      (await admin.request('GET', `/api/admin/eid-apps/${app.id}/access-points`)).json.accessPoints,
    ).toEqual([]);
  });
});
