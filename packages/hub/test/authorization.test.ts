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
} from './helpers/hub.js';

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
    hub = await startTestHub(backend);
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
