// Hub bench: heartbeats and telemetry on SQLite and PostgreSQL, against the bare HTTP stack of
// the same server in the same run.
//
//   npm run bench -- hub                          peak: closed loop, then 2 000 heartbeats/s paced
//   npm run bench -- hub --sustained [--minutes=10] [--only=postgres]
//                                                 a fleet of 100 000 terminals, one heartbeat a
//                                                 minute each: 1 700/s for ten minutes
//
// The hub runs in a worker thread (its own event loop); the loader is undici with keep-alive.
// Heartbeats come from a fleet of terminals (each its own key and row, as in the field, not one
// terminal whose row every request would queue on); tokens are minted with node:crypto before
// the clock for the peak runs (the fleet signs on its own CPUs, not on the hub's two cores), just
// in time for the sustained run (they live a minute). "Bare" is a route
// the hub does not have: its 404 goes through the same HTTP stack, hooks and error handler
// with no database and no authentication — the ceiling a hub route can reach on this machine.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { seedDemo } from '@sidbox/hub';
import type { TelemetryEvent } from '@sidbox/protocol';
import { addFleet, fleetTerminal, mintToken, type FleetTerminal } from './hub-fleet.js';
import {
  describeRun,
  hubInWorker,
  load,
  onEachBackend,
  onPostgres,
  paced,
  type Run,
  type Storage,
} from './hub-load.js';

// Closed loops: enough requests in flight to fill the heartbeat's pipeline (one statement
// committing while the next batch gathers); with 16 the hub waits on round trips, not on CPU.
const connections = 32;
const heartbeats = 30_000;
const telemetryBatches = 400;
const eventsPerBatch = 100;
const pacedRate = 2_000;
const pacedSeconds = 15;
const warmupSeconds = 3;
const fleetSize = 100_000;
const fleetRate = 1_700; // 100 000 terminals, one heartbeat a minute
const bare = '/bench-bare-endpoint';
const is404 = (status: number) => status === 404;

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const flag = (name: string) =>
  flags.find((f) => f === `--${name}` || f.startsWith(`--${name}=`))?.split('=')[1] ?? '';
const sustained = flags.includes('--sustained');
const minutes = Number(flag('minutes') || 10);
const only = flag('only');

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

/** The fleet's requests in turn: each from the next terminal, with a fresh token. */
function fleetRequests(fleet: FleetTerminal[], body: () => string) {
  let i = 0;
  return () => {
    const terminal = fleet[i++ % fleet.length] as FleetTerminal;
    return {
      headers: {
        authorization: `Bearer ${mintToken(terminal, Math.floor(Date.now() / 1000))}`,
        'content-type': 'application/json',
      },
      body: body(),
    };
  };
}

const times = <T>(count: number, make: () => T) => Array.from({ length: count }, make);
const inTurn = <T>(list: T[]) => {
  let i = 0;
  return () => list[i++ % list.length] as T;
};
const noHeaders = () => ({ headers: {} });
const load1 = () => Number(loadavg()[0]?.toFixed(2));

async function prepare(storage: Storage, fleetSize: number) {
  const { trainingCredential } = await seedDemo({ ...storage, hubUrl: 'http://127.0.0.1' });
  const fleet = [
    fleetTerminal(trainingCredential),
    ...(await addFleet(storage, trainingCredential, fleetSize - 1)),
  ];
  return { fleet, hub: await hubInWorker(storage) };
}

async function peakOn(name: string, storage: Storage) {
  const { fleet, hub } = await prepare(storage, 200);
  const limits = { connections, maxSeconds: 30 };
  const heartbeat = fleetRequests(fleet, () => heartbeatBody);
  try {
    await load(hub.url, 'GET', bare, times(2_000, noHeaders), limits, is404);
    await load(hub.url, 'POST', '/api/terminal/heartbeat', times(2_000, heartbeat), limits);
    const ceiling = await load(hub.url, 'GET', bare, times(heartbeats, noHeaders), limits, is404);
    const healthz = await load(
      hub.url,
      'GET',
      '/healthz',
      times(heartbeats / 2, noHeaders),
      limits,
    );
    const loadBefore = load1();
    const closed = await load(
      hub.url,
      'POST',
      '/api/terminal/heartbeat',
      times(heartbeats, heartbeat),
      limits,
    );
    const rate = { perSecond: pacedRate, seconds: pacedSeconds, connections: 64, warmupSeconds };
    const pacedBare = await paced(hub.url, 'GET', bare, noHeaders, rate, undefined, is404);
    const minted = times(pacedRate * (pacedSeconds + warmupSeconds), heartbeat);
    const pacedHeartbeat = await paced(
      hub.url,
      'POST',
      '/api/terminal/heartbeat',
      inTurn(minted),
      rate,
    );
    const telemetry = await load(
      hub.url,
      'POST',
      '/api/terminal/telemetry',
      times(telemetryBatches, fleetRequests(fleet, telemetryBody)),
      limits,
    );
    const ratio = closed.perSecond / ceiling.perSecond;
    console.log(`hub (${name}), ${fleet.length} terminals, ${connections} connections:`);
    console.log(describeRun('GET bare (404, ceiling)', ceiling));
    console.log(describeRun('GET /healthz (one query)', healthz));
    console.log(describeRun('POST heartbeat', closed));
    console.log(describeRun(`bare paced ${pacedRate}/s`, pacedBare));
    console.log(describeRun(`heartbeat paced ${pacedRate}/s`, pacedHeartbeat));
    console.log(describeRun(`POST telemetry (${eventsPerBatch}/batch)`, telemetry, 'batches/s'));
    console.log(
      `  heartbeat/bare ${ratio.toFixed(2)}; paced p99 heartbeat/bare ${(pacedHeartbeat.p99Ms / pacedBare.p99Ms).toFixed(1)}; telemetry events/s ${telemetry.perSecond * eventsPerBatch}; load average ${loadBefore} → ${load1()}`,
    );
    return {
      barePerSecond: ceiling.perSecond,
      healthzPerSecond: healthz.perSecond,
      heartbeatsPerSecond: closed.perSecond,
      heartbeatP99Ms: closed.p99Ms,
      heartbeatToBare: Number(ratio.toFixed(3)),
      pacedPerSecond: pacedRate,
      pacedBareP99Ms: pacedBare.p99Ms,
      pacedHeartbeatP99Ms: pacedHeartbeat.p99Ms,
      pacedHeartbeatP50Ms: pacedHeartbeat.p50Ms,
      telemetryEventsPerSecond: telemetry.perSecond * eventsPerBatch,
      telemetryBatchP99Ms: telemetry.p99Ms,
      errors:
        ceiling.errors +
        healthz.errors +
        closed.errors +
        pacedBare.errors +
        pacedHeartbeat.errors +
        telemetry.errors,
      loadAverage: load1(),
    };
  } finally {
    await hub.stop();
  }
}

async function sustainedOn(name: string, storage: Storage) {
  const { fleet, hub } = await prepare(storage, fleetSize);
  const heartbeat = fleetRequests(fleet, () => heartbeatBody);
  try {
    const rate = { perSecond: fleetRate, seconds: 20, connections: 64, warmupSeconds };
    const bareRun = await paced(hub.url, 'GET', bare, noHeaders, rate, undefined, is404);
    console.log(`hub sustained (${name}), ${fleet.length} terminals, ${fleetRate}/s:`);
    console.log(describeRun(`bare paced, 20 s`, bareRun));
    const run = await paced(
      hub.url,
      'POST',
      '/api/terminal/heartbeat',
      heartbeat,
      { ...rate, seconds: minutes * 60 },
      (minute, r: Run) => console.log(describeRun(`heartbeats, minute ${minute}`, r)),
    );
    console.log(describeRun(`heartbeats, ${minutes} min`, run));
    console.log(
      `  max ${run.maxMs} ms; ${run.unsent} not sent (hub over 5 s behind); p99 heartbeat/bare ${(run.p99Ms / bareRun.p99Ms).toFixed(1)}; load average ${load1()}`,
    );
    return {
      minutes,
      perSecond: run.perSecond,
      p50Ms: run.p50Ms,
      p99Ms: run.p99Ms,
      maxMs: run.maxMs,
      requests: run.requests,
      errors: run.errors,
      unsent: run.unsent,
      bareP99Ms: bareRun.p99Ms,
      loadAverage: load1(),
    };
  } finally {
    await hub.stop();
  }
}

export async function run(): Promise<void> {
  const name = sustained ? 'hub-sustained' : 'hub';
  if (sustained) {
    const results =
      only === 'postgres'
        ? await onPostgres(name, sustainedOn)
        : await onEachBackend(name, sustainedOn);
    console.log(JSON.stringify({ bench: name, perSecond: fleetRate, ...results }));
    return;
  }
  const results =
    only === 'postgres' ? await onPostgres(name, peakOn) : await onEachBackend(name, peakOn);
  const pg = results.postgres;
  if (pg) {
    const met = pg.heartbeatsPerSecond >= 2_000 && pg.pacedHeartbeatP99Ms <= 50;
    console.log(`hub: PostgreSQL ≥ 2000 heartbeats/s, p99 ≤ 50 ms: ${met ? 'met' : 'MISSED'}`);
  }
  console.log(JSON.stringify({ bench: name, connections, ...results }));
}
