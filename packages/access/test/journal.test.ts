import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OfflineDecisionsRequest } from '@sidbox/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DecisionJournal } from '../src/journal.js';
import type { HubAnswer, JournalEntry } from '../src/ports.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-journal-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const entry = (n: number): JournalEntry => ({
  decisionId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  granted: true,
  reason: 'granted',
  pseudonymHash: 'a'.repeat(64),
  at: '2025-03-05T09:00:00.000Z',
});

/** A hub that records what it was sent and answers as told. */
function fakeHub(answer: () => HubAnswer<{ recorded: number; duplicates: number }>) {
  const sent: OfflineDecisionsRequest[] = [];
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  let called!: () => void;
  const firstCall = new Promise<void>((resolve) => (called = resolve));
  return {
    sent,
    firstCall,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release?.(),
    sendOffline: async (request: OfflineDecisionsRequest) => {
      sent.push(request);
      called();
      await gate;
      return answer();
    },
  };
}

const confirmed = (n: number) => () =>
  ({ kind: 'answer', value: { recorded: n, duplicates: 0 } }) as const;

describe('the offline decision journal', () => {
  it('keeps appended entries across instances (one JSON line each)', async () => {
    await new DecisionJournal(dir).append(entry(1));
    await new DecisionJournal(dir).append(entry(2));
    expect(await new DecisionJournal(dir).entries()).toEqual([entry(1), entry(2)]);
    expect((await readFile(join(dir, 'offline-decisions.jsonl'), 'utf8')).split('\n')).toHaveLength(
      3,
    );
  });

  it('drops a torn last line on read, and the next append still starts a line of its own', async () => {
    const file = join(dir, 'offline-decisions.jsonl');
    await writeFile(file, `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2)).slice(0, 30)}`);
    const journal = new DecisionJournal(dir);
    expect(await journal.entries()).toEqual([entry(1)]);
    await journal.append(entry(3));
    expect(await new DecisionJournal(dir).entries()).toEqual([entry(1), entry(3)]);
  });

  it('skips a line that is not a decision', async () => {
    await writeFile(join(dir, 'offline-decisions.jsonl'), `{"decisionId":"x"}\n`);
    const journal = new DecisionJournal(dir);
    await journal.append(entry(1));
    expect(await journal.entries()).toEqual([entry(1)]);
  });

  it('removes entries only after the hub confirmed them', async () => {
    const journal = new DecisionJournal(dir);
    await journal.append(entry(1));
    const down = fakeHub(() => ({ kind: 'unreachable', cause: 'timeout' }));
    expect(await journal.flush(down)).toEqual({ sent: 0, failed: 'timeout', remaining: 1 });
    const refusing = fakeHub(() => ({ kind: 'refused', status: 401 }));
    expect(await journal.flush(refusing)).toMatchObject({ failed: 'HTTP 401', remaining: 1 });
    expect(await journal.entries()).toEqual([entry(1)]);

    const up = fakeHub(confirmed(1));
    expect(await journal.flush(up)).toEqual({ sent: 1, recorded: 1, duplicates: 0, remaining: 0 });
    expect(up.sent).toEqual([{ decisions: [entry(1)] }]);
    expect(await journal.entries()).toEqual([]);
    expect(await journal.flush(up)).toMatchObject({ sent: 0 });
    expect(up.sent).toHaveLength(1);
  });

  it('sends each entry once although flushes overlap, and keeps what was appended meanwhile', async () => {
    const journal = new DecisionJournal(dir);
    await journal.append(entry(1));
    const hub = fakeHub(confirmed(1));
    hub.hold();
    const first = journal.flush(hub);
    const second = journal.flush(hub);
    expect(second).toBe(first);
    await hub.firstCall;
    await journal.append(entry(2));
    hub.release();
    const result = await first;
    // The entry appended during the first batch goes in a second batch of the same flush.
    expect(hub.sent).toEqual([{ decisions: [entry(1)] }, { decisions: [entry(2)] }]);
    expect(result).toMatchObject({ sent: 2, remaining: 0 });
    expect(await journal.entries()).toEqual([]);
  });

  it('sends more than 1000 entries in batches the hub accepts', async () => {
    const file = join(dir, 'offline-decisions.jsonl');
    await appendFile(
      file,
      Array.from({ length: 1001 }, (_, n) => `${JSON.stringify(entry(n))}\n`).join(''),
    );
    const hub = fakeHub(confirmed(0));
    await new DecisionJournal(dir).flush(hub);
    expect(hub.sent.map((request) => request.decisions.length)).toEqual([1000, 1]);
  });
});
