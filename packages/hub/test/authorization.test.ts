import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceEntry } from '@sidbox/protocol';
import { createService } from '../src/api/admin/services/commands.js';
import { enrollTerminal } from '../src/api/admin/terminals/commands.js';
import { createUser } from '../src/api/admin/users/commands.js';
import { signTerminalToken } from '@sidbox/signing';
import {
  adminClient,
  backends,
  password,
  seedWorld,
  startTestHub,
  type AdminClient,
  type Method,
  type TestHub,
  type World,
  testEidServer,
} from './helpers/hub.js';
import {
  accessAppInput,
  accessAppOf,
  accessPointOf,
  registeredPersonOf,
  uniqueAppId,
} from './helpers/eid-apps.js';
import { setEidAppArchived } from '../src/api/admin/eid-apps/commands.js';
import { oidcClientInput, oidcClientOf, uniqueClientId } from './helpers/oidc-clients.js';

type Access = 'read' | 'manage' | 'association';
type Target = 'own' | 'other';
type Role = 'associationAdmin' | 'adminA' | 'viewerA';

interface Case {
  method: Method;
  route: string;
  access: Access;
  /** Builds the request against a fresh resource of the given organisation. */
  build(orgId: string): Promise<{ path: string; body?: unknown }>;
}

const entry = (id: string) =>
  ServiceEntry.parse({
    id,
    title: { de: 'Dienst' },
    description: { de: 'Beschreibung' },
    startUrl: 'https://svc.example/',
  });
const unique = () => randomUUID().slice(0, 8);

describe.each(backends)('authorization matrix (%s)', (backend) => {
  let hub: TestHub;
  let world: World;
  const clients = {} as Record<Role, AdminClient>;

  beforeAll(async () => {
    hub = await startTestHub(backend, { eidServer: testEidServer });
    world = await seedWorld(hub.db, hub.url);
    for (const role of ['associationAdmin', 'adminA', 'viewerA'] as const) {
      clients[role] = await adminClient(hub.url, world.users[role], password);
    }
  });
  afterAll(() => hub.close());

  const terminalOf = async (orgId: string) =>
    (
      await enrollTerminal(
        hub.db,
        undefined,
        {
          organisationId: orgId,
          name: `T ${unique()}`,
          location: '',
          kind: 'basic',
          preset: 'club',
          training: false,
          languages: ['de'],
        },
        hub.url,
      )
    ).terminal.id;
  const localServiceOf = async (orgId: string) =>
    (
      await createService(hub.db, undefined, {
        ...entry(`local-${unique()}`),
        organisationId: orgId,
      })
    ).id;
  const nationalService = async () =>
    (await createService(hub.db, undefined, entry(`national-${unique()}`))).id;

  const appOf = async (orgId: string) => (await accessAppOf(hub.db, orgId)).id;
  const archivedAppOf = async (orgId: string) => {
    const app = await accessAppOf(hub.db, orgId);
    return (await setEidAppArchived(hub.db, undefined, app, true)).id;
  };
  const personOf = async (orgId: string) => {
    const appId = await appOf(orgId);
    return `${appId}/persons/${(await registeredPersonOf(hub.db, appId)).id}`;
  };
  const pointOf = async (orgId: string) => {
    const appId = await appOf(orgId);
    return `${appId}/access-points/${(await accessPointOf(hub.db, appId)).accessPoint.id}`;
  };
  const grant = { label: 'Trainer', windows: [{ days: [1, 3], from: '17:00', to: '21:00' }] };

  const cases: Case[] = [
    {
      method: 'GET',
      route: '/organisations/:id',
      access: 'read',
      build: async (o) => ({ path: `/organisations/${o}` }),
    },
    {
      method: 'GET',
      route: '/users',
      access: 'read',
      build: async (o) => ({ path: `/users?organisationId=${o}` }),
    },
    {
      method: 'GET',
      route: '/terminals',
      access: 'read',
      build: async (o) => ({ path: `/terminals?organisationId=${o}` }),
    },
    {
      method: 'GET',
      route: '/terminals/:id',
      access: 'read',
      build: async (o) => ({ path: `/terminals/${await terminalOf(o)}` }),
    },
    {
      method: 'GET',
      route: '/terminals/:id/config-preview',
      access: 'read',
      build: async (o) => ({ path: `/terminals/${await terminalOf(o)}/config-preview` }),
    },
    {
      method: 'GET',
      route: '/terminals/:id/services',
      access: 'read',
      build: async (o) => ({ path: `/terminals/${await terminalOf(o)}/services` }),
    },
    {
      method: 'GET',
      route: '/services',
      access: 'read',
      build: async (o) => ({ path: `/services?organisationId=${o}` }),
    },
    {
      method: 'GET',
      route: '/statistics',
      access: 'read',
      build: async (o) => ({ path: `/statistics?organisationId=${o}` }),
    },
    {
      method: 'GET',
      route: '/statistics',
      access: 'read',
      build: async (o) => ({ path: `/statistics?terminalId=${await terminalOf(o)}` }),
    },
    {
      method: 'GET',
      route: '/counter-cases',
      access: 'read',
      build: async (o) => ({ path: `/counter-cases?organisationId=${o}` }),
    },
    {
      method: 'GET',
      route: '/surveys/results',
      access: 'read',
      build: async (o) => ({ path: `/surveys/results?organisationId=${o}` }),
    },
    {
      method: 'GET',
      route: '/surveys/export.csv',
      access: 'read',
      build: async (o) => ({ path: `/surveys/export.csv?organisationId=${o}` }),
    },
    {
      method: 'GET',
      route: '/audit',
      access: 'read',
      build: async (o) => ({ path: `/audit?organisationId=${o}` }),
    },
    {
      method: 'POST',
      route: '/users',
      access: 'manage',
      build: async (o) => ({
        path: '/users',
        body: {
          organisationId: o,
          role: 'member-viewer',
          email: `u-${unique()}@test.example`,
          password,
        },
      }),
    },
    {
      method: 'DELETE',
      route: '/users/:id',
      access: 'manage',
      build: async (o) => ({
        path: `/users/${(await createUser(hub.db, undefined, { organisationId: o, role: 'member-viewer', email: `d-${unique()}@test.example`, password })).id}`,
      }),
    },
    {
      method: 'POST',
      route: '/terminals',
      access: 'manage',
      build: async (o) => ({ path: '/terminals', body: { organisationId: o, name: 'New' } }),
    },
    {
      method: 'PATCH',
      route: '/terminals/:id',
      access: 'manage',
      build: async (o) => ({
        path: `/terminals/${await terminalOf(o)}`,
        body: { name: 'Renamed' },
      }),
    },
    {
      method: 'POST',
      route: '/terminals/:id/credential',
      access: 'manage',
      build: async (o) => ({ path: `/terminals/${await terminalOf(o)}/credential` }),
    },
    {
      method: 'POST',
      route: '/terminals/:id/revoke',
      access: 'manage',
      build: async (o) => ({ path: `/terminals/${await terminalOf(o)}/revoke` }),
    },
    {
      method: 'PUT',
      route: '/terminals/:id/services',
      access: 'manage',
      build: async (o) => ({
        path: `/terminals/${await terminalOf(o)}/services`,
        body: { serviceIds: [] },
      }),
    },
    {
      method: 'POST',
      route: '/services',
      access: 'manage',
      build: async (o) => ({
        path: '/services',
        body: { ...entry(`new-${unique()}`), organisationId: o },
      }),
    },
    {
      method: 'PUT',
      route: '/services/:id',
      access: 'manage',
      build: async (o) => {
        const { id, ...body } = entry('x');
        void id;
        return { path: `/services/${await localServiceOf(o)}`, body };
      },
    },
    {
      method: 'DELETE',
      route: '/services/:id',
      access: 'manage',
      build: async (o) => ({ path: `/services/${await localServiceOf(o)}` }),
    },
    {
      method: 'PUT',
      route: '/counter-cases/:organisationId/:month',
      access: 'manage',
      build: async (o) => ({ path: `/counter-cases/${o}/2025-05`, body: { cases: 12 } }),
    },
    {
      method: 'GET',
      route: '/eid-apps',
      access: 'read',
      build: async (o) => ({ path: `/eid-apps?organisationId=${o}` }),
    },
    {
      method: 'GET',
      route: '/eid-apps/:id/registrations',
      access: 'read',
      build: async (o) => ({ path: `/eid-apps/${await appOf(o)}/registrations` }),
    },
    {
      method: 'GET',
      route: '/eid-apps/:id/persons',
      access: 'read',
      build: async (o) => ({ path: `/eid-apps/${await appOf(o)}/persons` }),
    },
    {
      method: 'GET',
      route: '/eid-apps/:id/access-points',
      access: 'read',
      build: async (o) => ({ path: `/eid-apps/${await appOf(o)}/access-points` }),
    },
    {
      method: 'GET',
      route: '/eid-apps/:id/decisions',
      access: 'read',
      build: async (o) => ({ path: `/eid-apps/${await appOf(o)}/decisions` }),
    },
    {
      method: 'POST',
      route: '/eid-apps',
      access: 'manage',
      build: async (o) => ({
        path: '/eid-apps',
        body: { ...accessAppInput(uniqueAppId()), organisationId: o },
      }),
    },
    {
      method: 'PUT',
      route: '/eid-apps/:id',
      access: 'manage',
      build: async (o) => {
        const { id, ...body } = accessAppInput('x');
        void id;
        return { path: `/eid-apps/${await appOf(o)}`, body };
      },
    },
    {
      method: 'POST',
      route: '/eid-apps/:id/archive',
      access: 'manage',
      build: async (o) => ({ path: `/eid-apps/${await appOf(o)}/archive` }),
    },
    {
      method: 'POST',
      route: '/eid-apps/:id/restore',
      access: 'manage',
      build: async (o) => ({ path: `/eid-apps/${await archivedAppOf(o)}/restore` }),
    },
    {
      method: 'POST',
      route: '/eid-apps/:id/registrations',
      access: 'manage',
      build: async (o) => ({ path: `/eid-apps/${await appOf(o)}/registrations`, body: grant }),
    },
    {
      method: 'PUT',
      route: '/eid-apps/:id/persons/:personId',
      access: 'manage',
      build: async (o) => ({ path: `/eid-apps/${await personOf(o)}`, body: grant }),
    },
    {
      method: 'POST',
      route: '/eid-apps/:id/persons/:personId/revoke',
      access: 'manage',
      build: async (o) => ({ path: `/eid-apps/${await personOf(o)}/revoke` }),
    },
    {
      method: 'POST',
      route: '/eid-apps/:id/access-points',
      access: 'manage',
      build: async (o) => ({
        path: `/eid-apps/${await appOf(o)}/access-points`,
        body: { name: 'Side door' },
      }),
    },
    {
      method: 'POST',
      route: '/eid-apps/:id/access-points/:pointId/revoke',
      access: 'manage',
      build: async (o) => ({ path: `/eid-apps/${await pointOf(o)}/revoke` }),
    },
    {
      method: 'GET',
      route: '/oidc-clients',
      access: 'read',
      build: async (o) => ({ path: `/oidc-clients?organisationId=${o}` }),
    },
    {
      method: 'POST',
      route: '/oidc-clients',
      access: 'manage',
      build: async (o) => ({
        path: '/oidc-clients',
        body: { ...oidcClientInput(uniqueClientId()), organisationId: o },
      }),
    },
    {
      method: 'PUT',
      route: '/oidc-clients/:clientId',
      access: 'manage',
      build: async (o) => {
        const { clientId, ...body } = oidcClientInput('x');
        void clientId;
        return { path: `/oidc-clients/${(await oidcClientOf(hub.db, o)).client_id}`, body };
      },
    },
    ...(['secret', 'archive'] as const).map((action): Case => ({
      method: 'POST',
      route: `/oidc-clients/:clientId/${action}`,
      access: 'manage',
      build: async (o) => ({
        path: `/oidc-clients/${(await oidcClientOf(hub.db, o)).client_id}/${action}`,
      }),
    })),
    {
      method: 'POST',
      route: '/oidc-clients/:clientId/restore',
      access: 'manage',
      build: async (o) => ({
        path: `/oidc-clients/${(await oidcClientOf(hub.db, o, { archived: true })).client_id}/restore`,
      }),
    },
    {
      method: 'POST',
      route: '/organisations',
      access: 'association',
      build: async () => ({
        path: '/organisations',
        body: { slug: `m-${unique()}`, name: 'New member' },
      }),
    },
    {
      method: 'PATCH',
      route: '/organisations/:id',
      access: 'association',
      build: async (o) => ({ path: `/organisations/${o}`, body: { yearlyFeeCents: 0 } }),
    },
    {
      method: 'POST',
      route: '/services',
      access: 'association',
      build: async () => ({ path: '/services', body: entry(`nat-${unique()}`) }),
    },
    {
      method: 'PUT',
      route: '/services/:id',
      access: 'association',
      build: async () => {
        const { id, ...body } = entry('x');
        void id;
        return { path: `/services/${await nationalService()}`, body };
      },
    },
    {
      method: 'DELETE',
      route: '/services/:id',
      access: 'association',
      build: async () => ({ path: `/services/${await nationalService()}` }),
    },
    {
      method: 'GET',
      route: '/signing-keys',
      access: 'association',
      build: async () => ({ path: '/signing-keys' }),
    },
    {
      method: 'POST',
      route: '/signing-keys/rotate',
      access: 'association',
      build: async () => ({ path: '/signing-keys/rotate' }),
    },
  ];

  function allowed(role: Role, access: Access, target: Target): boolean {
    if (role === 'associationAdmin') return true;
    if (access === 'association' || target === 'other') return false;
    return access === 'read' || role === 'adminA';
  }

  it('covers every admin route', async () => {
    const openapi = (await (await fetch(`${hub.url}/openapi.json`)).json()) as {
      paths: Record<string, object>;
    };
    const routes = Object.entries(openapi.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const unscoped = [
      'GET /api/admin/session',
      'POST /api/admin/login',
      'POST /api/admin/logout',
      'GET /api/admin/organisations',
    ];
    const covered = new Set(cases.map((c) => `${c.method} /api/admin${c.route}`));
    const admin = routes.filter((r) => r.includes(' /api/admin') && !unscoped.includes(r));
    expect(admin.filter((r) => !covered.has(r))).toEqual([]);
  });

  for (const role of ['associationAdmin', 'adminA', 'viewerA'] as const) {
    for (const target of ['own', 'other'] as const) {
      it(`${role} on ${target} member data`, async () => {
        const orgId = target === 'own' ? world.memberA.id : world.memberB.id;
        const outcomes: string[] = [];
        for (const c of cases) {
          const { path, body } = await c.build(orgId);
          const res = await clients[role].request(c.method, `/api/admin${path}`, body);
          const expectOk = allowed(role, c.access, target);
          const ok = res.status >= 200 && res.status < 300;
          if (ok !== expectOk || (!ok && ![403, 404].includes(res.status))) {
            outcomes.push(
              `${c.method} ${path} → ${res.status} (expected ${expectOk ? '2xx' : '403/404'})`,
            );
          }
          if (!ok && res.text.includes(world.memberB.id) && role !== 'associationAdmin') {
            outcomes.push(`${c.method} ${path} leaked member B's id`);
          }
        }
        expect(outcomes).toEqual([]);
      });
    }
  }

  it("lists only the member's own data to member roles when no filter is given", async () => {
    for (const role of ['adminA', 'viewerA'] as const) {
      for (const path of [
        '/organisations',
        '/terminals',
        '/users',
        '/services',
        '/audit',
        '/counter-cases',
        '/eid-apps',
        '/oidc-clients',
      ]) {
        const res = await clients[role].request('GET', `/api/admin${path}`);
        expect(res.status).toBe(200);
        expect(res.text).not.toContain(world.memberB.id);
        expect(res.text).not.toContain(world.users.adminB);
      }
    }
  });

  it('refuses a terminal credential on every admin route', async () => {
    const token = await signTerminalToken(world.terminalA.credential);
    for (const c of cases) {
      const { path, body } = await c.build(world.memberA.id);
      const res = await fetch(`${hub.url}/api/admin${path}`, {
        method: c.method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      expect([c.method, path, res.status]).toEqual([c.method, path, 401]);
    }
  });
});
