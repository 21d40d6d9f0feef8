import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalCredential } from '@sidbox/protocol';
import { verifySignedConfig, type VerifierState } from '@sidbox/signing';
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
import { sessionEvents, surveyResponse } from './helpers/events.js';

describe.each(backends)('hub API over real HTTP (%s)', (backend) => {
  let hub: TestHub;
  let world: World;
  let admin: AdminClient;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    world = await seedWorld(hub.db, hub.url);
    admin = await adminClient(hub.url, world.users.associationAdmin, password);
  });
  afterAll(() => hub.close());

  it('answers health, metrics and the OpenAPI document', async () => {
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toContain('sidbox_hub_http_request_duration_seconds');
    const openapi = (await (await fetch(`${hub.url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/admin/terminals',
        '/api/terminal/telemetry',
        '/api/admin/surveys/results',
      ]),
    );
  });

  it('enrolls a terminal that pulls a verifiable config, reports and shows up in statistics', async () => {
    const national = await admin.request('POST', '/api/admin/services', {
      id: 'fuehrungszeugnis',
      title: { de: 'Führungszeugnis', en: 'Certificate of good conduct' },
      description: { de: 'Beim Bundesamt für Justiz' },
      category: 'certificates',
      startUrl: 'https://www.fuehrungszeugnis.bund.de/',
      eid: true,
    });
    expect(national.status).toBe(201);

    const enrolled = await admin.request('POST', '/api/admin/terminals', {
      organisationId: world.memberA.id,
      name: 'Bürgeramt',
      preset: 'citizen-office',
    });
    expect(enrolled.status).toBe(201);
    const credential = TerminalCredential.parse(enrolled.json.credential);
    expect(credential.hubUrl).toBe(hub.url);
    const terminal = terminalClient(hub.url, credential);

    const pulled = await terminal.request('GET', '/api/terminal/config');
    expect(pulled.status).toBe(200);
    const state: VerifierState = {
      trustedKey: { ...credential.configSigningKey, kid: credential.configSigningKey.kid ?? '' },
    };
    const verified = await verifySignedConfig(pulled.json, state, credential.terminalId);
    expect(verified.ok).toBe(true);
    if (verified.ok) {
      expect(verified.config.services.map((s) => s.id)).toEqual(['fuehrungszeugnis']);
      expect(verified.config.branding.memberName).toBe('Member A');
    }
    const etag = pulled.headers.get('etag') ?? '';
    expect(
      (await terminal.request('GET', '/api/terminal/config', undefined, { 'if-none-match': etag }))
        .status,
    ).toBe(304);

    const heartbeat = await terminal.request('POST', '/api/terminal/heartbeat', {
      configVersion: 1,
      softwareVersion: '0.1.0',
      ausweisAppVersion: '2.3.0',
      readerAttached: true,
      blockedNavigations: 2,
      device: { kind: 'basic', printer: false, scanner: false, uptimeSeconds: 60 },
    });
    expect(heartbeat.status).toBe(200);
    const telemetry = await terminal.request('POST', '/api/terminal/telemetry', {
      events: sessionEvents(),
    });
    expect(telemetry.json).toEqual({ stored: 5, duplicates: 0 });
    const survey = await terminal.request('POST', '/api/terminal/surveys', {
      responses: [
        surveyResponse({ informative: 'fully-agree', faster: 'agree' }),
        { ...surveyResponse(), comment: '=HYPERLINK("x")' },
      ],
    });
    expect(survey.json).toEqual({ stored: 2, duplicates: 0 });

    const shown = await admin.request('GET', `/api/admin/terminals/${credential.terminalId}`);
    expect(shown.json.terminal).toMatchObject({
      online: true,
      lastHeartbeat: { ausweisAppVersion: '2.3.0' },
    });
    const stats = await admin.request(
      'GET',
      `/api/admin/statistics?terminalId=${credential.terminalId}`,
    );
    expect(stats.json.statistics).toMatchObject({
      sessions: 1,
      pinChanges: 1,
      topServices: [{ serviceId: 'fuehrungszeugnis', opened: 1 }],
      eidOutcomes: [{ workflow: 'change-pin', code: 'pin-changed', count: 1 }],
      averageSessionSeconds: 95,
    });
    const results = await admin.request(
      'GET',
      `/api/admin/surveys/results?terminalId=${credential.terminalId}`,
    );
    expect(results.json.results.responses).toBe(2);
    expect(results.json.results.statements[0]).toEqual({
      id: 'informative',
      counts: {
        'fully-agree': 1,
        agree: 0,
        partly: 0,
        disagree: 0,
        'fully-disagree': 0,
        'no-answer': 1,
      },
    });
    const csv = await admin.request(
      'GET',
      `/api/admin/surveys/export.csv?terminalId=${credential.terminalId}`,
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe(
      '"day","member","terminal","informative","shows-uses","faster","permanent-terminal","frees-staff","security-concerns","comment"',
    );
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);

    const auditLog = await admin.request(
      'GET',
      `/api/admin/audit?organisationId=${world.memberA.id}`,
    );
    expect(auditLog.json.entries.map((e: { action: string }) => e.action)).toContain(
      'terminal.enroll',
    );
  });

  it('issues a new config version when the selection changes, and never an older one', async () => {
    const { terminalA } = world;
    const terminal = terminalClient(hub.url, terminalA.credential);
    const first = await terminal.request('GET', '/api/terminal/config');
    const local = await admin.request('POST', '/api/admin/services', {
      id: 'a-parking',
      organisationId: world.memberA.id,
      title: { de: 'Bewohnerparkausweis' },
      description: { de: 'Online beantragen' },
      startUrl: 'https://a.example/parking',
    });
    expect(local.status).toBe(201);
    const selected = await admin.request(
      'PUT',
      `/api/admin/terminals/${terminalA.terminal.id}/services`,
      {
        serviceIds: ['a-parking'],
      },
    );
    expect(selected.json).toEqual({ serviceIds: ['a-parking'] });
    const second = await terminal.request('GET', '/api/terminal/config');
    expect(second.json.version).toBe(first.json.version + 1);
    const again = await terminal.request('GET', '/api/terminal/config');
    expect(again.json.version).toBe(second.json.version);
    const preview = await admin.request(
      'GET',
      `/api/admin/terminals/${terminalA.terminal.id}/config-preview`,
    );
    expect(preview.json.config.services.map((s: { id: string }) => s.id)).toEqual(['a-parking']);
  });

  it('rejects bad input with 400 and a clear message', async () => {
    const res = await admin.request('POST', '/api/admin/terminals', {
      organisationId: 'nope',
      name: '',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid-request');
    expect(res.json.error.message).toMatch(/organisationId/);
  });

  it('refuses changes without the CSRF header and requests without a session', async () => {
    const noCsrf = await fetch(`${hub.url}/api/admin/organisations`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'x', name: 'X' }),
    });
    expect(noCsrf.status).toBe(403);
    expect((await fetch(`${hub.url}/api/admin/organisations`)).status).toBe(401);
  });

  it('signs out', async () => {
    const client = await adminClient(hub.url, world.users.viewerA, password);
    expect((await client.request('GET', '/api/admin/session')).json.user.role).toBe(
      'member-viewer',
    );
    expect((await client.request('POST', '/api/admin/logout')).status).toBe(204);
    expect((await client.request('GET', '/api/admin/session')).status).toBe(401);
  });
});

describe.each(backends)('admin login (%s)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend, { loginAttemptsPerMinute: 3 });
    await seedWorld(hub.db, hub.url);
  });
  afterAll(() => hub.close());

  it('stores argon2id hashes, refuses wrong passwords and rate-limits attempts', async () => {
    const stored = await hub.db
      .selectFrom('users')
      .select('password_hash')
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    const attempt = () =>
      fetch(`${hub.url}/api/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin-a@test.example', password: 'wrong-password-here' }),
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
