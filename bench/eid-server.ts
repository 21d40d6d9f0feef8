// eID-Server bench: complete authentications (names, address, pseudonym) with the real
// AusweisApp 1.26.2 and its Simulator card, one after another through one long-lived AusweisApp
// (one SDK connection, RUN_AUTH after RUN_AUTH), against the server run as production runs it
// (`sidbox eid-server --config`, built, in its own process, on a `sidbox eid-server test-pki`
// setup). Figures: authentications per second, wall time per authentication, and the server
// process's CPU time per authentication next to a baseline measured in the same run: the server
// CPU of one bare TLS 1.2 RSA-PSK handshake (the PAOS channel's kind) with the same RSA-3072
// certificate. A second figure runs the server's AuthenticationService against the in-process
// card double, without AusweisApp, TLS or HTTP.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AusweisAppSupervisor } from '@sidbox/eid';
import { silentLogger } from '@sidbox/runtime';
import { freePort } from '../packages/eid-server/test/helpers/eid-server.js';
import {
  AusweisAppAuthenticator,
  type AuthenticationRun,
  type EidServerApi,
} from './eid-server-ausweisapp.js';
import { measureCardDouble } from './eid-server-card-double.js';
import { describeHandshakes, spawnMeasured } from './eid-server-child.js';
import { measurePskHandshakes } from './eid-server-tls-baseline.js';
import { ms, summarize } from './stats.js';

const authentications = 20;
const warmupAuthentications = 3;
const handshakes = 200;
const warmupHandshakes = 20;
const cardDoubleAuthentications = 50;
const cardDoubleWarmup = 5;
const cli = fileURLToPath(new URL('../packages/cli/dist/main.js', import.meta.url));
const host = '127.0.0.1';

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sidbox-bench-eid-server-'));
  try {
    const port = await freePort();
    await promisify(execFile)(process.execPath, [
      ...[cli, 'eid-server', 'test-pki', '--out', dir],
      ...['--host', host, '--port', String(port)],
    ]);
    const tls = {
      keyFile: join(dir, 'tls.key.pem'),
      certFile: join(dir, 'tls.cert.pem'),
      certPem: await readFile(join(dir, 'tls.cert.pem'), 'utf8'),
    };
    const api = {
      publicOrigin: `https://${host}:${port}`,
      apiKey: (await readFile(join(dir, 'self-check.key'), 'utf8')).trim(),
      ca: tls.certPem,
    };
    const real = await measureRealAusweisApp(join(dir, 'eid-server.yaml'), api);
    const baseline = await measurePskHandshakes(tls, handshakes, warmupHandshakes);
    const double = await measureCardDouble(cardDoubleAuthentications, cardDoubleWarmup);
    report(real, baseline.cpuMs / handshakes, double);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface RealRuns {
  version: string;
  runs: AuthenticationRun[];
  elapsedMs: number;
}

async function measureRealAusweisApp(configFile: string, api: EidServerApi): Promise<RealRuns> {
  const server = spawnMeasured([cli, 'eid-server', '--config', configFile]);
  const supervisor = new AusweisAppSupervisor({ acceptTestPki: true, logger: silentLogger() });
  try {
    await server.waitForLine(/eID-Server listening/);
    const client = await supervisor.start();
    const version = (await client.getInfo()).VersionInfo['Implementation-Version'];
    const authenticator = new AusweisAppAuthenticator(client, api, server);
    for (let i = 0; i < warmupAuthentications; i++) await authenticator.authenticate();
    const started = performance.now();
    const runs: AuthenticationRun[] = [];
    for (let i = 0; i < authentications; i++) runs.push(await authenticator.authenticate());
    return { version, runs, elapsedMs: performance.now() - started };
  } finally {
    await supervisor.stop();
    await server.stop();
  }
}

function report(
  real: RealRuns,
  handshakeCpuMs: number,
  double: Awaited<ReturnType<typeof measureCardDouble>>,
): void {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const wall = summarize(real.runs.map((run) => run.wallMs));
  const cpu = summarize(real.runs.map((run) => run.server.cpuMs));
  const authsPerSecond = (authentications * 1000) / real.elapsedMs;
  const retries = sum(real.runs.map((run) => run.simulatorRetries));
  const retriesCpuMs = sum(real.runs.map((run) => run.retriesServerCpuMs));
  const ratio = cpu.mean / handshakeCpuMs;
  const seen: Record<string, number> = {};
  for (const run of real.runs) {
    for (const [cipher, count] of Object.entries(run.server.handshakes)) {
      seen[cipher] = (seen[cipher] ?? 0) + count;
    }
  }
  const handshakesPerAuth = sum(Object.values(seen)) / authentications;
  console.log(
    `eid-server: ${authentications} complete authentications (names, address, pseudonym), one after another through one AusweisApp ${real.version} (Simulator card, one SDK connection)`,
  );
  console.log(
    `  ${authsPerSecond.toFixed(2)} auths/s (retries included)  wall per auth p50 ${ms(wall.p50)} ms  p90 ${ms(wall.p90)} ms  (each includes the eID workflow's 700 ms Simulator settle before SET_CARD)`,
  );
  console.log(
    `  Simulator-race retries (AusweisApp's, not the server's): ${retries}, costing the server ${ms(retriesCpuMs)} ms CPU in all (not counted below)`,
  );
  console.log(
    `  server CPU per auth mean ${ms(cpu.mean)} ms (p50 ${ms(cpu.p50)}, p90 ${ms(cpu.p90)})  ×${ratio.toFixed(2)} of a bare TLS 1.2 RSA-PSK handshake (${ms(handshakeCpuMs)} ms server CPU, mean of ${handshakes})`,
  );
  console.log(
    `  TLS handshakes the server saw: ${handshakesPerAuth.toFixed(2)} per auth (${describeHandshakes(seen)})`,
  );
  console.log(
    `eid-server: card double in process (no AusweisApp, TLS, HTTP): ${double.authsPerSecond.toFixed(1)} auths/s with the card's work, the server's CPU ${ms(double.serverCpuMsPerAuth)} ms per auth`,
  );
  console.log(
    JSON.stringify({
      bench: 'eid-server',
      ausweisApp: real.version,
      authentications,
      authsPerSecond: Number(authsPerSecond.toFixed(3)),
      wallP50Ms: ms(wall.p50),
      wallP90Ms: ms(wall.p90),
      simulatorRetries: retries,
      retriesServerCpuMs: ms(retriesCpuMs),
      serverCpuMsPerAuth: ms(cpu.mean),
      serverCpuP50Ms: ms(cpu.p50),
      serverCpuP90Ms: ms(cpu.p90),
      pskHandshakeCpuMs: ms(handshakeCpuMs),
      cpuRatio: Number(ratio.toFixed(2)),
      serverHandshakesPerAuth: Number(handshakesPerAuth.toFixed(2)),
      serverHandshakes: seen,
      handshakes,
      cardDoubleAuthsPerSecond: Number(double.authsPerSecond.toFixed(1)),
      cardDoubleServerCpuMsPerAuth: ms(double.serverCpuMsPerAuth),
    }),
  );
}
