import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type MqttClient } from 'mqtt';
import { publicPart } from '@sidbox/signing';
import { silentLogger } from '@sidbox/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessPoint, loadAccessPointConfig, type AttemptReport } from '../src/index.js';
import { startHub } from '../../hub/src/start-hub.js';
import { currentSigningKey } from '../../hub/src/signing/keys.js';
import { revokePerson } from '../../hub/src/api/admin/eid-apps/access-commands.js';
import { findEidApp } from '../../hub/src/eid-apps/queries.js';
import { seedWorld, testEidServer } from '../../hub/test/helpers/hub.js';
import { accessAppOf, accessPointOf, registeredPersonOf } from '../../hub/test/helpers/eid-apps.js';
import {
  ecPrivateKeyFromPem,
  ecPublicKeyOf,
  ecSharedX,
} from '../../eid-server/src/crypto/brainpool.js';
import {
  freePort,
  SIMULATOR_ATTEMPTS,
  startTestEidServer,
  type TestEidServer,
} from '../../eid-server/test/helpers/eid-server.js';
import { startMosquitto, type Mosquitto } from './helpers/mosquitto.js';

// The whole door: the real AusweisApp with its Simulator card, our eID-Server (test PKI), the
// hub with its access routes on SQLite, and a real mosquitto as the door's relay. The
// self-check service stands in for the member's service (same JSON API, its own sector key).

/** The Simulator card's Restricted Identification key 2 (AusweisApp's SimulatorFileSystem). */
const SIMULATOR_RI_KEY_2 = Buffer.from(
  '9AD0AD7F4DFAAA06988339FC31D3A111F4C7964AC7F377373A2454327C43E2FF',
  'hex',
);
const topic = 'club/door/open';

let dir: string;
let broker: Mosquitto;
let eidServer: TestEidServer;
let hub: Awaited<ReturnType<typeof startHub>>;
let hubPort: number;
let point: AccessPoint;
let door: MqttClient;
const opened: string[] = [];
let appId: string;
let personId: string;

const startTestHub = () =>
  startHub({
    port: hubPort,
    dataDir: join(dir, 'hub'),
    logger: false,
    eidServer: testEidServer,
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-access-point-'));
  broker = await startMosquitto();
  eidServer = await startTestEidServer();
  hubPort = await freePort();
  hub = await startTestHub();
  const world = await seedWorld(hub.db, hub.url);
  appId = (await accessAppOf(hub.db, world.memberA.id)).id;

  const sectorKey = ecPrivateKeyFromPem(eidServer.setup.pki.sectorPrivateKeyPem);
  const restrictedIdHex = createHash('sha256')
    .update(ecSharedX(sectorKey, ecPublicKeyOf(SIMULATOR_RI_KEY_2)))
    .digest('hex');
  // The hub helper hashes the "card" it is given: the pseudonym's hex, as the access point does.
  personId = (
    await registeredPersonOf(
      hub.db,
      appId,
      restrictedIdHex as `${string}-${string}-${string}-${string}-${string}`,
    )
  ).id;
  const { accessPoint, token } = await accessPointOf(hub.db, appId);

  door = await connectAsync(broker.url, { clientId: 'door-relay' });
  await door.subscribeAsync(topic, { qos: 1 });
  door.on('message', (_topic, payload) => opened.push(payload.toString()));

  await writeFile(join(dir, 'hub-token.txt'), token);
  await writeFile(join(dir, 'eid-server-key.txt'), eidServer.setup.apiKey);
  await writeFile(join(dir, 'eid-server-ca.pem'), eidServer.ca);
  const anchor = publicPart(await currentSigningKey(hub.db));
  await writeFile(
    join(dir, 'access.yaml'),
    [
      'hub:',
      `  url: ${hub.url}`,
      '  tokenFile: hub-token.txt',
      `  pointId: ${accessPoint.id}`,
      `  trustAnchor: ${JSON.stringify(anchor)}`,
      'eidServer:',
      `  origin: ${eidServer.setup.publicOrigin}`,
      '  apiKeyFile: eid-server-key.txt',
      '  caFile: eid-server-ca.pem',
      '  testPki: true',
      'reader:',
      '  name: Simulator',
      'actuator:',
      '  kind: mqtt',
      `  url: ${broker.url}`,
      `  topic: ${topic}`,
      '  payload: open',
      'stateDir: state',
    ].join('\n'),
  );
  point = await AccessPoint.start(
    await loadAccessPointConfig(join(dir, 'access.yaml')),
    silentLogger(),
  );
}, 60_000);

afterAll(async () => {
  await point?.stop();
  await door?.endAsync();
  await hub?.close();
  await eidServer?.close();
  await broker?.stop();
  await rm(dir, { recursive: true, force: true });
});

/**
 * The simulated card presented; presented again only when AusweisApp lost its Simulator race
 * (no identity: the eID-Server never saw a card), as the eID-Server's suites do.
 */
async function present(): Promise<Extract<AttemptReport, { decided: true }>> {
  for (let attempt = 1; ; attempt++) {
    const report = await point.present();
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

describe('the access point with AusweisApp, the eID-Server, the hub and mosquitto', () => {
  it('grants a registered card online and opens the door', async () => {
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
    await point.syncWithHub();
  }, 180_000);

  it('decides from the cached signed list while the hub is down, and the hub records it once when back', async () => {
    await hub.close();
    const opening = nextOpening();
    const report = await present();
    expect(report).toMatchObject({ granted: true, source: 'offline', opened: true });
    expect(await opening).toBe('open');

    hub = await startTestHub();
    const first = await point.syncWithHub();
    expect(first.journal).toMatchObject({ sent: 1, recorded: 1, duplicates: 0, remaining: 0 });
    const second = await point.syncWithHub();
    expect(second.journal).toMatchObject({ sent: 0, remaining: 0 });
    const [entry, ...more] = await auditEntries(report.decisionId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ granted: 1, reason: 'granted' });
  }, 180_000);

  it('refuses the card at the next attempt once the person is revoked', async () => {
    const app = await findEidApp(hub.db, appId);
    if (!app) throw new Error(`no app ${appId}`);
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
  }, 180_000);
});
