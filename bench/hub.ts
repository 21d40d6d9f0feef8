// Hub bench: heartbeat throughput and telemetry ingest (batched) against a bare endpoint
// (/healthz) on the same server in the same run, on SQLite and, when available, PostgreSQL.
//
// The hub runs in a worker thread (its own event loop) so the loader does not share it; the
// loader is a small keep-alive node:http client with a fixed number of connections, bounded by
// request count and time. Terminal tokens are signed before the clock starts (one per request,
// as the hub refuses a replayed token id), so the loader measures the hub, not Ed25519 signing.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { seedDemo } from '@sidbox/hub';
import type { TelemetryEvent, TerminalCredential } from '@sidbox/protocol';
import { signTerminalToken } from '@sidbox/signing';
import { ms } from './stats.js';

const connections = 32;
const heartbeats = 20_000;
const telemetryBatches = 400;
const eventsPerBatch = 100;
const maxSecondsPerRun = 30;

interface Run {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

type Storage = { dataDir: string } | { databaseUrl: string; databaseSchema: string };

/** Starts the built hub (dist, as `npm run bench` builds first) in a worker thread. */
async function hubInWorker(storage: Storage) {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import('@sidbox/hub').then(async ({ startHub }) => {
       const hub = await startHub({ port: 0, logger: false, ...workerData });
       parentPort.postMessage(hub.url);
       parentPort.once('message', () => hub.close().then(() => process.exit(0)));
     });`,
    { eval: true, workerData: storage, execArgv: [] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}

/** Sends `bodies.length` requests over `connections` keep-alive connections. */
async function load(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  requests: { headers: Record<string, string>; body?: string }[],
): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const { hostname, port } = new URL(url);
  const deadline = performance.now() + maxSecondsPerRun * 1000;
  const one = (r: (typeof requests)[number]) =>
    new Promise<number>((resolve) => {
      const req = request({ agent, hostname, port, method, path, headers: r.headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end(r.body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < requests.length && performance.now() < deadline) {
        const r = requests[next++] as (typeof requests)[number];
        const t0 = performance.now();
        const status = await one(r);
        latencies.push(performance.now() - t0);
        if (status < 200 || status >= 300) errors += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: ms(at(0.5)),
    p99Ms: ms(at(0.99)),
    errors,
  };
}

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
    const line = (label: string, r: Run, unit = 'req/s') =>
      `  ${label.padEnd(26)} ${String(r.perSecond).padStart(6)} ${unit}  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  (${r.requests} requests, ${r.errors} errors)`;
    console.log(`hub (${name}), ${connections} connections from 127.0.0.1:`);
    console.log(line('GET /healthz (ceiling)', ceiling));
    console.log(line('POST heartbeat', heartbeat));
    console.log(line(`POST telemetry (${eventsPerBatch}/batch)`, telemetry, 'batches/s'));
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

function postgresUrl(): string | undefined {
  try {
    return execFileSync(process.execPath, ['scripts/ensure-postgres.mjs'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

export async function run(): Promise<void> {
  const results: Record<string, unknown> = {};
  const dataDir = mkdtempSync(join(tmpdir(), 'sidbox-bench-hub-'));
  try {
    results['sqlite'] = await benchBackend('SQLite', { dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const databaseUrl = postgresUrl();
  if (databaseUrl) {
    const databaseSchema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    try {
      results['postgres'] = await benchBackend('PostgreSQL', { databaseUrl, databaseSchema });
    } finally {
      execFileSync(
        'psql',
        [databaseUrl, '-qc', `drop schema if exists ${databaseSchema} cascade`],
        {
          stdio: 'ignore',
        },
      );
    }
  } else {
    console.log('hub: PostgreSQL not available, skipped');
  }
  const sqlite = results['sqlite'] as { heartbeatsPerSecond: number };
  console.log(
    `hub: target ≥ 2000 heartbeats/s on SQLite: ${sqlite.heartbeatsPerSecond >= 2000 ? 'met' : 'MISSED'}`,
  );
  console.log(JSON.stringify({ bench: 'hub', connections, ...results }));
}
