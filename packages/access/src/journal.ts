import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { OfflineDecisionsRequest } from '@sidbox/protocol';
import { writeDurably } from './durable-file.js';
import type { HubLink, Journal, JournalEntry } from './ports.js';

const Entry = OfflineDecisionsRequest.shape.decisions.element;

/** How a flush went: `sent` entries the hub confirmed (and so left the journal). */
export type FlushResult =
  | { sent: number; recorded: number; duplicates: number; remaining: number }
  | { sent: number; failed: string; remaining: number };

/** The hub takes at most this many decisions per request (OfflineDecisionsRequest). */
const batchSize = 1000;

/**
 * The offline decisions not yet confirmed by the hub, as JSON lines, each append fsync'd. A
 * line torn by a power cut (the last one, without its newline) is dropped when read and cut
 * off before the next append. Entries leave only after the hub confirmed them; one flush runs
 * at a time, and a decision id the hub already has counts as a duplicate there, so nothing is
 * recorded twice.
 */
export class DecisionJournal implements Journal {
  readonly #file: string;
  #lock: Promise<unknown> = Promise.resolve();
  #flushing: Promise<FlushResult> | undefined;
  #repaired = false;

  constructor(stateDir: string) {
    this.#file = join(stateDir, 'offline-decisions.jsonl');
  }

  append(entry: JournalEntry): Promise<void> {
    const line = `${JSON.stringify(Entry.parse(entry))}\n`;
    return this.#serial(async () => {
      await this.#repairTail();
      const handle = await open(this.#file, 'a', 0o600);
      try {
        await handle.appendFile(line);
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
  }

  /** The readable entries, in order; a torn or unreadable line is skipped. */
  entries(): Promise<JournalEntry[]> {
    return this.#serial(() => this.#read());
  }

  /** Sends what is journaled; a second call while one runs gets the running one's result. */
  flush(hub: Pick<HubLink, 'sendOffline'>): Promise<FlushResult> {
    this.#flushing ??= this.#flush(hub).finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  async #flush(hub: Pick<HubLink, 'sendOffline'>): Promise<FlushResult> {
    let sent = 0;
    let recorded = 0;
    let duplicates = 0;
    for (;;) {
      const pending = await this.entries();
      if (pending.length === 0) return { sent, recorded, duplicates, remaining: 0 };
      const batch = pending.slice(0, batchSize);
      const answer = await hub.sendOffline({ decisions: batch });
      if (answer.kind !== 'answer') {
        const failed = answer.kind === 'refused' ? `HTTP ${answer.status}` : answer.cause;
        return { sent, failed, remaining: pending.length };
      }
      await this.#remove(new Set(batch.map((entry) => entry.decisionId)));
      sent += batch.length;
      recorded += answer.value.recorded;
      duplicates += answer.value.duplicates;
    }
  }

  /** Rewrites the journal without the confirmed entries. */
  #remove(confirmed: ReadonlySet<string>): Promise<void> {
    return this.#serial(async () => {
      const keep = (await this.#read()).filter((entry) => !confirmed.has(entry.decisionId));
      await writeDurably(this.#file, keep.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    });
  }

  async #read(): Promise<JournalEntry[]> {
    const text = await readText(this.#file);
    // The last piece is '' after a complete line, or a torn line: dropped either way.
    return text
      .split('\n')
      .slice(0, -1)
      .flatMap((line) => {
        const parsed = Entry.safeParse(parseJson(line));
        return parsed.success ? [parsed.data] : [];
      });
  }

  /** Cuts a torn last line off once, so the next append starts a line of its own. */
  async #repairTail(): Promise<void> {
    if (this.#repaired) return;
    await mkdir(dirname(this.#file), { recursive: true, mode: 0o700 });
    const text = await readText(this.#file);
    if (text !== '' && !text.endsWith('\n')) {
      const handle = await open(this.#file, 'r+');
      try {
        await handle.truncate(Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    this.#repaired = true;
  }

  #serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#lock.then(operation, operation);
    this.#lock = result.catch(() => undefined);
    return result;
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
