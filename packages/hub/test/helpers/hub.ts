import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TerminalCredential } from '@sidbox/protocol';
import { startHub } from '../../src/start-hub.js';
import type { HubOptions } from '../../src/options.js';
import { signTerminalToken } from '@sidbox/signing';
import type { HubDb } from '../../src/db/connect.js';
import type { Role } from '@sidbox/protocol';
import { createMember } from '../../src/api/admin/organisations/commands.js';
import { createUser } from '../../src/api/admin/users/commands.js';
import { enrollTerminal } from '../../src/api/admin/terminals/commands.js';
import { associationSlug, findOrganisationRef } from '../../src/hub-database.js';

if (process.env['CI'] && !process.env['SIDBOX_TEST_DATABASE_URL']) {
  throw new Error('CI must run the hub suite on PostgreSQL too: run it through `npm test`');
}

/** Every real database the suite runs against: SQLite always, PostgreSQL when configured. */
export const backends = [
  'sqlite',
  ...(process.env['SIDBOX_TEST_DATABASE_URL'] ? ['postgres'] : []),
] as const;
export type Backend = (typeof backends)[number];

export type TestHub = Awaited<ReturnType<typeof startTestHub>>;

/** The eID-Server a test hub links to for members' apps (only its origin and key matter). */
export const testEidServer = {
  origin: 'https://eid.test.example',
  apiKey: 'test-eid-server-key-0123456789',
};

export async function startTestHub(
  backend: Backend,
  options: Pick<
    HubOptions,
    'loginAttemptsPerMinute' | 'eidServer' | 'timeZone' | 'telemetryRetentionDays'
  > = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sidbox-hub-test-'));
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const storage =
    backend === 'postgres'
      ? { databaseUrl: process.env['SIDBOX_TEST_DATABASE_URL'] as string, databaseSchema: schema }
      : { dataDir };
  const hub = await startHub({
    port: 0,
    logger: false,
    loginAttemptsPerMinute: 10_000,
    ...options,
    ...storage,
  });
  return {
    ...hub,
    async close() {
      if (backend === 'postgres') await hub.db.schema.dropSchema(schema).cascade().execute();
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Response {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An HTTP client over a real socket, signed in as an admin (cookie + CSRF header). */
export async function adminClient(baseUrl: string, email: string, password: string) {
  const login = await send(`${baseUrl}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrfToken = login.json.csrfToken as string;
  return {
    csrfToken,
    cookie,
    request(method: Method, path: string, body?: unknown) {
      return send(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    },
  };
}
export type AdminClient = Awaited<ReturnType<typeof adminClient>>;

/** An HTTP client acting as an enrolled terminal: a fresh signed token per request. */
export function terminalClient(baseUrl: string, credential: TerminalCredential) {
  return {
    async request(
      method: Method,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) {
      const token = await signTerminalToken(credential);
      return send(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    },
  };
}

export const password = 'test-password-long-enough';

/** The association, members A and B, one user per role, one terminal per member. */
export async function seedWorld(db: HubDb, hubUrl: string) {
  const association = await findOrganisationRef(db, associationSlug);
  if (!association) throw new Error('association missing');
  const memberA = await createMember(db, undefined, {
    slug: 'member-a',
    name: 'Member A',
    membershipStatus: 'active',
    yearlyFeeCents: 15_000,
  });
  const memberB = await createMember(db, undefined, {
    slug: 'member-b',
    name: 'Member B',
    membershipStatus: 'active',
    yearlyFeeCents: 15_000,
  });
  const user = async (organisationId: string, role: Role, email: string) => {
    await createUser(db, undefined, { organisationId, role, email, password });
    return email;
  };
  const users = {
    associationAdmin: await user(association.id, 'association-admin', 'assoc@test.example'),
    adminA: await user(memberA.id, 'member-admin', 'admin-a@test.example'),
    viewerA: await user(memberA.id, 'member-viewer', 'viewer-a@test.example'),
    adminB: await user(memberB.id, 'member-admin', 'admin-b@test.example'),
  };
  const terminal = (organisationId: string, name: string) =>
    enrollTerminal(
      db,
      undefined,
      {
        organisationId,
        name,
        location: '',
        kind: 'basic',
        preset: 'citizen-office',
        training: false,
        languages: ['de', 'en'],
      },
      hubUrl,
    );
  const terminalA = await terminal(memberA.id, 'Terminal A');
  const terminalB = await terminal(memberB.id, 'Terminal B');
  return { association, memberA, memberB, users, terminalA, terminalB };
}
export type World = Awaited<ReturnType<typeof seedWorld>>;
