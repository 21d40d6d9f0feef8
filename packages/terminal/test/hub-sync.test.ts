import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelemetryEvent, TerminalConfig } from '@sidbox/protocol';
import { generateEd25519Jwk, signConfig, type SignedConfigBundle } from '@sidbox/signing';
import { HubSync, type HubSyncEvents } from '../src/index.js';
import {
  backends,
  enrollTerminal,
  heartbeatFacts,
  restartableHub,
  silentLogger,
} from './helpers/hub-sync.js';

const fastTiming = {
  configIntervalMs: 3_600_000,
  heartbeatIntervalMs: 3_600_000,
  requestTimeoutMs: 5_000,
  retry: { initialMs: 20, maxMs: 200 },
};

/** Resolves with the next payload of `event`. */
function next<K extends keyof HubSyncEvents>(sync: HubSync, event: K) {
  return new Promise<HubSyncEvents[K]>((resolve) => {
    const off = sync.on(event, (payload) => {
      off();
      resolve(payload);
    });
  });
}

/** Resolves once the outbox is empty after deliveries. */
function drained(sync: HubSync) {
  return new Promise<void>((resolve) => {
    const off = sync.on('delivered', ({ pending }) => {
      if (pending > 0) return;
      off();
      resolve();
    });
  });
}

function session(): TelemetryEvent[] {
  const base = () => ({
    id: randomUUID(),
    terminalTime: new Date().toISOString(),
    training: false,
  });
  return [
    { type: 'session-started', ...base() },
    { type: 'service-opened', ...base(), serviceId: 'fuehrungszeugnis' },
    { type: 'eid-outcome', ...base(), workflow: 'change-pin', code: 'pin-changed' },
    { type: 'pin-changed', ...base() },
    { type: 'session-ended', ...base(), reason: 'mat-left', durationSeconds: 95 },
  ];
}

describe.each(backends)('hub sync against the real hub (%s)', (backend) => {
  let hub: Awaited<ReturnType<typeof restartableHub>>;
  let stateDir: string;
  const syncs: HubSync[] = [];

  beforeEach(async () => {
    hub = await restartableHub(backend);
    stateDir = mkdtempSync(join(tmpdir(), 'sidbox-hub-sync-state-'));
  });

  afterEach(async () => {
    await Promise.all(syncs.splice(0).map((s) => s.stop()));
    await hub.dispose();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('pulls the signed config and keeps the last good one against forgeries and replays', async () => {
    const { credential, terminalId } = await enrollTerminal(hub.admin);
    let forged: SignedConfigBundle | undefined;
    const seen: SignedConfigBundle[] = [];
    const sync = new HubSync({
      credential,
      stateDir,
      heartbeatFacts,
      logger: silentLogger,
      timing: fastTiming,
      fetch: async (input, init) => {
        if (forged && String(input).endsWith('/config')) return Response.json(forged);
        const response = await fetch(input, init);
        if (String(input).endsWith('/config') && response.status === 200)
          seen.push((await response.clone().json()) as SignedConfigBundle);
        return response;
      },
    });
    syncs.push(sync);
    const first = next(sync, 'config');
    await sync.start();
    const v1 = await first;
    expect(v1.terminalId).toBe(terminalId);
    expect(await sync.pullConfig()).toBe('unchanged');

    await hub.admin('PATCH', `/api/admin/terminals/${terminalId}`, {
      languages: ['de', 'en', 'tr'],
    });
    expect(await sync.pullConfig()).toBe('changed');
    const good = sync.config as TerminalConfig;
    expect(good.version).toBeGreaterThan(v1.version);
    expect(good.languages).toEqual(['de', 'en', 'tr']);

    const latest = seen.at(-1) as SignedConfigBundle;
    const [header, payload, signature] = latest.config.split('.') as [string, string, string];
    const tamperedPayload = Buffer.from(
      JSON.stringify({ ...good, version: good.version + 1, languages: ['de'] }),
    ).toString('base64url');
    const attacker = await generateEd25519Jwk();
    const trustedKid = (JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string })
      .kid;
    const forgeries: [string, SignedConfigBundle][] = [
      ['bad-signature', { ...latest, config: `${header}.${tamperedPayload}.${signature}` }],
      [
        'bad-signature',
        {
          ...latest,
          config: await signConfig(
            { ...good, version: good.version + 1 },
            { ...attacker, kid: trustedKid },
          ),
        },
      ],
      ['unknown-key', { ...latest, config: await signConfig({ ...good, version: 99 }, attacker) }],
      ['replayed-version', seen[0] as SignedConfigBundle],
      ['bad-signature', { ...latest, config: `${header}.${payload}.` }],
    ];
    for (const [code, bundle] of forgeries) {
      forged = bundle;
      const rejected = next(sync, 'config-rejected');
      expect(await sync.pullConfig()).toBe('rejected');
      expect((await rejected).code).toBe(code);
      expect(sync.config).toEqual(good);
    }

    forged = undefined;
    await hub.stop();
    expect(await sync.pullConfig()).toBe('unreachable');
    expect(sync.config).toEqual(good);
    await hub.start();

    await sync.stop();
    const restarted = new HubSync({ credential, stateDir, heartbeatFacts, logger: silentLogger });
    syncs.push(restarted);
    await restarted.start();
    expect(restarted.config).toEqual(good);
  });

  it('queues 50 sessions through a hub outage and a daemon restart; all arrive exactly once', async () => {
    const { credential, terminalId } = await enrollTerminal(hub.admin);
    let loseNextReply = false;
    let lostEvents = 0;
    const options = {
      credential,
      stateDir,
      heartbeatFacts,
      logger: silentLogger,
      timing: fastTiming,
      fetch: async (input: string | URL | Request, init?: RequestInit) => {
        const response = await fetch(input, init);
        if (loseNextReply && String(input).endsWith('/telemetry')) {
          loseNextReply = false;
          lostEvents = (JSON.parse(String(init?.body)) as { events: unknown[] }).events.length;
          throw new Error('connection reset after the hub stored the batch');
        }
        return response;
      },
    };
    const before = new HubSync(options);
    syncs.push(before);
    await before.start();
    await hub.stop();

    const firstFailure = next(before, 'unreachable');
    for (let i = 0; i < 25; i++) for (const event of session()) before.enqueueTelemetry(event);
    await firstFailure;
    await before.stop();

    const after = new HubSync(options);
    syncs.push(after);
    await after.start();
    expect(after.status().pending).toBe(125);
    for (let i = 0; i < 25; i++) for (const event of session()) after.enqueueTelemetry(event);
    after.enqueueSurvey({
      id: randomUUID(),
      terminalTime: new Date().toISOString(),
      training: false,
      answers: { informative: 'fully-agree' } as never,
    });
    expect(after.status().pending).toBe(251);

    loseNextReply = true;
    let duplicates = 0;
    after.on('delivered', (batch) => (duplicates += batch.duplicates));
    const delivered = drained(after);
    await hub.start();
    await delivered;

    const { statistics } = await hub.admin<{
      statistics: { sessions: number; pinChanges: number };
    }>('GET', `/api/admin/statistics?terminalId=${terminalId}`);
    expect(statistics.sessions).toBe(50);
    expect(statistics.pinChanges).toBe(50);
    const { results } = await hub.admin<{ results: { responses: number } }>(
      'GET',
      `/api/admin/surveys/results?terminalId=${terminalId}`,
    );
    expect(results.responses).toBe(1);
    expect(lostEvents).toBeGreaterThan(0);
    expect(duplicates).toBe(lostEvents);
    expect(after.status()).toMatchObject({ pending: 0, dropped: 0 });
  });

  it('reports a revoked terminal and stops', async () => {
    const { credential, terminalId } = await enrollTerminal(hub.admin);
    const sync = new HubSync({
      credential,
      heartbeatFacts,
      logger: silentLogger,
      timing: fastTiming,
    });
    syncs.push(sync);
    const beat = next(sync, 'heartbeat');
    await sync.start();
    await beat;
    const { terminals } = await hub.admin<{ terminals: { id: string; online: boolean }[] }>(
      'GET',
      '/api/admin/terminals',
    );
    expect(terminals.find((t) => t.id === terminalId)?.online).toBe(true);

    // Listening first: a periodic heartbeat may meet the revocation before our own call does.
    const revoked = next(sync, 'revoked');
    await hub.admin('POST', `/api/admin/terminals/${terminalId}/revoke`);
    expect(await sync.sendHeartbeat()).toBe(false);
    expect(await revoked).toEqual({ call: 'heartbeat' });
    expect(await sync.pullConfig()).toBe('revoked');
    expect(sync.status().revoked).toBe(true);
  });
});
