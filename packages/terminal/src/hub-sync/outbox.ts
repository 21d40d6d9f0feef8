import type { SurveyResponse, TelemetryEvent } from '@sidbox/protocol';
import type { OutboxJournal } from './outbox-journal.js';

/** What waits for delivery to the hub. */
export type OutboxItem =
  | { id: string; kind: 'telemetry'; event: TelemetryEvent }
  | { id: string; kind: 'survey'; response: SurveyResponse };

/**
 * Default bound: 50 000 items. A busy terminal produces a few hundred events a day, so this holds
 * weeks of hub outage; as a journal file it stays below about 15 MB.
 */
export const defaultOutboxCapacity = 50_000;

/** The journal's file name in the terminal's state directory. */
export const outboxJournalFile = 'hub-outbox.jsonl';

/**
 * The bounded, ordered queue of telemetry events and survey responses. Items leave only when the
 * hub acknowledged them (at-least-once); when truly full the oldest is dropped and counted. With
 * a journal, each change is durable when its promise resolves.
 */
export class Outbox {
  private readonly items = new Map<string, OutboxItem>();
  private removedSinceCompaction = 0;
  dropped = 0;

  constructor(
    private readonly capacity: number,
    private readonly journal?: OutboxJournal<OutboxItem>,
  ) {}

  /** Loads what a previous run left in the journal, ahead of anything added meanwhile. */
  async restore(): Promise<void> {
    if (!this.journal) return;
    const saved = await this.journal.recover();
    const addedMeanwhile = [...this.items.values()];
    this.items.clear();
    for (const item of [...saved, ...addedMeanwhile]) {
      if (!this.items.has(item.id)) this.items.set(item.id, item);
    }
  }

  get size(): number {
    return this.items.size;
  }

  /** Queues an item; an id already queued changes nothing. */
  async add(item: OutboxItem): Promise<void> {
    if (this.items.has(item.id)) return;
    const dropping = this.items.size >= this.capacity ? this.dropOldest() : undefined;
    this.items.set(item.id, item);
    await Promise.all([dropping, this.journal?.added(item)]);
  }

  /** The oldest items of one kind, up to `limit`. */
  oldest<K extends OutboxItem['kind']>(kind: K, limit: number): Extract<OutboxItem, { kind: K }>[] {
    const batch: Extract<OutboxItem, { kind: K }>[] = [];
    for (const item of this.items.values()) {
      if (batch.length >= limit) break;
      if (item.kind === kind) batch.push(item as Extract<OutboxItem, { kind: K }>);
    }
    return batch;
  }

  /** Forgets delivered items; compacts the journal once it is mostly history. */
  async remove(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.items.delete(id);
    this.removedSinceCompaction += ids.length;
    await this.journal?.removed(ids);
    if (this.removedSinceCompaction > Math.max(1_000, this.items.size)) await this.compact();
  }

  async compact(): Promise<void> {
    this.removedSinceCompaction = 0;
    await this.journal?.compact([...this.items.values()]);
  }

  private async dropOldest(): Promise<void> {
    const oldest = this.items.keys().next().value;
    if (oldest === undefined) return;
    this.items.delete(oldest);
    this.dropped += 1;
    await this.journal?.removed([oldest]);
  }
}
