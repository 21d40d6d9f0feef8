import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** One line of the journal: an item added, or ids delivered (or dropped). */
type JournalLine<T> = { add: T } | { remove: string[] };

/**
 * An append-only JSON-lines file behind the outbox: every enqueue and every delivery is one
 * synchronous append, so a crash loses nothing that was acknowledged to the caller. `compact`
 * rewrites it to the pending items only (write to a temporary file, then rename).
 */
export class OutboxJournal<T extends { id: string }> {
  constructor(private readonly path: string) {}

  /** The pending items in order, replayed from the file (a torn last line is ignored). */
  load(): T[] {
    if (!existsSync(this.path)) return [];
    const pending = new Map<string, T>();
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      const entry = parseLine<T>(line);
      if (!entry) continue;
      if ('add' in entry) pending.set(entry.add.id, entry.add);
      else for (const id of entry.remove) pending.delete(id);
    }
    return [...pending.values()];
  }

  added(item: T): void {
    this.append({ add: item });
  }

  removed(ids: string[]): void {
    if (ids.length > 0) this.append({ remove: ids });
  }

  compact(items: readonly T[]): void {
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, items.map((item) => `${JSON.stringify({ add: item })}\n`).join(''));
    renameSync(temporary, this.path);
  }

  private append(line: JournalLine<T>): void {
    appendFileSync(this.path, `${JSON.stringify(line)}\n`);
  }
}

function parseLine<T>(line: string): JournalLine<T> | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value = JSON.parse(line) as JournalLine<T>;
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
