// What the hub benches share: the built hub in a worker thread (its own event loop, so the
// loader does not share it), a keep-alive undici loader — closed loop with a fixed number of
// connections, or open loop at a fixed rate — and the two storage backends in turn.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { HubOptions } from '@sidbox/hub';
import { Pool } from 'undici';
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

type Request = { headers: Record<string, string>; body?: string };

/** A request's outcome: its status (0: no answer) and how long it took from when it was due. */
async function send(pool: Pool, method: 'GET' | 'POST', path: string, r: Request) {
  try {
    const res = await pool.request({ method, path, headers: r.headers, body: r.body ?? null });
    await res.body.dump();
    return res.statusCode;
  } catch {
    return 0;
  }
}

function summary(latencies: number[], seconds: number, errors: number): Run {
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

/**
 * Closed loop: `limits.connections` keep-alive connections (undici, light on the shared CPU),
 * each sending its next request when the last is answered, until `requests` run out or time is
 * up. `ok` tells an expected status (default: 2xx).
 */
export async function load(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  requests: Request[],
  limits: LoadLimits = { connections: 32, maxSeconds: 30 },
  ok: (status: number) => boolean = (status) => status >= 200 && status < 300,
): Promise<Run> {
  const pool = new Pool(url, { connections: limits.connections, pipelining: 1 });
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const deadline = performance.now() + limits.maxSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: limits.connections }, async () => {
      while (next < requests.length && performance.now() < deadline) {
        const r = requests[next++] as Request;
        const t0 = performance.now();
        const status = await send(pool, method, path, r);
        latencies.push(performance.now() - t0);
        if (!ok(status)) errors += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.destroy();
  return summary(latencies, seconds, errors);
}

/**
 * Open loop, as a fleet behaves: `perSecond` requests whether or not earlier ones were answered,
 * for `seconds`. Latency counts from when a request was due, so a hub (or loader) falling behind
 * shows in the figures rather than slowing the arrivals. `make` builds each request just in time
 * (terminal tokens live a minute). The first `warmupSeconds` of arrivals go out at the same rate
 * but are not counted: they open the pool's connections (a fleet's are open long since), which
 * otherwise shows as two seconds of 200 ms answers at the start of every run.
 */
export async function paced(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  make: () => Request,
  rate: { perSecond: number; seconds: number; connections: number; warmupSeconds?: number },
  onMinute?: (minute: number, run: Run) => void,
  ok: (status: number) => boolean = (status) => status >= 200 && status < 300,
): Promise<Run & { maxMs: number; unsent: number }> {
  const pool = new Pool(url, { connections: rate.connections, pipelining: 1 });
  const warmup = Math.round(rate.perSecond * (rate.warmupSeconds ?? 3));
  const total = warmup + Math.round(rate.perSecond * rate.seconds);
  const latencies: number[] = [];
  let minute: number[] = [];
  let minuteErrors = 0;
  let errors = 0;
  let sent = 0;
  let reportedMinutes = 0;
  let unsent = 0;
  const started = performance.now();
  const measuredFrom = started + (warmup / rate.perSecond) * 1000;
  const inFlight = new Set<Promise<void>>();
  const fail = () => {
    errors += 1;
    minuteErrors += 1;
  };
  while (sent < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - started) / 1000) * rate.perSecond));
    for (; sent < due; sent++) {
      const counted = sent >= warmup;
      // More than five seconds of arrivals unanswered: the hub is not keeping up; count the
      // rest as errors rather than queue without bound in the loader.
      if (inFlight.size >= rate.perSecond * 5) {
        if (counted) {
          fail();
          unsent += 1;
        }
        continue;
      }
      const dueAt = started + (sent / rate.perSecond) * 1000;
      const p = send(pool, method, path, make()).then((status) => {
        inFlight.delete(p);
        if (!counted) return;
        const latency = performance.now() - dueAt;
        latencies.push(latency);
        minute.push(latency);
        if (!ok(status)) fail();
      });
      inFlight.add(p);
    }
    const elapsedMinutes = Math.floor(Math.max(0, performance.now() - measuredFrom) / 60_000);
    if (onMinute && elapsedMinutes > reportedMinutes) {
      reportedMinutes = elapsedMinutes;
      onMinute(elapsedMinutes, summary(minute, 60, minuteErrors));
      minute = [];
      minuteErrors = 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - measuredFrom) / 1000;
  await pool.destroy();
  const run = summary(latencies, seconds, errors);
  return { ...run, maxMs: ms(latencies.at(-1) ?? NaN), unsent };
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
  const sqlite = await onSqlite(bench, measure);
  return { sqlite, ...(await onPostgres(bench, measure)) };
}

/** Runs `measure` on a fresh SQLite folder, removed afterwards. */
export async function onSqlite<T>(
  bench: string,
  measure: (name: string, storage: Storage) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), `sidbox-bench-${bench}-`));
  try {
    return await measure('SQLite', { dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs `measure` on a fresh schema of the local PostgreSQL, if any; the schema is dropped. */
export async function onPostgres<T>(
  bench: string,
  measure: (name: string, storage: Storage) => Promise<T>,
): Promise<{ postgres?: T }> {
  const databaseUrl = postgresUrl();
  if (!databaseUrl) {
    console.log(`${bench}: PostgreSQL not available, skipped`);
    return {};
  }
  const databaseSchema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  try {
    return { postgres: await measure('PostgreSQL', { databaseUrl, databaseSchema }) };
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
