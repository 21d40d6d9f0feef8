import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EidServerOidcClientsResponse,
  OidcClientListResponse,
  OidcClientSecretResponse,
} from '@sidbox/protocol';
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
import { oidcClientInput, oidcClientOf, uniqueClientId } from './helpers/oidc-clients.js';
import { createOidcClient } from '../src/api/admin/oidc-clients/commands.js';

// Members' online platforms ("Mit dem Personalausweis anmelden", issue 17) in the hub: the
// admin API with its roles and errors, and the list the eID-Server's OpenID provider pulls.

const issuer = `${testEidServer.origin}/oidc`;

const pulledByEidServer = (hub: TestHub, key = testEidServer.apiKey) =>
  fetch(`${hub.url}/api/eid-server/oidc-clients`, {
    headers: { authorization: `Bearer ${key}` },
  });

describe.each(backends)("members' OIDC platforms in the hub (%s)", (backend) => {
  let hub: TestHub;
  let world: World;
  let adminA: AdminClient;
  let viewerA: AdminClient;
  let adminB: AdminClient;
  let association: AdminClient;

  beforeAll(async () => {
    hub = await startTestHub(backend, { eidServer: testEidServer });
    world = await seedWorld(hub.db, hub.url);
    adminA = await adminClient(hub.url, world.users.adminA, password);
    viewerA = await adminClient(hub.url, world.users.viewerA, password);
    adminB = await adminClient(hub.url, world.users.adminB, password);
    association = await adminClient(hub.url, world.users.associationAdmin, password);
  });
  afterAll(() => hub.close());

  /** The platforms the eID-Server gets now, by client id. */
  async function eidServerClients() {
    const res = await pulledByEidServer(hub);
    expect(res.status).toBe(200);
    const { clients } = EidServerOidcClientsResponse.parse(await res.json());
    return new Map(clients.map((client) => [client.clientId, client]));
  }

  /** Every audit entry's details and the raw audit table, as one text to search. */
  async function auditText() {
    const rows = await hub.db.selectFrom('audit_log').selectAll().execute();
    return JSON.stringify(rows);
  }

  it('registers a platform with its secret shown once; changes, renews, archives, restores it', async () => {
    const clientId = uniqueClientId('moodle');
    const created = await adminA.request('POST', '/api/admin/oidc-clients', {
      ...oidcClientInput(clientId),
      redirectUris: ['https://lernen.verein.example/auth/oidc/'],
    });
    expect(created.status).toBe(201);
    const { client, clientSecret, issuer: named } = OidcClientSecretResponse.parse(created.json);
    expect(client).toMatchObject({
      clientId,
      organisationId: world.memberA.id,
      name: 'Vereinsportal',
      claims: ['given_name', 'family_name', 'age_over'],
      minimumAge: 18,
      archived: false,
    });
    expect(named).toBe(issuer);
    expect(clientSecret).toMatch(/^[\w-]{43}$/);

    // The admins' list never carries the secret; the eID-Server's does.
    const listed = await adminA.request('GET', '/api/admin/oidc-clients');
    expect(OidcClientListResponse.parse(listed.json)).toEqual({ clients: [client], issuer });
    expect(listed.text).not.toContain(clientSecret);
    expect((await eidServerClients()).get(clientId)).toEqual({ ...client, clientSecret });

    const changed = await adminA.request('PUT', `/api/admin/oidc-clients/${clientId}`, {
      name: 'Lernplattform',
      redirectUris: ['https://lernen.verein.example/auth/oidc/', 'http://localhost:8080/cb'],
      claims: ['given_name'],
    });
    expect(changed.status).toBe(200);
    expect(changed.json.client).toMatchObject({ clientId, name: 'Lernplattform' });
    expect(changed.json.client.minimumAge).toBeUndefined();
    expect((await eidServerClients()).get(clientId)).toMatchObject({
      claims: ['given_name'],
      redirectUris: ['https://lernen.verein.example/auth/oidc/', 'http://localhost:8080/cb'],
      clientSecret,
    });

    const renewed = await adminA.request('POST', `/api/admin/oidc-clients/${clientId}/secret`);
    expect(renewed.status).toBe(200);
    const again = OidcClientSecretResponse.parse(renewed.json);
    expect(again.issuer).toBe(issuer);
    expect(again.clientSecret).not.toBe(clientSecret);
    expect((await eidServerClients()).get(clientId)?.clientSecret).toBe(again.clientSecret);

    const archived = await adminA.request('POST', `/api/admin/oidc-clients/${clientId}/archive`);
    expect(archived.json.client.archived).toBe(true);
    expect((await eidServerClients()).has(clientId)).toBe(false);
    const whileArchived = await Promise.all([
      adminA.request('PUT', `/api/admin/oidc-clients/${clientId}`, {
        name: 'x',
        redirectUris: ['https://x.example/'],
      }),
      adminA.request('POST', `/api/admin/oidc-clients/${clientId}/secret`),
    ]);
    expect(whileArchived.map((res) => [res.status, res.json.error.code])).toEqual([
      [409, 'oidc-client-archived'],
      [409, 'oidc-client-archived'],
    ]);
    const restored = await adminA.request('POST', `/api/admin/oidc-clients/${clientId}/restore`);
    expect(restored.json.client.archived).toBe(false);
    expect((await eidServerClients()).get(clientId)?.clientSecret).toBe(again.clientSecret);

    const audit = await adminA.request('GET', '/api/admin/audit?limit=500');
    const entries = (audit.json.entries as { action: string; targetId: string }[]).filter(
      (entry) => entry.targetId === clientId,
    );
    expect(entries.map((entry) => entry.action).sort()).toEqual([
      'oidc-client.archive',
      'oidc-client.create',
      'oidc-client.renew-secret',
      'oidc-client.restore',
      'oidc-client.update',
    ]);
    expect(entries.find((entry) => entry.action === 'oidc-client.update')).toMatchObject({
      details: { name: 'Lernplattform', claims: ['given_name'], minimumAge: null },
    });
    const everything = await auditText();
    expect(everything).toContain(clientId);
    expect(everything).not.toContain(clientSecret);
    expect(everything).not.toContain(again.clientSecret);
  });

  it("lets the association admin register for a member; other members don't reach it", async () => {
    const clientId = uniqueClientId('nextcloud');
    const created = await association.request('POST', '/api/admin/oidc-clients', {
      ...oidcClientInput(clientId),
      organisationId: world.memberB.id,
    });
    expect(created.status).toBe(201);
    expect(created.json.client.organisationId).toBe(world.memberB.id);

    const listedA = await adminA.request('GET', '/api/admin/oidc-clients');
    expect(listedA.text).not.toContain(clientId);
    expect((await adminB.request('GET', '/api/admin/oidc-clients')).text).toContain(clientId);
    const byMember = await association.request(
      'GET',
      `/api/admin/oidc-clients?organisationId=${world.memberB.id}`,
    );
    expect(
      (byMember.json.clients as { organisationId: string }[]).every(
        (c) => c.organisationId === world.memberB.id,
      ),
    ).toBe(true);
    expect(byMember.text).toContain(clientId);

    const attempts = await Promise.all([
      adminA.request('POST', `/api/admin/oidc-clients/${clientId}/archive`),
      adminA.request('POST', `/api/admin/oidc-clients/${clientId}/secret`),
      adminA.request('GET', `/api/admin/oidc-clients?organisationId=${world.memberB.id}`),
      viewerA.request('POST', '/api/admin/oidc-clients', oidcClientInput(uniqueClientId())),
      viewerA.request(
        'POST',
        `/api/admin/oidc-clients/${(await oidcClientOf(hub.db, world.memberA.id)).client_id}/secret`,
      ),
    ]);
    expect(attempts.map((res) => [res.status, res.json.error.code])).toEqual([
      [404, 'not-found'],
      [404, 'not-found'],
      [403, 'forbidden'],
      [403, 'forbidden'],
      [403, 'forbidden'],
    ]);
    expect((await viewerA.request('GET', '/api/admin/oidc-clients')).status).toBe(200);
    expect((await eidServerClients()).get(clientId)?.organisationId).toBe(world.memberB.id);
  });

  it('refuses bad input and a taken client id with a clear error, and changes nothing', async () => {
    const mine = await oidcClientOf(hub.db, world.memberA.id);
    const archived = await oidcClientOf(hub.db, world.memberA.id, { archived: true });
    const othersId = (await oidcClientOf(hub.db, world.memberB.id)).client_id;
    const input = oidcClientInput(uniqueClientId());
    const { clientId: _id, ...update } = input;
    void _id;
    const before = await association.request('GET', '/api/admin/oidc-clients');
    const auditBefore = await auditText();
    const pulledBefore = await eidServerClients();

    const create = (body: object, client = adminA) =>
      client.request('POST', '/api/admin/oidc-clients', body);
    const change = (body: object) =>
      adminA.request('PUT', `/api/admin/oidc-clients/${mine.client_id}`, body);
    const attempts: [string, ReturnType<typeof create>][] = [
      ['upper-case id', create({ ...input, clientId: 'Portal_1' })],
      ['no redirect URI', create({ ...input, redirectUris: [] })],
      ['http elsewhere', create({ ...input, redirectUris: ['http://portal.example/cb'] })],
      ['fragment', create({ ...input, redirectUris: ['https://portal.example/cb#x'] })],
      ['not a URL', create({ ...input, redirectUris: ['portal.example/cb'] })],
      ['unknown claim', create({ ...input, claims: ['email'] })],
      ['claim twice', create({ ...input, claims: ['given_name', 'given_name'] })],
      ['age without claim', create({ ...input, claims: ['given_name'], minimumAge: 18 })],
      ['claim without age', create({ ...input, claims: ['age_over'], minimumAge: undefined })],
      ['age 0', create({ ...input, minimumAge: 0 })],
      ['empty name', create({ ...input, name: '  ' })],
      ['a secret of its own', create({ ...input, clientSecret: 'x'.repeat(40) })],
      ['id taken by another member', create({ ...input, clientId: othersId })],
      ['own id', create({ ...input, clientId: mine.client_id })],
      ['archived id', create({ ...input, clientId: archived.client_id })],
      ['no member named', create(input, association)],
      [
        'the association as member',
        create({ ...input, organisationId: world.association.id }, association),
      ],
      ['id change', change({ ...update, clientId: 'other-id' })],
      ['change without redirect', change({ ...update, redirectUris: [] })],
      ['unknown platform', adminA.request('POST', '/api/admin/oidc-clients/no-such-id/secret')],
    ];
    const outcomes = [];
    for (const [what, attempt] of attempts) {
      const res = await attempt;
      outcomes.push([what, res.status, res.json.error.code]);
    }
    expect(outcomes).toEqual([
      ['upper-case id', 400, 'invalid-request'],
      ['no redirect URI', 400, 'invalid-request'],
      ['http elsewhere', 400, 'invalid-request'],
      ['fragment', 400, 'invalid-request'],
      ['not a URL', 400, 'invalid-request'],
      ['unknown claim', 400, 'invalid-request'],
      ['claim twice', 400, 'invalid-request'],
      ['age without claim', 400, 'invalid-request'],
      ['claim without age', 400, 'invalid-request'],
      ['age 0', 400, 'invalid-request'],
      ['empty name', 400, 'invalid-request'],
      ['a secret of its own', 400, 'invalid-request'],
      ['id taken by another member', 409, 'oidc-client-exists'],
      ['own id', 409, 'oidc-client-exists'],
      ['archived id', 409, 'oidc-client-exists'],
      ['no member named', 400, 'invalid-request'],
      ['the association as member', 404, 'not-found'],
      ['id change', 400, 'invalid-request'],
      ['change without redirect', 400, 'invalid-request'],
      ['unknown platform', 404, 'not-found'],
    ]);
    // The taken id says what to do, and nothing of the other member.
    const taken = await create({ ...input, clientId: othersId });
    expect(taken.json.error.message).toContain('choose another id');
    expect(taken.text).not.toContain(world.memberB.id);
    expect((await create({ ...input, clientId: archived.client_id })).json.error.message).toContain(
      'restore it',
    );

    expect((await association.request('GET', '/api/admin/oidc-clients')).json).toEqual(before.json);
    expect(await auditText()).toBe(auditBefore);
    expect(await eidServerClients()).toEqual(pulledBefore);
  });

  it('registers an id asked for twice at once only once, and says so to the second', async () => {
    // Both requests find the id free, then both insert: the second insert fails on the key.
    const clientId = uniqueClientId('race');
    const outcomes = await Promise.allSettled([
      createOidcClient(hub.db, undefined, world.memberA.id, oidcClientInput(clientId)),
      createOidcClient(hub.db, undefined, world.memberB.id, oidcClientInput(clientId)),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'oidc-client-exists', status: 409 });
  });

  it("answers the eID-Server's pull only with its key", async () => {
    const wrong = await pulledByEidServer(hub, 'not-the-key');
    expect([
      wrong.status,
      ((await wrong.json()) as { error: { code: string } }).error.code,
    ]).toEqual([401, 'invalid-api-key']);
    const none = await fetch(`${hub.url}/api/eid-server/oidc-clients`);
    expect(none.status).toBe(401);
    // An admin session is no eID-Server key.
    const admin = await association.request('GET', '/api/eid-server/oidc-clients');
    expect(admin.status).toBe(401);
    const pulled = await eidServerClients();
    const rows = await hub.db.selectFrom('oidc_clients').selectAll().execute();
    expect([...pulled.keys()].sort()).toEqual(
      rows
        .filter((row) => row.archived === 0)
        .map((row) => row.client_id)
        .sort(),
    );
    expect(new Set([...pulled.values()].map((c) => c.organisationId))).toEqual(
      new Set([world.memberA.id, world.memberB.id]),
    );
  });
});

describe('OIDC platforms in a hub without an eID-Server', () => {
  let hub: TestHub;
  let world: World;
  beforeAll(async () => {
    hub = await startTestHub('sqlite');
    world = await seedWorld(hub.db, hub.url);
  });
  afterAll(() => hub.close());

  it('registers none, names no issuer and answers 404 to the eID-Server route', async () => {
    const admin = await adminClient(hub.url, world.users.adminA, password);
    const created = await admin.request(
      'POST',
      '/api/admin/oidc-clients',
      oidcClientInput(uniqueClientId()),
    );
    expect([created.status, created.json.error.code]).toEqual([409, 'eid-server-not-configured']);
    expect((await admin.request('GET', '/api/admin/oidc-clients')).json).toEqual({
      clients: [],
      issuer: null,
    });
    expect((await pulledByEidServer(hub)).status).toBe(404);
  });
});
