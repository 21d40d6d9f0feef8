import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
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
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('drops the oldest only when full, and counts it', () => {
    const outbox = new Outbox(3);
    const items = [item(), item(), item(), item()];
    items.forEach((i) => outbox.add(i));
    expect(outbox.size).toBe(3);
    expect(outbox.dropped).toBe(1);
    expect(outbox.oldest('telemetry', 10).map((i) => i.id)).toEqual(
      items.slice(1).map((i) => i.id),
    );
  });

  it('ignores an id it already holds', () => {
    const outbox = new Outbox(10);
    const one = item();
    outbox.add(one);
    outbox.add(one);
    expect(outbox.size).toBe(1);
  });

  it('survives a restart through its journal, a torn last line included', () => {
    const path = journalPath();
    const first = new Outbox(100, new OutboxJournal(path));
    first.restore();
    const items = [item(), item(), item()];
    items.forEach((i) => first.add(i));
    first.remove([items[0]?.id ?? '']);
    appendFileSync(path, '{"add":{"id":"torn');

    const second = new Outbox(100, new OutboxJournal(path));
    second.restore();
    expect(second.oldest('telemetry', 10)).toEqual(items.slice(1));
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
