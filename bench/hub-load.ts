// What the hub benches share: the built hub in a worker thread (its own event loop, so the
// loader does not share it), a small keep-alive node:http loader with a fixed number of
// connections, bounded by request count and time, and the two storage backends in turn.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { HubOptions } from '@sidbox/hub';
import { ms } from './stats.js';

export interface Run {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export type Storage = { dataDir: string } | { databaseUrl: string; databaseSchema: string };

export interface LoadLimits {
  connections: number;
  maxSeconds: number;
}

/** Starts the built hub (dist, as `npm run bench` builds first) in a worker thread. */
export async function hubInWorker(options: Storage & Pick<HubOptions, 'eidServer'>) {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import('@sidbox/hub').then(async ({ startHub }) => {
       const hub = await startHub({ port: 0, logger: false, ...workerData });
       parentPort.postMessage(hub.url);
       parentPort.once('message', () => hub.close().then(() => process.exit(0)));
     });`,
    { eval: true, workerData: options, execArgv: [] },
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

/** Sends `requests` over `limits.connections` keep-alive connections; a non-2xx is an error. */
export async function load(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  requests: { headers: Record<string, string>; body?: string }[],
  limits: LoadLimits = { connections: 32, maxSeconds: 30 },
): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: limits.connections });
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const { hostname, port } = new URL(url);
  const deadline = performance.now() + limits.maxSeconds * 1000;
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
    Array.from({ length: limits.connections }, async () => {
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

/** One human line of a run: rate, p50, p99, requests and errors. */
export function describeRun(label: string, r: Run, unit = 'req/s'): string {
  return `  ${label.padEnd(26)} ${String(r.perSecond).padStart(6)} ${unit}  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  (${r.requests} requests, ${r.errors} errors)`;
}

/**
 * Runs `measure` on a fresh SQLite folder, then on a fresh schema of the local PostgreSQL
 * (`scripts/ensure-postgres.mjs`) when there is one; both are removed afterwards.
 */
export async function onEachBackend<T>(
  bench: string,
  measure: (name: string, storage: Storage) => Promise<T>,
): Promise<{ sqlite: T; postgres?: T }> {
  const dataDir = mkdtempSync(join(tmpdir(), `sidbox-bench-${bench}-`));
  let sqlite: T;
  try {
    sqlite = await measure('SQLite', { dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const databaseUrl = postgresUrl();
  if (!databaseUrl) {
    console.log(`${bench}: PostgreSQL not available, skipped`);
    return { sqlite };
  }
  const databaseSchema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  try {
    return { sqlite, postgres: await measure('PostgreSQL', { databaseUrl, databaseSchema }) };
  } finally {
    execFileSync('psql', [databaseUrl, '-qc', `drop schema if exists ${databaseSchema} cascade`], {
      stdio: 'ignore',
    });
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
