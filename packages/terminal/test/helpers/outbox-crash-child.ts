// The process the outbox crash test kills: appends items through the real Outbox and its
// journal, acknowledges the oldest now and then as hub sync does, compacts now and then, and
// reports only what has resolved, i.e. what is durable:
//   restored <n> | accepted <id> | dropped <records> <bytes>
//   acknowledging <id>,<id>... (before the removal: it may or may not last) | removed <id>,<id>...
// Each report goes to the report file with a synchronous write (the page cache outlives a
// SIGKILL; a pipe's queue may not) and, for the test to time its kill, to stdout.
// Usage: node outbox-crash-child.mjs <state dir> <report file> <seed> <life>
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultOutboxCapacity, Outbox, outboxJournalFile } from '../../src/hub-sync/outbox.js';
import { OutboxJournal } from '../../src/hub-sync/outbox-journal.js';
import { crashItem, seededRandom } from './outbox-crash-items.js';

const [stateDir = '', reportFile = '', seedText = '', lifeText = ''] = process.argv.slice(2);
const seed = Number(seedText);
const life = Number(lifeText);
const random = seededRandom(seed * 31 + life);
const say = (line: string) => {
  appendFileSync(reportFile, `${line}\n`);
  process.stdout.write(`${line}\n`);
};

const logger = {
  warn: (facts: object) => {
    const { records, bytes } = facts as { records: number; bytes: number };
    say(`dropped ${records} ${bytes}`);
  },
};
const outbox = new Outbox(
  defaultOutboxCapacity,
  new OutboxJournal(join(stateDir, outboxJournalFile), logger),
);
await outbox.restore();
say(`restored ${outbox.size}`);

/** How many appends may be pending at once: larger means larger group commits. */
const parallel = 1 + Math.floor(random() * 24);
let next = 0;

async function appender(): Promise<void> {
  while (next < 100_000) {
    const index = next++;
    const item = crashItem(seed, life, index);
    await outbox.add(item);
    say(`accepted ${item.id}`);
    // Drawn per item, so that the choices do not depend on how the appenders interleave.
    const choice = seededRandom(seed * 1_000_003 + life * 100_003 + index);
    const roll = choice();
    if (roll < 0.1) {
      // As hub sync does once the hub acknowledged a batch: the oldest of one kind.
      const kind = choice() < 0.5 ? 'telemetry' : 'survey';
      const ids = outbox.oldest(kind, 1 + Math.floor(choice() * 8)).map((i) => i.id);
      if (ids.length === 0) continue;
      say(`acknowledging ${ids.join(',')}`);
      await outbox.remove(ids);
      say(`removed ${ids.join(',')}`);
    } else if (roll < 0.13) {
      await outbox.compact();
    }
  }
}

await Promise.all(Array.from({ length: parallel }, appender));
