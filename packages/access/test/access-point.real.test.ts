import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectAsync, type MqttClient } from 'mqtt';
import type { AccessPointCreatedResponse } from '@sidbox/protocol';
import { parse, stringify } from 'yaml';
import { silentLogger } from '@sidbox/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessPoint, loadAccessPointConfig, type AttemptReport } from '../src/index.js';
import { startHub } from '../../hub/src/start-hub.js';
import {
  createRegistration,
  revokePerson,
} from '../../hub/src/api/admin/eid-apps/access-commands.js';
import { findEidApp } from '../../hub/src/eid-apps/queries.js';
import {
  adminClient,
  password,
  seedWorld,
  testEidServer,
  type World,
} from '../../hub/test/helpers/hub.js';
import { accessAppOf, registeredPersonOf } from '../../hub/test/helpers/eid-apps.js';
import { accessPointConfig } from '../../hub-ui/src/eid-apps/access-point-config.js';
import {
  ecPrivateKeyFromPem,
  ecPublicKeyOf,
  ecSharedX,
} from '../../eid-server/src/crypto/brainpool.js';
import type { TestSetup } from '../../eid-server/src/pki/test-setup.js';
import {
  freePort,
  SIMULATOR_ATTEMPTS,
  SIMULATOR_RI_KEY_2,
  startTestEidServer,
  type TestEidServer,
} from '../../eid-server/test/helpers/eid-server.js';
import { registerAtDoorApp } from './helpers/door-registration.js';
import { startMosquitto, type Mosquitto } from './helpers/mosquitto.js';

// The door as a member runs it: the real AusweisApp with its Simulator card, our eID-Server
// (test PKI) with one service per member, the hub (SQLite) it pulls the members' apps from, and
// a real mosquitto as the door's relay. The citizen registers through the door app's pages;
// each access point runs on the access.yaml the hub UI makes from the hub's answer and asks its
// member's service for the pseudonym, as in production.
const topic = 'club/door/open';
const cli = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));

let dir: string;
let broker: Mosquitto;
let world: World;
let setup: TestSetup;
let eidServer: TestEidServer;
let eidServerLog: string[];
let ca: string;
let hub: Awaited<ReturnType<typeof startHub>>;
let hubPort: number;
let eidServerOrigin: string;
let point: AccessPoint | undefined;
let door: MqttClient;
const opened: string[] = [];
const apps = { a: '', b: '' };
let personId: string;

const startTestHub = () =>
  startHub({
    port: hubPort,
    dataDir: join(dir, 'hub'),
    logger: false,
    eidServer: { origin: eidServerOrigin, apiKey: testEidServer.apiKey },
  });

/** The Simulator card's pseudonym in a member's sector, and its hash as the hub stores it. */
function pseudonymAt(memberIndex: number) {
  const sectorKey = ecPrivateKeyFromPem(
    setup.pki.moreTerminals[memberIndex]?.sectorPrivateKeyPem ?? '',
  );
  const hex = createHash('sha256')
    .update(ecSharedX(sectorKey, ecPublicKeyOf(SIMULATOR_RI_KEY_2)))
    .digest('hex');
  return { hex, hash: createHash('sha256').update(hex).digest('hex') };
}

/**
 * A member admin creates an access point in the hub admin API and saves the access.yaml the hub
 * UI generates from the answer, adding what only the site knows (the Simulator reader, the
 * MQTT relay, the test PKI's TLS certificate) and the member service's key from the association.
 */
async function writeAccessYaml(name: string, appId: string, member: 'A' | 'B') {
  const admin = await adminClient(hub.url, world.users[`admin${member}`], password);
  const answer = await admin.request('POST', `/api/admin/eid-apps/${appId}/access-points`, {
    name,
  });
  expect(answer.status).toBe(201);
  const created = answer.json as AccessPointCreatedResponse;
  const folder = await mkdtemp(join(dir, `${name}-`));
  await writeFile(join(folder, 'hub-token.txt'), created.token);
  const serviceKey = setup.members[member === 'A' ? 0 : 1]?.apiKey ?? '';
  await writeFile(join(folder, 'eid-server-key.txt'), serviceKey);
  await writeFile(join(folder, 'eid-server-ca.pem'), ca);
  const config = parse(accessPointConfig(created, { reader: 'Simulator' }));
  Object.assign(config.eidServer, { caFile: 'eid-server-ca.pem', testPki: true });
  config.actuator = { kind: 'mqtt', url: broker.url, topic, payload: 'open' };
  const file = join(folder, 'access.yaml');
  await writeFile(file, stringify(config));
  return { file, stateDir: join(folder, 'state'), pointId: created.accessPoint.id };
}

let frontDoor: Awaited<ReturnType<typeof writeAccessYaml>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-access-point-'));
  broker = await startMosquitto();
  hubPort = await freePort();
  const eidServerPort = await freePort();
  eidServerOrigin = `https://127.0.0.1:${eidServerPort}`;
  hub = await startTestHub();
  world = await seedWorld(hub.db, hub.url);
  apps.a = (await accessAppOf(hub.db, world.memberA.id)).id;
  apps.b = (await accessAppOf(hub.db, world.memberB.id)).id;

  eidServer = await startTestEidServer({
    port: eidServerPort,
    members: [
      { organisationId: world.memberA.id, name: world.memberA.name },
      { organisationId: world.memberB.id, name: world.memberB.name },
    ],
    hub: { url: hub.url, apiKey: testEidServer.apiKey },
  });
  ({ setup, ca, logLines: eidServerLog } = eidServer);

  door = await connectAsync(broker.url, { clientId: 'door-relay' });
  await door.subscribeAsync(topic, { qos: 1 });
  door.on('message', (_topic, payload) => opened.push(payload.toString()));

  frontDoor = await writeAccessYaml('front-door', apps.a, 'A');
  point = await AccessPoint.start(await loadAccessPointConfig(frontDoor.file), silentLogger());
}, 60_000);

afterAll(async () => {
  await point?.stop();
  await door?.endAsync();
  await hub?.close();
  await eidServer?.close();
  await broker?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Member A's access point, until the last test stops it. */
function running(): AccessPoint {
  if (!point) throw new Error('the access point is stopped');
  return point;
}

/**
 * The simulated card presented; presented again only when AusweisApp lost its Simulator race
 * (no identity: the eID-Server never saw a card), as the eID-Server's suites do.
 */
async function present(): Promise<Extract<AttemptReport, { decided: true }>> {
  for (let attempt = 1; ; attempt++) {
    const report = await running().present();
    if (report?.decided) return report;
    if (attempt >= SIMULATOR_ATTEMPTS) throw new Error(`no decision: ${JSON.stringify(report)}`);
  }
}

/** The next message on the door's topic. */
const nextOpening = () =>
  new Promise<string>((resolve) =>
    door.once('message', (_t, payload) => resolve(payload.toString())),
  );

const auditEntries = (decisionId: string) =>
  hub.db.selectFrom('access_decisions').selectAll().where('decision_id', '=', decisionId).execute();

describe("the access point with AusweisApp, the member's eID-Server service, the hub and mosquitto", () => {
  it('registers the card through the door app with the code the admin handed out', async () => {
    const app = await findEidApp(hub.db, apps.a);
    if (!app) throw new Error(`no app ${apps.a}`);
    const { code } = await createRegistration(hub.db, undefined, app, {
      label: 'Erika',
      windows: [],
    });
    const page = await registerAtDoorApp(
      { origin: setup.publicOrigin, ca, logLines: eidServerLog },
      app.id,
      code,
    );
    expect(page.body).toContain('Registriert: Erika');
    const person = await hub.db
      .selectFrom('access_persons')
      .selectAll()
      .where('app_id', '=', app.id)
      .executeTakeFirstOrThrow();
    // Member A's sector: the hash the access point will get from member A's service.
    expect(person.pseudonym_hash).toBe(pseudonymAt(0).hash);
    personId = person.id;
  }, 120_000);

  it('grants the registered card online and opens the door', async () => {
    const opening = nextOpening();
    const report = await present();
    expect(report).toMatchObject({
      granted: true,
      reason: 'granted',
      source: 'online',
      opened: true,
    });
    expect(await opening).toBe('open');
    expect(await auditEntries(report.decisionId)).toHaveLength(1);
    await running().syncWithHub();
  }, 120_000);

  it('decides from the cached signed list while the hub is down, and the hub records it once when back', async () => {
    await hub.close();
    const opening = nextOpening();
    const report = await present();
    expect(report).toMatchObject({ granted: true, source: 'offline', opened: true });
    expect(await opening).toBe('open');
    const journal = await readFile(join(frontDoor.stateDir, 'offline-decisions.jsonl'), 'utf8');
    expect(journal.trim().split('\n')).toHaveLength(1);
    expect(journal).toContain(report.decisionId);

    hub = await startTestHub();
    const first = await running().syncWithHub();
    expect(first.journal).toMatchObject({ sent: 1, recorded: 1, duplicates: 0, remaining: 0 });
    const second = await running().syncWithHub();
    expect(second.journal).toMatchObject({ sent: 0, remaining: 0 });
    const [entry, ...more] = await auditEntries(report.decisionId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ granted: 1, reason: 'granted', offline: 1 });
    expect(await readFile(join(frontDoor.stateDir, 'offline-decisions.jsonl'), 'utf8')).toBe('');
  }, 120_000);

  it('refuses the card at the next attempt once the person is revoked', async () => {
    const app = await findEidApp(hub.db, apps.a);
    if (!app) throw new Error(`no app ${apps.a}`);
    const person = await hub.db
      .selectFrom('access_persons')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    await revokePerson(hub.db, undefined, app, person);
    const before = opened.length;
    const report = await present();
    expect(report).toMatchObject({ granted: false, reason: 'revoked', source: 'online' });
    expect(report).not.toHaveProperty('opened');
    expect(opened).toHaveLength(before);
  }, 120_000);

  it("`sidbox access` at member B's door refuses the card registered at member A: another sector, another pseudonym", async () => {
    await point?.stop();
    point = undefined;
    // Member B's app holds the card's member-A hash: it would match if B's service gave the same.
    await registeredPersonOf(hub.db, apps.b, pseudonymAt(0).hex);
    expect(pseudonymAt(1).hash).not.toBe(pseudonymAt(0).hash);
    const pointB = await writeAccessYaml('gate-b', apps.b, 'B');
    const before = opened.length;

    const child = spawn(process.execPath, [cli, 'access', '--config', pointB.file], {
      env: { ...process.env, SIDBOX_LOG_LEVEL: 'info' },
    });
    const log = logOf(child);
    try {
      await log.line((entry) => entry.event === 'ready');
      let decided: Record<string, unknown> | undefined;
      for (let attempt = 1; !decided && attempt <= SIMULATOR_ATTEMPTS; attempt++) {
        child.stdin.write('\n');
        const line = await log.line((entry) => entry.event === 'attempt', attempt);
        if (line.decided === true) decided = line;
      }
      expect(decided).toMatchObject({
        decided: true,
        granted: false,
        reason: 'unknown',
        source: 'online',
        msg: 'access refused (unknown, online)',
      });
      const attempts = log.entries().filter((entry) => entry.event === 'attempt');
      expect(attempts.filter((entry) => entry.decided === true)).toHaveLength(1);
      const audit = await hub.db
        .selectFrom('access_decisions')
        .selectAll()
        .where('point_id', '=', pointB.pointId)
        .execute();
      expect(audit).toMatchObject([{ granted: 0, reason: 'unknown', offline: 0 }]);
      expect(opened).toHaveLength(before);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    const text = log.text();
    for (const secret of [pseudonymAt(0), pseudonymAt(1)]) {
      expect(text).not.toContain(secret.hex);
      expect(text).not.toContain(secret.hash);
    }
  }, 120_000);
});

/** The CLI's JSON log lines on stderr, and a wait for the `nth` line that matches. */
function logOf(child: ChildProcessWithoutNullStreams) {
  let text = '';
  let complete = 0;
  const parsed: Record<string, unknown>[] = [];
  const waiting: (() => void)[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    const lines = text.split('\n').slice(0, -1);
    for (const line of lines.slice(complete)) parsed.push(jsonOrNothing(line));
    complete = lines.length;
    for (const wake of waiting.splice(0)) wake();
  });
  return {
    text: () => text,
    entries: () => parsed,
    line(match: (entry: Record<string, unknown>) => boolean, nth = 1) {
      return new Promise<Record<string, unknown>>((resolve, reject) => {
        const check = () => {
          const found = parsed.filter(match)[nth - 1];
          if (found) return resolve(found);
          if (child.exitCode !== null) return reject(new Error(`sidbox access exited:\n${text}`));
          waiting.push(check);
        };
        child.once('exit', check);
        check();
      });
    },
  };
}

function jsonOrNothing(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return {};
  }
}
