import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import type { WarnLogger } from './sync-events.js';

/** One record of the journal: an item added, or ids delivered (or dropped). */
type JournalEntry<T> = { add: T } | { remove: string[] };

/** The lines of the next group commit and the promise all their appenders wait for. */
interface Batch {
  lines: string[];
  written: Promise<void>;
}

/**
 * The outbox on disk: one record a line, `<crc32 of the JSON, 8 hex digits> <JSON>`.
 *
 * An append resolves only once its bytes are on the medium (fdatasync). Appends that arrive
 * while a sync is running are written and synced together by the next one (group commit), so a
 * burst of events costs one sync, not one each. Why a file with fsync and not SQLite in WAL mode:
 * better-sqlite3 commits synchronously, so every sync would stop the daemon's event loop (kiosk
 * UI, Chromium's CDP, AusweisApp) for as long as the stick's flash takes; here the sync runs in
 * libuv's thread pool. And the terminal keeps no native module. Figures: docs/terminal-outbox.md.
 *
 * `recover` replays the file: a record a power cut tore (no newline, a wrong checksum) is
 * dropped and logged without its content; every whole record counts. It then rewrites the file
 * to the pending items, as `compact` does: temporary file, sync, rename, sync of the directory.
 */
export class OutboxJournal<T extends { id: string }> {
  #chain: Promise<unknown> = Promise.resolve();
  #batch: Batch | undefined;
  /** Whether the file is known to end with a newline, so an append starts a record of its own. */
  #endsWithNewline = false;

  constructor(
    private readonly path: string,
    private readonly logger: WarnLogger,
  ) {}

  /** The pending items in the order they were added, from what earlier runs left. */
  recover(): Promise<T[]> {
    this.#batch = undefined;
    return this.#serial(async () => {
      const { items, dropped } = replay<T>(await readText(this.path));
      if (dropped.records > 0) {
        this.logger.warn(
          { journal: basename(this.path), ...dropped },
          'outbox journal: dropped torn records',
        );
      }
      await this.#rewrite(items);
      return items;
    });
  }

  added(item: T): Promise<void> {
    return this.#append({ add: item });
  }

  removed(ids: readonly string[]): Promise<void> {
    return ids.length === 0 ? Promise.resolve() : this.#append({ remove: [...ids] });
  }

  /** Rewrites the file to `items`; appends made after this call land after the rewrite. */
  compact(items: readonly T[]): Promise<void> {
    this.#batch = undefined;
    const snapshot = [...items];
    return this.#serial(() => this.#rewrite(snapshot));
  }

  #append(entry: JournalEntry<T>): Promise<void> {
    if (!this.#batch) {
      const batch: Batch = { lines: [], written: Promise.resolve() };
      batch.written = this.#serial(() => {
        if (this.#batch === batch) this.#batch = undefined;
        return this.#write(batch.lines.join(''));
      });
      this.#batch = batch;
    }
    this.#batch.lines.push(encode(entry));
    return this.#batch.written;
  }

  async #write(text: string): Promise<void> {
    const handle = await open(this.path, 'a+', 0o600);
    try {
      // A torn record left by a crash ends here, so that this append starts a line of its own.
      const cut = !this.#endsWithNewline && (await endsTorn(handle));
      this.#endsWithNewline = false;
      await handle.appendFile(cut ? `\n${text}` : text);
      await handle.datasync();
      this.#endsWithNewline = true;
    } finally {
      await handle.close();
    }
  }

  async #rewrite(items: readonly T[]): Promise<void> {
    this.#endsWithNewline = false;
    await replaceDurably(this.path, items.map((item) => encode({ add: item })).join(''));
    this.#endsWithNewline = true;
  }

  #serial<R>(operation: () => Promise<R>): Promise<R> {
    const result = this.#chain.then(operation, operation);
    this.#chain = result.catch(() => undefined);
    return result;
  }
}

function encode<T>(entry: JournalEntry<T>): string {
  const json = JSON.stringify(entry);
  return `${checksum(json)} ${json}\n`;
}

function checksum(json: string): string {
  return crc32(json).toString(16).padStart(8, '0');
}

/** The pending items a journal's text describes, and how much of it was unreadable. */
export function replay<T extends { id: string }>(
  text: string,
): { items: T[]; dropped: { records: number; bytes: number } } {
  const pending = new Map<string, T>();
  const dropped = { records: 0, bytes: 0 };
  const drop = (line: string) => {
    dropped.records += 1;
    dropped.bytes += Buffer.byteLength(line);
  };
  const lines = text.split('\n');
  // After the last newline: '' when the last record is whole, else a record cut short.
  const tail = lines.pop() ?? '';
  if (tail !== '') drop(tail);
  for (const line of lines) {
    if (line === '') continue;
    const entry = decode<T>(line);
    if (!entry) drop(line);
    else if ('add' in entry) pending.set(entry.add.id, entry.add);
    else for (const id of entry.remove) pending.delete(id);
  }
  return { items: [...pending.values()], dropped };
}

function decode<T>(line: string): JournalEntry<T> | undefined {
  const json = line.slice(9);
  if (line[8] !== ' ' || line.slice(0, 8) !== checksum(json)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  return isEntry<T>(value) ? value : undefined;
}

function isEntry<T>(value: unknown): value is JournalEntry<T> {
  if (typeof value !== 'object' || value === null) return false;
  if ('add' in value) {
    const { add } = value;
    return typeof add === 'object' && add !== null && 'id' in add && typeof add.id === 'string';
  }
  return (
    'remove' in value &&
    Array.isArray(value.remove) &&
    value.remove.every((id) => typeof id === 'string')
  );
}

/** Whether the file's last byte is other than a newline (an empty file is not torn). */
async function endsTorn(handle: FileHandle): Promise<boolean> {
  const { size } = await handle.stat();
  if (size === 0) return false;
  const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
  return buffer[0] !== 0x0a;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** Replaces a file so that a power cut leaves the old or the new one: temp, sync, rename. */
async function replaceDurably(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp`;
  await withFile(temporary, 'w', async (handle) => {
    await handle.writeFile(text);
    await handle.datasync();
  });
  await rename(temporary, path);
  // The rename is durable only once the directory is synced.
  await withFile(dirname(path), 'r', (handle) => handle.sync());
}

async function withFile(
  path: string,
  flags: string,
  use: (handle: FileHandle) => Promise<void>,
): Promise<void> {
  const handle = await open(path, flags, 0o600);
  try {
    await use(handle);
  } finally {
    await handle.close();
  }
}
