// Outbox bench: what a durable append to the terminal's outbox journal costs, against the
// journal's earlier append (appendFileSync without fsync) measured in the same run, on the same
// file system (os.tmpdir(); on the stick the state directory is on its flash, where a sync costs
// more). Three figures per append:
//   unsynced   — the earlier append: one appendFileSync of the JSON line, no sync (the baseline)
//   one-by-one — `await outbox.add(item)` one after the other: every append its own fdatasync
//   burst      — 20 adds at once, as a session's end produces them: they share group commits
//   sqlite     — the alternative not taken: one INSERT per append into better-sqlite3 in WAL
//                mode with synchronous=FULL, which holds the event loop for each commit's sync
import { appendFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import {
  defaultOutboxCapacity,
  Outbox,
  type OutboxItem,
} from '../packages/terminal/src/hub-sync/outbox.js';
import { OutboxJournal } from '../packages/terminal/src/hub-sync/outbox-journal.js';
import { crashItem } from '../packages/terminal/test/helpers/outbox-crash-items.js';
import { ms, summarize } from './stats.js';

const appends = 500;
const burst = 20;
const noLog = { warn: () => undefined };

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sidbox-bench-outbox-'));
  try {
    const items = Array.from({ length: appends }, (_, index) => crashItem(1, 1, index));
    const unsynced = measureUnsynced(join(dir, 'unsynced.jsonl'), items);
    const oneByOne = await measureOneByOne(join(dir, 'one-by-one.jsonl'), items);
    const bursts = await measureBursts(join(dir, 'burst.jsonl'), items);
    const sqlite = measureSqlite(join(dir, 'outbox.sqlite'), items);
    report(unsynced, oneByOne, bursts, sqlite);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The journal's append before it was durable, as it was: one synchronous append, no sync. */
function measureUnsynced(path: string, items: readonly OutboxItem[]): number[] {
  return items.map((item) => {
    const start = performance.now();
    appendFileSync(path, `${JSON.stringify({ add: item })}\n`);
    return performance.now() - start;
  });
}

async function restored(path: string): Promise<Outbox> {
  const outbox = new Outbox(defaultOutboxCapacity, new OutboxJournal(path, noLog));
  await outbox.restore();
  return outbox;
}

async function measureOneByOne(path: string, all: readonly OutboxItem[]): Promise<number[]> {
  const outbox = await restored(path);
  const samples: number[] = [];
  for (const item of all) {
    const start = performance.now();
    await outbox.add(item);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Per append: a burst's time until all of it is on disk, divided by its size. */
async function measureBursts(path: string, all: readonly OutboxItem[]): Promise<number[]> {
  const outbox = await restored(path);
  const samples: number[] = [];
  for (let first = 0; first < all.length; first += burst) {
    const start = performance.now();
    await Promise.all(all.slice(first, first + burst).map((item) => outbox.add(item)));
    samples.push((performance.now() - start) / burst);
  }
  return samples;
}

function measureSqlite(path: string, all: readonly OutboxItem[]): number[] {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE outbox (id TEXT PRIMARY KEY, item TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO outbox (id, item) VALUES (?, ?)');
  try {
    return all.map((item) => {
      const start = performance.now();
      insert.run(item.id, JSON.stringify(item));
      return performance.now() - start;
    });
  } finally {
    db.close();
  }
}

function report(unsynced: number[], oneByOne: number[], bursts: number[], sqlite: number[]) {
  const base = summarize(unsynced);
  const single = summarize(oneByOne);
  const grouped = summarize(bursts);
  const wal = summarize(sqlite);
  const line = (name: string, s: ReturnType<typeof summarize>) =>
    `  ${name.padEnd(12)} p50 ${ms(s.p50)} ms, p90 ${ms(s.p90)} ms per append` +
    ` (${(s.p50 / base.p50).toFixed(1)}× the unsynced append)`;
  const load = loadavg().map((l) => l.toFixed(2));
  console.log(`outbox journal, ${appends} appends each, in ${tmpdir()}, load ${load.join(' ')}:`);
  console.log(line('unsynced', base));
  console.log(line('one-by-one', single));
  console.log(line(`burst of ${burst}`, grouped));
  console.log(line('sqlite', wal));
  console.log(
    JSON.stringify({
      bench: 'outbox',
      appends,
      burst,
      unsyncedP50Ms: ms(base.p50),
      oneByOneP50Ms: ms(single.p50),
      oneByOneP90Ms: ms(single.p90),
      burstPerAppendP50Ms: ms(grouped.p50),
      sqliteWalFullP50Ms: ms(wal.p50),
      oneByOneRatio: Number((single.p50 / base.p50).toFixed(1)),
      burstRatio: Number((grouped.p50 / base.p50).toFixed(1)),
      sqliteRatio: Number((wal.p50 / base.p50).toFixed(1)),
      loadAverage: loadavg()[0],
    }),
  );
}
