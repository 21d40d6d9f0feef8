// The door's time: from the card presented to the access point to the door's MQTT message, with
// the real AusweisApp 1.26.2 and its Simulator card, our eID-Server (built, in its own process,
// the member's own service from the test PKI), the hub (built, in a worker thread, SQLite) and
// mosquitto. The baseline, measured in the same run and interleaved attempt by attempt: the same
// eID authentication (a JSON API session for restrictedId only, run by the access point's own
// EidIdentifier through an AusweisApp of its own) with no hub decision and no actuator. That
// baseline holds the card's and AusweisApp's time, so access − bare is what SIDbox adds.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { connectAsync } from 'mqtt';
import {
  AccessPoint,
  EidIdentifier,
  EidServerClient,
  loadAccessPointConfig,
  pseudonymHash,
  simulatorReader,
  type AttemptReport,
} from '@sidbox/access';
import { AusweisAppSupervisor } from '@sidbox/eid';
import { silentLogger } from '@sidbox/runtime';
import { startMosquitto } from '../packages/access/test/helpers/mosquitto.js';
import { writeTestSetup } from '../packages/eid-server/src/pki/test-setup.js';
import { freePort } from '../packages/eid-server/test/helpers/eid-server.js';
import type { SeededDoor } from './access-seed.js';
import { lostSimulatorRace } from './eid-server-ausweisapp.js';
import { spawnMeasured, type MeasuredChild } from './eid-server-child.js';
import { hubInWorker } from './hub-load.js';
import { median, ms, summarize } from './stats.js';

const cli = fileURLToPath(new URL('../packages/cli/dist/main.js', import.meta.url));
const host = '127.0.0.1';
const topic = 'bench/door/open';
/** Attempts of each kind lost to the Simulator race before one counts as failed. */
const maxRetries = 5;
const ENDING_GRACE_MS = 5_000;

export interface DoorFigures {
  ausweisApp: string;
  attempts: number;
  accessMedianMs: number;
  accessP90Ms: number;
  bareMedianMs: number;
  bareP90Ms: number;
  /** Difference and ratio of the two medians. */
  addedMs: number;
  ratio: number;
  /** Within each opening: from the pseudonym in hand to the door's message (median). */
  afterIdentityMedianMs: number;
  /** The hub's decision and the MQTT publish, as the access point timed them (medians). */
  decideMedianMs: number;
  actuateMedianMs: number;
  simulatorRetries: { access: number; bare: number };
}

/**
 * `attempts` door openings and as many bare authentications, one of each in turn, after
 * `warmup` of each; `seed` fills the hub's database before it starts (persons, point, a code).
 */
export async function measureDoor(
  seed: (dataDir: string) => Promise<SeededDoor>,
  attempts: number,
  warmup: number,
): Promise<DoorFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'sidbox-bench-access-'));
  const stack: (() => Promise<void>)[] = [() => rm(dir, { recursive: true, force: true })];
  try {
    const door = await seed(join(dir, 'hub'));
    const eidPort = await freePort();
    const hubApiKey = 'bench-eid-server-key-0123456789';
    const hub = await hubInWorker({
      dataDir: join(dir, 'hub'),
      eidServer: { origin: `https://${host}:${eidPort}`, apiKey: hubApiKey },
    });
    stack.push(hub.stop);
    const setup = await writeTestSetup(join(dir, 'eid-server'), {
      host,
      port: eidPort,
      members: [{ organisationId: door.organisationId, name: door.memberName }],
      hub: { url: hub.url, apiKey: hubApiKey },
    });
    const eidServer = spawnMeasured([cli, 'eid-server', '--config', setup.configFile]);
    stack.push(eidServer.stop);
    await eidServer.waitForLine(/eID-Server listening/);
    const endings = new SessionEndings(eidServer);
    const memberKey = setup.members[0]?.apiKey ?? '';
    const ca = await readFile(join(dir, 'eid-server', 'tls.cert.pem'), 'utf8');

    const broker = await startMosquitto();
    stack.push(broker.stop);
    const relay = await connectAsync(broker.url, { clientId: 'bench-door-relay' });
    stack.push(() => relay.endAsync());
    await relay.subscribeAsync(topic, { qos: 1 });
    const openings = new Arrivals();
    relay.on('message', () => openings.arrived());

    // The bare side: the access point's identifier with an AusweisApp and client of its own.
    const supervisor = new AusweisAppSupervisor({ acceptTestPki: true, logger: silentLogger() });
    stack.push(() => supervisor.stop());
    const client = await supervisor.start();
    const ausweisApp = (await client.getInfo()).VersionInfo['Implementation-Version'];
    const eidClient = new EidServerClient({ origin: setup.publicOrigin, apiKey: memberKey, ca });
    stack.push(() => eidClient.close());
    const identifier = new EidIdentifier({
      eidServer: eidClient,
      ausweisApp: supervisor,
      reader: simulatorReader,
      refreshAddress: `${setup.publicOrigin}/`,
      stepTimeoutMs: 60_000,
      logger: silentLogger(),
    });
    const bare = async () => {
      const started = performance.now();
      const identity = await identifier.identify();
      return identity.ok
        ? { ok: true as const, value: { ms: performance.now() - started, identity } }
        : { ok: false as const, why: identity.reason };
    };

    // The Simulator card registers as a terminal would: its pseudonym hash with the admin's code.
    const first = await untilNotLostRace(endings, bare);
    if (!first.value.identity.ok) throw new Error('no pseudonym');
    await registerCard(hub.url, hubApiKey, door, first.value.identity.restrictedIdHex);

    // The access point's files, as the hub UI's starting access.yaml names them (JSON is YAML).
    await writeFile(join(dir, 'hub-token.txt'), door.token);
    await writeFile(join(dir, 'member.key'), memberKey);
    await writeFile(
      join(dir, 'access.yaml'),
      JSON.stringify({
        hub: {
          url: hub.url,
          tokenFile: 'hub-token.txt',
          pointId: door.pointId,
          trustAnchor: door.trustAnchor,
        },
        eidServer: {
          origin: setup.publicOrigin,
          apiKeyFile: 'member.key',
          caFile: 'eid-server/tls.cert.pem',
          testPki: true,
        },
        reader: { name: simulatorReader },
        actuator: { kind: 'mqtt', url: broker.url, topic },
        stateDir: 'state',
      }),
    );
    const point = await AccessPoint.start(
      await loadAccessPointConfig(join(dir, 'access.yaml')),
      silentLogger(),
    );
    stack.push(() => point.stop());
    const access = async () => {
      const synced = new Promise((resolve) => {
        const off = point.on('synced', (value) => (off(), resolve(value)));
      });
      const seen = openings.count;
      const started = performance.now();
      const report = await point.present();
      if (!report?.decided) return { ok: false as const, why: report?.why ?? 'busy' };
      if (!report.granted || report.opened !== true)
        throw new Error(`the door did not open: ${JSON.stringify(report)}`);
      const openedAt = await openings.after(seen);
      await synced; // the sync the point starts after an online decision, outside the timing
      return { ok: true as const, value: { ms: openedAt - started, report } };
    };

    const retries = { access: 0, bare: 0 };
    const accessMs: number[] = [];
    const bareMs: number[] = [];
    const afterIdentityMs: number[] = [];
    const reports: Extract<AttemptReport, { decided: true }>[] = [];
    for (let i = 0; i < warmup + attempts; i++) {
      const a = await untilNotLostRace(endings, access);
      const b = await untilNotLostRace(endings, bare);
      if (i < warmup) continue;
      retries.access += a.retries;
      retries.bare += b.retries;
      accessMs.push(a.value.ms);
      bareMs.push(b.value.ms);
      afterIdentityMs.push(a.value.ms - a.value.report.durations.identifyMs);
      reports.push(a.value.report);
    }
    const accessMedianMs = median(accessMs);
    const bareMedianMs = median(bareMs);
    return {
      ausweisApp,
      attempts,
      accessMedianMs: ms(accessMedianMs),
      accessP90Ms: ms(summarize(accessMs).p90),
      bareMedianMs: ms(bareMedianMs),
      bareP90Ms: ms(summarize(bareMs).p90),
      addedMs: ms(accessMedianMs - bareMedianMs),
      ratio: Number((accessMedianMs / bareMedianMs).toFixed(3)),
      afterIdentityMedianMs: ms(median(afterIdentityMs)),
      decideMedianMs: ms(median(reports.map((r) => r.durations.decideMs))),
      actuateMedianMs: ms(median(reports.map((r) => r.durations.actuateMs))),
      simulatorRetries: retries,
    };
  } finally {
    for (const stop of stack.reverse()) await stop();
  }
}

/** What the eID-Server does for a door registration at a terminal: the code and the hash. */
async function registerCard(
  hubUrl: string,
  apiKey: string,
  door: SeededDoor,
  restrictedId: string,
) {
  const answer = await fetch(new URL('/api/eid-server/access-registrations', hubUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      appId: door.appId,
      code: door.cardCode,
      pseudonymHash: pseudonymHash(restrictedId),
    }),
  });
  if (!answer.ok) throw new Error(`card not registered: HTTP ${answer.status}`);
}

type Tried<T> = { ok: true; value: T } | { ok: false; why: string };

/**
 * Runs `attempt` again only when AusweisApp lost its Simulator race ("Card is already
 * connected", docs/design-notes.md: the server logs the session's end at EAC1 with
 * unknownError); any other failure ends the bench.
 */
async function untilNotLostRace<T>(
  endings: SessionEndings,
  attempt: () => Promise<Tried<T>>,
): Promise<{ value: T; retries: number }> {
  for (let retries = 0; ; retries++) {
    const mark = endings.mark();
    const tried = await attempt();
    if (tried.ok) return { value: tried.value, retries };
    if (retries >= maxRetries || !(await endings.lostRaceSince(mark)))
      throw new Error(`attempt failed: ${tried.why}`);
  }
}

/** The eID-Server's "session ended" log entries, in order. */
class SessionEndings {
  readonly #entries: Record<string, unknown>[] = [];
  readonly #waiting = new Set<() => void>();

  constructor(server: MeasuredChild) {
    server.onLine((line) => {
      if (!line.includes('"session ended"')) return;
      this.#entries.push(JSON.parse(line) as Record<string, unknown>);
      for (const wake of this.#waiting) wake();
    });
  }

  mark(): number {
    return this.#entries.length;
  }

  /**
   * Whether a session that ended after `mark` was a lost Simulator race; one attempt at a time,
   * so that is the attempt's own. Its entry may come just after AusweisApp's outcome.
   */
  async lostRaceSince(mark: number): Promise<boolean> {
    const deadline = performance.now() + ENDING_GRACE_MS;
    for (;;) {
      if (this.#entries.slice(mark).some(lostSimulatorRace)) return true;
      const left = deadline - performance.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const wake = () => (this.#waiting.delete(wake), resolve());
        this.#waiting.add(wake);
        setTimeout(wake, left).unref();
      });
    }
  }
}

/** Arrival times of the door's messages. */
class Arrivals {
  readonly #times: number[] = [];
  #wake: (() => void) | undefined;

  get count(): number {
    return this.#times.length;
  }

  arrived(): void {
    this.#times.push(performance.now());
    this.#wake?.();
  }

  /** The arrival time of message number `seen` (0-based), once it came. */
  async after(seen: number): Promise<number> {
    while (this.#times.length <= seen) await new Promise<void>((r) => (this.#wake = r));
    return this.#times[seen] as number;
  }
}
