import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryEvent, TerminalCredential } from '@sidbox/protocol';
import { signTerminalToken, verifySignedConfig } from '@sidbox/signing';
import { createMember } from '../src/api/admin/organisations/commands.js';
import { createUser } from '../src/api/admin/users/commands.js';
import type { Database } from '../src/db/schema.js';
import { latestMigrationName } from '../src/db/migrations/index.js';
import { findOrganisationRef, associationSlug } from '../src/hub-database.js';
import { adminClient, password, type AdminClient } from './helpers/hub.js';
import { sessionEvents } from './helpers/events.js';

/**
 * Three hub instances — the built CLI, `sidbox hub`, as three processes — on one PostgreSQL
 * schema, started at once, behind Debian's HAProxy (round-robin, /healthz checks). Needs
 * `npm run build` (npm test builds first).
 */
const databaseUrl = process.env['SIDBOX_TEST_DATABASE_URL'];
const main = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));
const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
const kek = randomBytes(32).toString('base64');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves when the child prints `marker` on stdout; rejects when it exits first. */
function printed(child: ChildProcess, marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      if (output.includes(marker)) resolve();
    });
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.once('exit', (code) => reject(new Error(`exited (${code}) before ready:\n${output}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

interface Instance {
  url: string;
  process: ChildProcess;
}

function haproxyConfig(port: number, instances: Instance[]): string {
  return [
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 10s',
    '  timeout server 10s',
    '  retries 2',
    '  option redispatch',
    'frontend hub',
    `  bind 127.0.0.1:${port}`,
    '  option forwardfor',
    '  default_backend hubs',
    'backend hubs',
    '  balance roundrobin',
    '  option httpchk GET /healthz',
    '  http-check expect status 200',
    '  http-response set-header x-hub-server %s',
    '  timeout check 2s',
    '  default-server inter 300ms fall 1 rise 1',
    ...instances.map((instance, i) => `  server hub${i + 1} ${new URL(instance.url).host} check`),
    '',
  ].join('\n');
}

/** A terminal's request with a fresh token; a network failure is answered as status 0. */
async function terminalRequest(
  baseUrl: string,
  credential: TerminalCredential,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
) {
  try {
    const answer = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await signTerminalToken(credential)}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    return { status: answer.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  } catch {
    return { status: 0, json: undefined };
  }
}

const heartbeat = (sequence: number) => ({
  configVersion: 1,
  softwareVersion: '0.1.0',
  readerAttached: true,
  // The terminal's counter doubles as the heartbeat's sequence number in this test.
  blockedNavigations: sequence,
  device: { kind: 'basic', printer: false, scanner: false, uptimeSeconds: sequence },
});

describe.skipIf(!databaseUrl)('three hub instances on one PostgreSQL behind HAProxy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sidbox-multi-hub-'));
  let instances: Instance[] = [];
  let haproxy: ChildProcess | undefined;
  let proxyUrl = '';
  let db: Kysely<Database>;
  let memberId = '';
  const adminEmail = 'assoc@test.example';

  beforeAll(async () => {
    const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const proxyPort = ports[3] as number;
    proxyUrl = `http://127.0.0.1:${proxyPort}`;
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
      SIDBOX_HUB_KEK: kek,
    };
    // All three at once on an empty schema: their migrations must not race.
    instances = ports.slice(0, 3).map((port) => ({
      url: `http://127.0.0.1:${port}`,
      process: spawn(
        process.execPath,
        [
          main,
          'hub',
          '--port',
          String(port),
          '--trust-proxy',
          '127.0.0.1',
          '--public-url',
          proxyUrl,
        ],
        { env, stdio: ['ignore', 'pipe', 'pipe'] },
      ),
    }));
    await Promise.all(instances.map((i) => printed(i.process, 'SIDbox hub: admin UI at')));

    const config = join(dir, 'haproxy.cfg');
    writeFileSync(config, haproxyConfig(proxyPort, instances));
    haproxy = spawn('haproxy', ['-f', config, '-db'], { stdio: ['ignore', 'ignore', 'inherit'] });
    await waitFor(async () => (await fetch(`${proxyUrl}/healthz`)).status === 200);

    db = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({
          connectionString: databaseUrl,
          max: 3,
          options: `-c search_path=${schema}`,
        }),
      }),
    });
    const association = await findOrganisationRef(db, associationSlug);
    if (!association) throw new Error('association missing');
    const member = await createMember(db, undefined, {
      slug: 'member-a',
      name: 'Member A',
      membershipStatus: 'active',
      yearlyFeeCents: 0,
    });
    memberId = member.id;
    await createUser(db, undefined, {
      organisationId: association.id,
      role: 'association-admin',
      email: adminEmail,
      password,
    });
  });

  afterAll(async () => {
    haproxy?.kill('SIGTERM');
    for (const instance of instances) instance.process.kill('SIGKILL');
    await Promise.all([...instances.map((i) => exited(i.process)), haproxy && exited(haproxy)]);
    await db?.schema.dropSchema(schema).ifExists().cascade().execute();
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function waitFor(ready: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (await ready().catch(() => false)) return;
      if (Date.now() > until) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const at = (n: number) => (instances[n] as Instance).url;
  let admin: AdminClient;
  let adminElsewhere: AdminClient;
  const terminals: { id: string; credential: TerminalCredential }[] = [];

  it('migrated once and is ready on every instance', async () => {
    for (const instance of instances) {
      expect((await fetch(`${instance.url}/healthz`)).status).toBe(200);
    }
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    expect(rows.map((r) => r.name)).toContain(latestMigrationName);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  it('signs an admin in on one instance and lets them work on another', async () => {
    admin = await adminClient(at(0), adminEmail, password);
    // The session cookie from instance 1, used on instance 2.
    adminElsewhere = { ...admin, request: rebase(admin, at(1)) };
    const session = await adminElsewhere.request('GET', '/api/admin/session');
    expect(session.status).toBe(200);
    expect(session.json.user.email).toBe(adminEmail);
    for (let i = 0; i < 6; i += 1) {
      const enrolled = await adminElsewhere.request('POST', '/api/admin/terminals', {
        organisationId: memberId,
        name: `Terminal ${i + 1}`,
      });
      expect(enrolled.status).toBe(201);
      terminals.push({ id: enrolled.json.terminal.id, credential: enrolled.json.credential });
    }
    expect(terminals[0]?.credential.hubUrl).toBe(proxyUrl);
  });

  it('takes heartbeats and telemetry from terminals enrolled elsewhere, on the other instances', async () => {
    const terminal = terminals[0] as (typeof terminals)[number];
    expect(
      (
        await terminalRequest(
          at(2),
          terminal.credential,
          'POST',
          '/api/terminal/heartbeat',
          heartbeat(1),
        )
      ).status,
    ).toBe(200);
    const events = sessionEvents();
    const first = await terminalRequest(
      at(2),
      terminal.credential,
      'POST',
      '/api/terminal/telemetry',
      {
        events,
      },
    );
    expect(first.json).toEqual({ stored: 5, duplicates: 0 });
    // The same batch again, on another instance: stored once.
    const again = await terminalRequest(
      at(0),
      terminal.credential,
      'POST',
      '/api/terminal/telemetry',
      {
        events,
      },
    );
    expect(again.json).toEqual({ stored: 0, duplicates: 5 });
  });

  it('honours a signing-key rotation made on one instance on all of them', async () => {
    const terminal = terminals[0] as (typeof terminals)[number];
    const anchor = terminal.credential.configSigningKey;
    const state = { trustedKey: { ...anchor, kid: anchor.kid ?? '' } };
    const rotated = await admin.request('POST', '/api/admin/signing-keys/rotate');
    expect(rotated.status).toBe(200);
    for (const n of [0, 1, 2]) {
      const pulled = await terminalRequest(
        at(n),
        terminal.credential,
        'GET',
        '/api/terminal/config',
      );
      expect(pulled.status).toBe(200);
      const bundle = pulled.json as { config: string; keyChain: string[] };
      const verified = await verifySignedConfig(bundle, state, terminal.id);
      expect(verified.ok).toBe(true);
      expect(verified.state.trustedKey.kid).toBe(rotated.json.kid);
    }
  });

  it('refuses the 11th login attempt in a minute wherever it lands', async () => {
    // A client of its own (HAProxy appends the address it saw; the hubs trust the proxy).
    const attempt = (url: string) =>
      fetch(`${url}/api/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ email: adminEmail, password: 'not-the-password' }),
      });
    const landed = new Set<string>();
    for (let i = 0; i < 10; i += 1) {
      const answer = await attempt(proxyUrl);
      expect(answer.status).toBe(401);
      landed.add(answer.headers.get('x-hub-server') ?? '');
    }
    expect(landed).toEqual(new Set(['hub1', 'hub2', 'hub3']));
    const eleventh = await attempt(proxyUrl);
    expect(eleventh.status).toBe(429);
    for (const n of [0, 1, 2]) expect((await attempt(at(n))).status).toBe(429);
  });

  it('loses and duplicates no accepted heartbeat or event when an instance is killed mid-load', async () => {
    const sent = new Map<string, Set<string>>();
    const lastHeartbeat = new Map<string, number>();
    let answered = 0;
    let failures = 0;
    let kill: () => void = () => undefined;
    const killed = new Promise<void>((resolve) => (kill = resolve));

    /** Like a terminal's outbox: a batch is retried until a 2xx answer says it is stored. */
    async function deliver(
      method: 'POST',
      path: string,
      credential: TerminalCredential,
      body: unknown,
    ) {
      for (let attempt = 1; ; attempt += 1) {
        const answer = await terminalRequest(proxyUrl, credential, method, path, body);
        if (answer.status >= 200 && answer.status < 300) {
          answered += 1;
          if (answered === 40) kill();
          return;
        }
        failures += 1;
        if (attempt === 50) throw new Error(`${path} failed 50 times, last ${answer.status}`);
      }
    }

    const rounds = 12;
    await Promise.all([
      ...terminals.map(async ({ id, credential }) => {
        const ids = new Set<string>();
        sent.set(id, ids);
        for (let round = 1; round <= rounds; round += 1) {
          const events: TelemetryEvent[] = sessionEvents();
          for (const event of events) ids.add(event.id);
          await deliver('POST', '/api/terminal/telemetry', credential, { events });
          await deliver('POST', '/api/terminal/heartbeat', credential, heartbeat(100 + round));
          lastHeartbeat.set(id, 100 + round);
        }
      }),
      killed.then(() => (instances[2] as Instance).process.kill('SIGKILL')),
    ]);
    expect(await exited((instances[2] as Instance).process)).toBe(null);

    const rows = await db
      .selectFrom('telemetry_events')
      .select(['terminal_id', 'id'])
      .where(
        'terminal_id',
        'in',
        terminals.map((t) => t.id),
      )
      .execute();
    for (const { id } of terminals) {
      const stored = rows.filter((r) => r.terminal_id === id).map((r) => r.id);
      const expected = [...(sent.get(id) ?? [])];
      // Every answered event is there once; nothing else is (the first terminal's earlier batch aside).
      expect(stored.length).toBe(new Set(stored).size);
      expect(stored).toEqual(expect.arrayContaining(expected));
      if (id !== terminals[0]?.id) expect(stored.length).toBe(expected.length);
      const row = await db
        .selectFrom('terminals')
        .select('last_heartbeat')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(row.last_heartbeat ?? '{}').blockedNavigations).toBe(lastHeartbeat.get(id));
    }
    expect(answered).toBe(terminals.length * rounds * 2);
    console.info(`kill mid-load: ${answered} answered, ${failures} failed and retried`);
  });

  it('answers the requests in flight when an instance is asked to stop (SIGTERM)', async () => {
    const instance = instances[1] as Instance;
    const terminal = terminals[1] as (typeof terminals)[number];
    const batches = Array.from({ length: 5 }, () => sessionEvents());
    const requests = await Promise.all(
      batches.map(async (events) =>
        heldRequest(`${instance.url}/api/terminal/telemetry`, {
          authorization: `Bearer ${await signTerminalToken(terminal.credential)}`,
          body: JSON.stringify({ events }),
        }),
      ),
    );
    // The hub has every request's headers (it said 100 Continue); the bodies are still to come.
    await Promise.all(requests.map((r) => r.continued));
    instance.process.kill('SIGTERM');
    await waitFor(async () => !(await accepts(instance.url)));
    const statuses = await Promise.all(requests.map((r) => r.finish()));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(await exited(instance.process)).toBe(0);
    const stored = await db
      .selectFrom('telemetry_events')
      .select('id')
      .where('terminal_id', '=', terminal.id)
      .where(
        'id',
        'in',
        batches.flat().map((e) => e.id),
      )
      .execute();
    expect(stored).toHaveLength(25);
    // The proxy still answers through the one instance left.
    await waitFor(async () => (await fetch(`${proxyUrl}/healthz`)).status === 200);
  });
});

/**
 * A POST whose headers are sent at once and whose body waits for `finish()`; `continued`
 * resolves when the server has the request (its 100 Continue).
 */
function heldRequest(
  url: string,
  { authorization, body }: { authorization: string; body: string },
) {
  const request = httpRequest(url, {
    method: 'POST',
    headers: {
      authorization,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      expect: '100-continue',
    },
  });
  const answered = new Promise<number>((resolve) => {
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', () => resolve(0));
  });
  request.flushHeaders();
  return {
    continued: once(request, 'continue'),
    finish: () => {
      request.end(body);
      return answered;
    },
  };
}

/** Whether a TCP connection to the URL's port is accepted now. */
function accepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The same signed-in client, sending to another base URL. */
function rebase(client: AdminClient, baseUrl: string): AdminClient['request'] {
  return (method, path, body) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrfToken,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    }).then(async (res) => {
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        text,
        json: text ? JSON.parse(text) : undefined,
      };
    });
}
