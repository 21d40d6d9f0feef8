// The outbox journal against crashes: child processes that append through the real Outbox are
// killed with SIGKILL at random points, 100 times, each new one restoring what the last one left
// (10 chains of 10); and journals get a torn last record by hand. After each chain and each torn
// journal, the real delivery path (HubSync) delivers to a recording receiver: every accepted
// record must arrive exactly once, none invented, none altered, none acknowledged before.
//
// A failing chain names its seed; SIDBOX_OUTBOX_CRASH_SEED=<seed> starts the chains there (the
// items and the children's choices repeat; where a kill lands depends on timing as well).
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, truncate } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalCredential } from '@sidbox/protocol';
import { generateEd25519Jwk, publicPart } from '@sidbox/signing';
import { HubSync } from '../src/index.js';
import { Outbox, outboxJournalFile, type OutboxItem } from '../src/hub-sync/outbox.js';
import { OutboxJournal } from '../src/hub-sync/outbox-journal.js';
import { outboxDrained } from './helpers/hub-terminal.js';
import { crashItem, seededRandom } from './helpers/outbox-crash-items.js';

const chains = 10;
const livesPerChain = 10;
const firstSeed = Number(process.env['SIDBOX_OUTBOX_CRASH_SEED'] ?? 1);
/** Chains at a time: each mostly waits for its child's syncs, so they overlap well on two cores. */
const parallelChains = 5;
/** Most report lines a child gets before the kill; 0 kills it while it starts and restores. */
const maxLinesBeforeKill = 100;

const timing = {
  configIntervalMs: 3_600_000,
  heartbeatIntervalMs: 3_600_000,
  requestTimeoutMs: 5_000,
  retry: { initialMs: 20, maxMs: 200 },
};
const heartbeatFacts = () => ({
  softwareVersion: '0.1.0',
  readerAttached: true,
  blockedNavigations: 0,
  device: { kind: 'basic' as const, printer: false, scanner: false, uptimeSeconds: 60 },
});

/**
 * A fake of the hub's ingest that records every id it is sent, per run (the first path segment).
 * Not the real hub: it would count each id once and so hide a duplicate delivery; this one
 * keeps the raw arrivals, and their bodies, to be compared with what the child appended.
 */
interface RecordingHub {
  url: string;
  arrivals: Map<string, unknown[]>;
  server: Server;
}

async function startRecordingHub(): Promise<RecordingHub> {
  const arrivals = new Map<string, unknown[]>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const [, run = '', , , call] = (request.url ?? '').split('/');
      if (call === 'config') return response.writeHead(304).end();
      if (call === 'heartbeat') return response.writeHead(204).end();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        events?: unknown[];
        responses?: unknown[];
      };
      const items = body.events ?? body.responses ?? [];
      arrivals.set(run, [...(arrivals.get(run) ?? []), ...items]);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ stored: items.length, duplicates: 0 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, arrivals, server };
}

/** What the children reported before they died: what had resolved, so what is durable. */
interface Reports {
  accepted: Set<string>;
  /** Acknowledged as if by the hub: their removal had begun, so they may or may not return. */
  acknowledging: Set<string>;
  removed: Set<string>;
  droppedRecords: number;
}

describe('the outbox journal after crashes', () => {
  let workDir: string;
  let childScript: string;
  let hub: RecordingHub;
  let credential: TerminalCredential;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'sidbox-outbox-crash-'));
    // Bundled once: a plain node child starts in tens of milliseconds, 200 times.
    childScript = join(workDir, 'outbox-crash-child.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('helpers/outbox-crash-child.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['@sidbox/source'],
      outfile: childScript,
      logLevel: 'silent',
    });
    hub = await startRecordingHub();
    const terminalKey = await generateEd25519Jwk();
    const configKey = await generateEd25519Jwk();
    credential = {
      terminalId: '0f3b2c1a-6d4e-4f5a-8b7c-9d0e1f2a3b4c',
      hubUrl: hub.url,
      terminalKey: { kty: 'OKP', crv: 'Ed25519', x: terminalKey.x, d: terminalKey.d },
      configSigningKey: publicPart(configKey),
    };
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await new Promise((resolve) => hub.server.close(resolve));
    await rm(workDir, { recursive: true, force: true });
  });

  /** Runs the real delivery path on `stateDir`: what arrived, in order, and what it logged. */
  async function deliver(stateDir: string, run: string) {
    const warnings: { facts: object; message: string }[] = [];
    const sync = new HubSync({
      credential: { ...credential, hubUrl: `${hub.url}${run}/` },
      stateDir,
      heartbeatFacts,
      logger: { warn: (facts, message) => warnings.push({ facts, message }) },
      timing,
    });
    await sync.start();
    await outboxDrained(sync);
    await sync.stop();
    // What HubSync left behind: nothing, so the acknowledgements are durable too.
    const left = new Outbox(10, new OutboxJournal(join(stateDir, outboxJournalFile), noLog));
    await left.restore();
    expect(left.size).toBe(0);
    return { arrived: hub.arrivals.get(run) ?? [], warnings };
  }

  /** Starts a child on `stateDir` and kills it after `linesBeforeKill` lines on its stdout. */
  async function crashChild(
    stateDir: string,
    seed: number,
    life: number,
    linesBeforeKill: number,
    reports: Reports,
  ): Promise<void> {
    const reportFile = `${stateDir}.life-${life}`;
    const child = spawn(
      process.execPath,
      [childScript, stateDir, reportFile, String(seed), String(life)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.add(child);
    const exited = new Promise<string | null>((resolve) =>
      child.once('exit', (_, signal) => {
        children.delete(child);
        resolve(signal);
      }),
    );
    const kill = () => child.kill('SIGKILL');
    if (linesBeforeKill === 0) child.once('spawn', kill);
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      const before = lines;
      lines += chunk.filter((byte) => byte === 0x0a).length;
      if (before < linesBeforeKill && lines >= linesBeforeKill) kill();
    });
    expect(await exited, `seed ${seed}: the child died of something else`).toBe('SIGKILL');
    const text = await readFile(reportFile, 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      const [kind, value = ''] = line.split(' ');
      const ids = value.split(',');
      if (kind === 'accepted') reports.accepted.add(value);
      else if (kind === 'acknowledging') ids.forEach((id) => reports.acknowledging.add(id));
      else if (kind === 'removed') ids.forEach((id) => reports.removed.add(id));
      else if (kind === 'dropped') reports.droppedRecords += Number(value);
    }
  }

  /** One chain: children on one journal, each killed, each restoring the last; then delivery. */
  async function crashChain(seed: number) {
    const stateDir = await mkdtemp(join(workDir, `chain-${seed}-`));
    const random = seededRandom(seed);
    const reports: Reports = {
      accepted: new Set(),
      acknowledging: new Set(),
      removed: new Set(),
      droppedRecords: 0,
    };
    for (let life = 1; life <= livesPerChain; life++) {
      await crashChild(
        stateDir,
        seed,
        life,
        Math.floor(random() * (maxLinesBeforeKill + 1)),
        reports,
      );
    }
    const { arrived } = await deliver(stateDir, `chain-${seed}`);
    const possible = possibleItems(seed, reports);
    const ids = arrived.map((item) => (item as { id: string }).id);
    const context = `seed ${seed}`;
    expect(new Set(ids).size, `${context}: an item arrived twice`).toBe(ids.length);
    for (const item of arrived) {
      const id = (item as { id: string }).id;
      expect(possible.get(id), `${context}: ${id} was never appended`).toBeDefined();
      expect(item, `${context}: ${id} arrived altered`).toEqual(payload(possible.get(id)));
      expect(reports.removed.has(id), `${context}: ${id} was acknowledged before`).toBe(false);
    }
    const missing = [...reports.accepted].filter(
      (id) => !reports.acknowledging.has(id) && !ids.includes(id),
    );
    expect(missing, `${context}: accepted but never delivered`).toEqual([]);
    await rm(stateDir, { recursive: true, force: true });
    return {
      accepted: reports.accepted.size,
      acknowledged: reports.removed.size,
      delivered: ids.length,
    };
  }

  it(`delivers every accepted record exactly once after ${chains * livesPerChain} SIGKILLs`, async () => {
    const results: Awaited<ReturnType<typeof crashChain>>[] = [];
    const seeds = Array.from({ length: chains }, (_, i) => firstSeed + i);
    await Promise.all(
      Array.from({ length: parallelChains }, async () => {
        for (let seed = seeds.shift(); seed !== undefined; seed = seeds.shift()) {
          // A failed chain stops the others from starting new children.
          results.push(
            await crashChain(seed).catch((error: unknown) => {
              seeds.length = 0;
              throw error;
            }),
          );
        }
      }),
    );
    expect(results).toHaveLength(chains);
    // The kills did what they are for: many records accepted, some acknowledged, many left.
    const sum = (pick: (r: (typeof results)[number]) => number) =>
      results.reduce((total, r) => total + pick(r), 0);
    expect(sum((r) => r.accepted)).toBeGreaterThan(chains * livesPerChain * 20);
    expect(sum((r) => r.acknowledged)).toBeGreaterThan(0);
    expect(sum((r) => r.delivered)).toBeGreaterThan(chains * livesPerChain * 10);
  }, 40_000);

  /** Ways the last record can be torn, each applied to a whole record `line` that never resolved. */
  const tornEndings: [string, (journal: string, line: string) => Promise<void>][] = [
    ['a record cut short (no newline)', (journal, line) => appendFile(journal, line.slice(0, 200))],
    [
      'a whole line whose checksum fails',
      (journal, line) => appendFile(journal, line.replace('Rückmeldung', 'Rueckmeldung')),
    ],
    [
      'zeros where the last record should be',
      (journal, line) => appendFile(journal, Buffer.alloc(Buffer.byteLength(line))),
    ],
    [
      'the last record short of its last bytes',
      async (journal, line) => {
        await appendFile(journal, line);
        const { length } = await readFile(journal);
        await truncate(journal, length - 7);
      },
    ],
  ];

  it.each(tornEndings.map(([name, tear], i) => ({ name, tear, seed: 10_000 + i })))(
    'drops $name, says so without content, and delivers every whole record once',
    async ({ tear, seed }) => {
      const stateDir = await mkdtemp(join(workDir, 'torn-'));
      const journal = join(stateDir, outboxJournalFile);
      const accepted = Array.from({ length: 12 }, (_, index) => crashItem(seed, 1, index));
      const outbox = new Outbox(100, new OutboxJournal(journal, noLog));
      await outbox.restore();
      for (const item of accepted) await outbox.add(item);
      // The record that was being appended when the power went: a survey with a comment.
      const torn = crashItem(seed, 1, 12);
      await tear(journal, await journalLine(stateDir, torn));

      const { arrived, warnings } = await deliver(stateDir, `torn-${seed}`);
      const byId = (a: unknown, b: unknown) =>
        (a as { id: string }).id.localeCompare((b as { id: string }).id);
      expect(arrived.sort(byId)).toEqual(accepted.map(payload).sort(byId));
      expect(warnings).toEqual([
        {
          message: 'outbox journal: dropped torn records',
          facts: { journal: outboxJournalFile, records: 1, bytes: expect.any(Number) },
        },
      ]);
    },
  );
});

const noLog = { warn: () => undefined };

/** The line the real journal writes for `item` (written to a scratch journal and read back). */
async function journalLine(dir: string, item: OutboxItem): Promise<string> {
  const scratch = join(dir, 'scratch.jsonl');
  await new OutboxJournal(scratch, noLog).added(item);
  const line = await readFile(scratch, 'utf8');
  await rm(scratch);
  return line;
}

/** Every item the lives of a chain could have appended, by id (up to the last one seen). */
function possibleItems(seed: number, reports: Reports): Map<string, OutboxItem> {
  const possible = new Map<string, OutboxItem>();
  const seen = new Set([...reports.accepted, ...reports.acknowledging]);
  for (let life = 1; life <= livesPerChain; life++) {
    // Indices beyond the last accepted one can still be in flight: up to 24 appenders' worth.
    for (let index = 0, misses = 0; misses < 50; index++) {
      const item = crashItem(seed, life, index);
      possible.set(item.id, item);
      misses = seen.has(item.id) ? 0 : misses + 1;
    }
  }
  return possible;
}

function payload(item: OutboxItem | undefined): unknown {
  return item?.kind === 'survey' ? item.response : item?.event;
}
