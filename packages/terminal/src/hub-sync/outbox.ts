import type { SurveyResponse, TelemetryEvent } from '@sidbox/protocol';
import type { OutboxJournal } from './outbox-journal.js';

/** What waits for delivery to the hub. */
export type OutboxItem =
  | { id: string; kind: 'telemetry'; event: TelemetryEvent }
  | { id: string; kind: 'survey'; response: SurveyResponse };

/**
 * Default bound: 50 000 items. A busy terminal produces a few hundred events a day, so this holds
 * weeks of hub outage; as a JSON-lines file it stays below about 15 MB.
 */
export const defaultOutboxCapacity = 50_000;

/**
 * The bounded, ordered queue of telemetry events and survey responses. Items leave only when the
 * hub acknowledged them (at-least-once); when truly full the oldest is dropped and counted.
 */
export class Outbox {
  private readonly items = new Map<string, OutboxItem>();
  private removedSinceCompaction = 0;
  dropped = 0;

  constructor(
    private readonly capacity: number,
    private readonly journal?: OutboxJournal<OutboxItem>,
  ) {}

  /** Loads what a previous run left in the journal. */
  restore(): void {
    if (!this.journal) return;
    for (const item of this.journal.load()) this.items.set(item.id, item);
    this.journal.compact([...this.items.values()]);
  }

  get size(): number {
    return this.items.size;
  }

  add(item: OutboxItem): void {
    if (this.items.has(item.id)) return;
    if (this.items.size >= this.capacity) this.dropOldest();
    this.items.set(item.id, item);
    this.journal?.added(item);
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
  remove(ids: string[]): void {
    for (const id of ids) this.items.delete(id);
    this.journal?.removed(ids);
    this.removedSinceCompaction += ids.length;
    if (this.removedSinceCompaction > Math.max(1_000, this.items.size)) this.compact();
  }

  compact(): void {
    this.journal?.compact([...this.items.values()]);
    this.removedSinceCompaction = 0;
  }

  private dropOldest(): void {
    const oldest = this.items.keys().next().value;
    if (oldest === undefined) return;
    this.items.delete(oldest);
    this.journal?.removed([oldest]);
    this.dropped += 1;
  }
}
