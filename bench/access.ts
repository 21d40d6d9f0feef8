// Access bench (members' door apps). Two figures, each against a baseline measured in the same run:
//
// 1. The hub's door decisions (POST /api/access/decisions: the point's token, the pseudonym
//    hash looked up, the time window, the audit entry written) per second, against a bare
//    endpoint (/healthz) on the same hub, on SQLite and, when available, PostgreSQL; the hub in a
//    worker thread (bench/hub-load.ts). 1 000 persons registered with the hub's own commands;
//    nine in ten requests name a registered hash, one in ten an unknown one. Plus the time of
//    the signed allowlist of those 1 000 (GET /api/access/allowlist, one request at a time).
// 2. The door's time from card to MQTT message, against the same eID authentication without
//    hub and actuator (bench/access-door.ts): the difference is what SIDbox adds to the card.
import { randomUUID } from 'node:crypto';
import { pseudonymHashOf } from '../packages/hub/test/helpers/eid-apps.js';
import { measureDoor, type DoorFigures } from './access-door.js';
import { seedDoor, type SeededDoor } from './access-seed.js';
import { describeRun, hubInWorker, load, onEachBackend, type Storage } from './hub-load.js';

const persons = 1_000;
/** Load on the hub; every tenth decision names a hash nobody registered. */
const decisionLoad = { connections: 32, decisions: 20_000, unknownEvery: 10, allowlists: 100 };
const decisionsPath = '/api/access/decisions';
/** Door openings and bare authentications, each, after the warm-up ones. */
const doorRuns = { attempts: 20, warmup: 2 };

async function benchDecisions(name: string, storage: Storage) {
  const door = await seedDoor(storage, persons);
  const hub = await hubInWorker(storage);
  try {
    const auth = { authorization: `Bearer ${door.token}` };
    await expectDecisions(hub.url, auth, door);
    const bare = Array.from({ length: decisionLoad.decisions }, () => ({ headers: {} }));
    const decisionRequests = () =>
      Array.from({ length: decisionLoad.decisions }, (_, i) => ({
        headers: { ...auth, 'content-type': 'application/json' },
        body: decisionBody(
          i % decisionLoad.unknownEvery === decisionLoad.unknownEvery - 1
            ? pseudonymHashOf(randomUUID())
            : (door.hashes[i % persons] as string),
        ),
      }));
    const limits = { connections: decisionLoad.connections, maxSeconds: 30 };
    await load(hub.url, 'GET', '/healthz', bare.slice(0, 2_000), limits);
    await load(hub.url, 'POST', decisionsPath, decisionRequests().slice(0, 2_000), limits);
    const ceiling = await load(hub.url, 'GET', '/healthz', bare, limits);
    const decided = await load(hub.url, 'POST', decisionsPath, decisionRequests(), limits);
    const allowlist = await load(
      hub.url,
      'GET',
      '/api/access/allowlist',
      Array.from({ length: decisionLoad.allowlists }, () => ({ headers: auth })),
      { connections: 1, maxSeconds: 30 },
    );
    const allowlistBytes = (await getAllowlist(hub.url, auth)).length;
    const ratio = decided.perSecond / ceiling.perSecond;
    console.log(
      `access (${name}), ${decisionLoad.connections} connections from 127.0.0.1, ${persons} persons:`,
    );
    console.log(describeRun('GET /healthz (bare)', ceiling));
    console.log(describeRun('POST decisions', decided));
    console.log(
      describeRun(`GET allowlist (${persons}, 1 conn.)`, allowlist) +
        `  ${Math.round(allowlistBytes / 1024)} KiB`,
    );
    console.log(`  decisions/bare ${ratio.toFixed(2)}`);
    return {
      barePerSecond: ceiling.perSecond,
      decisionsPerSecond: decided.perSecond,
      decisionP50Ms: decided.p50Ms,
      decisionP99Ms: decided.p99Ms,
      decisionErrors: decided.errors,
      ratioToBare: Number(ratio.toFixed(3)),
      allowlistP50Ms: allowlist.p50Ms,
      allowlistP99Ms: allowlist.p99Ms,
      allowlistBytes,
      errors: ceiling.errors + decided.errors + allowlist.errors,
    };
  } finally {
    await hub.stop();
  }
}

const decisionBody = (pseudonymHash: string) =>
  JSON.stringify({ decisionId: randomUUID(), pseudonymHash, at: new Date().toISOString() });

/** Before timing: a registered hash is let in, an unknown one is not, the list has everyone. */
async function expectDecisions(url: string, auth: Record<string, string>, door: SeededDoor) {
  const decide = async (hash: string) => {
    const answer = await fetch(new URL(decisionsPath, url), {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: decisionBody(hash),
    });
    return (await answer.json()) as { granted?: boolean; reason?: string };
  };
  const known = await decide(door.hashes[0] as string);
  const unknown = await decide(pseudonymHashOf(randomUUID()));
  const payload = (await getAllowlist(url, auth)).split('.')[1] ?? '';
  const { entries } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
    entries: unknown[];
  };
  if (known.granted !== true || unknown.reason !== 'unknown' || entries.length !== persons)
    throw new Error(
      `access: unexpected answers ${JSON.stringify({ known, unknown, entries: entries.length })}`,
    );
}

/** The signed allowlist's JWS. */
async function getAllowlist(url: string, auth: Record<string, string>): Promise<string> {
  const answer = await fetch(new URL('/api/access/allowlist', url), { headers: auth });
  if (!answer.ok) throw new Error(`allowlist: HTTP ${answer.status}`);
  return ((await answer.json()) as { jws: string }).jws;
}

function reportDoor(door: DoorFigures): void {
  console.log(
    `access door: ${door.attempts} openings and ${door.attempts} bare authentications, in turn, AusweisApp ${door.ausweisApp} (Simulator card), hub on SQLite, mosquitto`,
  );
  console.log(
    `  card presented → MQTT message at the door: median ${door.accessMedianMs} ms (p90 ${door.accessP90Ms}); the same eID authentication alone: median ${door.bareMedianMs} ms (p90 ${door.bareP90Ms})`,
  );
  console.log(
    `  access/bare ×${door.ratio.toFixed(3)}, difference of the medians ${door.addedMs} ms`,
  );
  console.log(
    `  within each opening, pseudonym in hand → MQTT message at the door: median ${door.afterIdentityMedianMs} ms (the hub's decision ${door.decideMedianMs} ms, the MQTT publish ${door.actuateMedianMs} ms, as the point timed them)`,
  );
  console.log(
    `  Simulator-race retries (AusweisApp's "Card is already connected"): ${door.simulatorRetries.access} access, ${door.simulatorRetries.bare} bare (not timed)`,
  );
}

export async function run(): Promise<void> {
  const results = await onEachBackend('access', benchDecisions);
  const door = await measureDoor(
    (dataDir) => seedDoor({ dataDir }, persons),
    doorRuns.attempts,
    doorRuns.warmup,
  );
  reportDoor(door);
  console.log(JSON.stringify({ bench: 'access', ...decisionLoad, persons, ...results, door }));
}
