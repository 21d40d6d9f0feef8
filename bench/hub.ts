// Hub bench: heartbeat throughput and telemetry ingest (batched) against a bare endpoint
// (/healthz) on the same server in the same run, on SQLite and, when available, PostgreSQL.
//
// The hub runs in a worker thread (its own event loop) so the loader does not share it; the
// loader is a small keep-alive node:http client with a fixed number of connections, bounded by
// request count and time. Terminal tokens are signed before the clock starts (one per request,
// as the hub refuses a replayed token id), so the loader measures the hub, not Ed25519 signing.
import { randomUUID } from 'node:crypto';
import { seedDemo } from '@sidbox/hub';
import type { TelemetryEvent, TerminalCredential } from '@sidbox/protocol';
import { signTerminalToken } from '@sidbox/signing';
import { describeRun, hubInWorker, load, onEachBackend, type Storage } from './hub-load.js';

const connections = 32;
const heartbeats = 20_000;
const telemetryBatches = 400;
const eventsPerBatch = 100;

const heartbeatBody = JSON.stringify({
  configVersion: 1,
  softwareVersion: '0.1.0',
  ausweisAppVersion: '2.4.0',
  readerAttached: true,
  blockedNavigations: 0,
  device: { kind: 'basic', printer: false, scanner: false, uptimeSeconds: 3600 },
});

function telemetryBody(): string {
  const terminalTime = new Date().toISOString();
  const events: TelemetryEvent[] = Array.from({ length: eventsPerBatch }, () => ({
    type: 'session-started',
    id: randomUUID(),
    terminalTime,
    training: false,
  }));
  return JSON.stringify({ events });
}

async function signed(credential: TerminalCredential, count: number, body: () => string) {
  return Promise.all(
    Array.from({ length: count }, async () => ({
      headers: {
        authorization: `Bearer ${await signTerminalToken(credential, { lifetimeSeconds: 300 })}`,
        'content-type': 'application/json',
      },
      body: body(),
    })),
  );
}

async function benchBackend(name: string, storage: Storage) {
  const { trainingCredential } = await seedDemo({ ...storage, hubUrl: 'http://127.0.0.1' });
  const hub = await hubInWorker(storage);
  try {
    const bare = Array.from({ length: heartbeats }, () => ({ headers: {} }));
    await load(hub.url, 'GET', '/healthz', bare.slice(0, 2_000));
    const ceiling = await load(hub.url, 'GET', '/healthz', bare);
    const heartbeat = await load(
      hub.url,
      'POST',
      '/api/terminal/heartbeat',
      await signed(trainingCredential, heartbeats, () => heartbeatBody),
    );
    const telemetry = await load(
      hub.url,
      'POST',
      '/api/terminal/telemetry',
      await signed(trainingCredential, telemetryBatches, telemetryBody),
    );
    console.log(`hub (${name}), ${connections} connections from 127.0.0.1:`);
    console.log(describeRun('GET /healthz (ceiling)', ceiling));
    console.log(describeRun('POST heartbeat', heartbeat));
    console.log(describeRun(`POST telemetry (${eventsPerBatch}/batch)`, telemetry, 'batches/s'));
    console.log(
      `  telemetry events/s ${telemetry.perSecond * eventsPerBatch}; heartbeat/ceiling ${(heartbeat.perSecond / ceiling.perSecond).toFixed(2)}`,
    );
    return {
      ceilingPerSecond: ceiling.perSecond,
      heartbeatsPerSecond: heartbeat.perSecond,
      heartbeatP99Ms: heartbeat.p99Ms,
      telemetryEventsPerSecond: telemetry.perSecond * eventsPerBatch,
      telemetryBatchP99Ms: telemetry.p99Ms,
      errors: ceiling.errors + heartbeat.errors + telemetry.errors,
    };
  } finally {
    await hub.stop();
  }
}

export async function run(): Promise<void> {
  const results = await onEachBackend('hub', benchBackend);
  console.log(
    `hub: target ≥ 2000 heartbeats/s on SQLite: ${results.sqlite.heartbeatsPerSecond >= 2000 ? 'met' : 'MISSED'}`,
  );
  console.log(JSON.stringify({ bench: 'hub', connections, ...results }));
}
