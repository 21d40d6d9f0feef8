import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { retryDelayMs } from '../src/hub-sync/backoff.js';
import { Outbox, type OutboxItem } from '../src/hub-sync/outbox.js';
import { OutboxJournal } from '../src/hub-sync/outbox-journal.js';

const item = (): OutboxItem => {
  const id = randomUUID();
  return {
    id,
    kind: 'telemetry',
    event: { type: 'session-started', id, terminalTime: new Date().toISOString(), training: false },
  };
};

describe('outbox', () => {
  const dirs: string[] = [];
  const journalPath = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sidbox-outbox-'));
    dirs.push(dir);
    return join(dir, 'outbox.jsonl');
  };
  const noLog = { warn: () => undefined };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A fresh outbox on the journal at `path`, restored, and what it logged. */
  async function reopen(path: string) {
    const warnings: { facts: object; message: string }[] = [];
    const outbox = new Outbox(
      100,
      new OutboxJournal(path, { warn: (facts, message) => warnings.push({ facts, message }) }),
    );
    await outbox.restore();
    return { outbox, warnings, items: outbox.oldest('telemetry', 100) };
  }

  it('drops the oldest only when full, and counts it', async () => {
    const path = journalPath();
    const outbox = new Outbox(3, new OutboxJournal(path, noLog));
    await outbox.restore();
    const items = [item(), item(), item(), item()];
    await Promise.all(items.map((i) => outbox.add(i)));
    expect(outbox.size).toBe(3);
    expect(outbox.dropped).toBe(1);
    expect(outbox.oldest('telemetry', 10)).toEqual(items.slice(1));
    expect((await reopen(path)).items).toEqual(items.slice(1));
  });

  it('ignores an id it already holds', async () => {
    const outbox = new Outbox(10);
    const one = item();
    await outbox.add(one);
    await outbox.add(one);
    expect(outbox.size).toBe(1);
  });

  it('keeps what resolved across a restart, in order, without what was acknowledged', async () => {
    const path = journalPath();
    const { outbox } = await reopen(path);
    const items = Array.from({ length: 40 }, item);
    // All at once: they share group commits; each promise resolves once its record is synced.
    await Promise.all(items.map((i) => outbox.add(i)));
    await outbox.remove([items[0]?.id ?? '', items[7]?.id ?? '']);

    const again = await reopen(path);
    expect(again.items).toEqual(items.filter((_, i) => i !== 0 && i !== 7));
    expect(again.warnings).toEqual([]);
  });

  it('keeps what was added while a compaction ran', async () => {
    const path = journalPath();
    const { outbox } = await reopen(path);
    const before = [item(), item()];
    await Promise.all(before.map((i) => outbox.add(i)));
    const during = [item(), item()];
    await Promise.all([
      outbox.add(during[0] ?? item()),
      outbox.compact(),
      outbox.remove([before[0]?.id ?? '']),
      outbox.add(during[1] ?? item()),
    ]);
    expect((await reopen(path)).items).toEqual([before[1], ...during]);
  });

  it('drops a torn last record, says how much without content, and keeps the rest', async () => {
    const path = journalPath();
    const { outbox } = await reopen(path);
    const items = [item(), item(), item()];
    for (const i of items) await outbox.add(i);
    const secret = item();
    appendFileSync(path, `00000000 {"add":{"id":"${secret.id}","kind":"tele`);

    const again = await reopen(path);
    expect(again.items).toEqual(items);
    expect(again.warnings).toEqual([
      {
        message: 'outbox journal: dropped torn records',
        facts: { journal: 'outbox.jsonl', records: 1, bytes: expect.any(Number) },
      },
    ]);
    expect(JSON.stringify(again.warnings)).not.toContain(secret.id);
    // Recovery rewrote the file: reopened once more, nothing is torn any longer.
    expect((await reopen(path)).warnings).toEqual([]);
  });

  it('drops a record whose checksum fails, wherever it is, and keeps every whole one', async () => {
    const path = journalPath();
    const { outbox } = await reopen(path);
    const items = [item(), item(), item()];
    for (const i of items) await outbox.add(i);
    const [first = '', second = '', third = ''] = readFileSync(path, 'utf8').split('\n');
    writeFileSync(
      path,
      [first, second.replace('session-started', 'session-startet'), third, ''].join('\n'),
    );

    const again = await reopen(path);
    expect(again.items).toEqual([items[0], items[2]]);
    expect(again.warnings).toHaveLength(1);
  });

  it('starts a record of its own when appending after a torn one it has not recovered', async () => {
    const path = journalPath();
    const { outbox } = await reopen(path);
    const kept = item();
    await outbox.add(kept);
    appendFileSync(path, '1234abcd {"add":{"id":"torn');
    // A second journal on the file, as a process that appends before it restores would.
    const late = item();
    await new Outbox(10, new OutboxJournal(path, noLog)).add(late);

    const again = await reopen(path);
    expect(again.items).toEqual([kept, late]);
    expect(again.warnings).toHaveLength(1);
  });
});

describe('retry delay', () => {
  const policy = { initialMs: 1_000, maxMs: 60_000 };

  it('doubles per failure between half and all of the capped delay', () => {
    expect(retryDelayMs(0, policy, () => 0)).toBe(500);
    expect(retryDelayMs(0, policy, () => 1)).toBe(1_000);
    expect(retryDelayMs(3, policy, () => 1)).toBe(8_000);
  });

  it('never exceeds the maximum, however long the outage', () => {
    expect(retryDelayMs(10_000, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(10_000, policy, () => 0)).toBe(30_000);
  });
});
