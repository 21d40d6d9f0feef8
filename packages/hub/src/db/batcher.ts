interface Waiting<Item, Outcome> {
  item: Item;
  resolve: (outcome: Outcome) => void;
  reject: (error: unknown) => void;
}

export interface BatcherOptions<Item> {
  /** Most items one run takes. */
  maxBatch: number;
  /** Runs at once; more items wait and go together in the next run. */
  maxRunning: number;
  /**
   * Items with the same key never share a run, nor run beside one another: each run sees one
   * item per key, and a key's items run in the order they came.
   */
  keyOf: (item: Item) => string;
}

/**
 * Group commit for a hot statement: an item submitted while fewer than `maxRunning` runs are
 * under way goes at once, alone; items that arrive while the database is busy wait and go
 * together in the next run. So a quiet hub answers as fast as before and a busy one spends one
 * round trip and one commit on many items. A submit settles only after its run did, with the
 * run's outcome for it, or the run's error.
 */
export class Batcher<Item, Outcome> {
  readonly #waiting: Waiting<Item, Outcome>[] = [];
  readonly #runningKeys = new Set<string>();
  #running = 0;

  constructor(
    private readonly run: (items: Item[]) => Promise<Outcome[]>,
    private readonly options: BatcherOptions<Item>,
  ) {}

  submit(item: Item): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#running < this.options.maxRunning && this.#waiting.length > 0) {
      const batch = this.#takeBatch();
      if (batch.length === 0) return;
      void this.#start(batch);
    }
  }

  /**
   * The oldest waiting items, at most one per key and none whose key is running; the others
   * keep their place. A key seen and skipped stays skipped, so its later items keep their order.
   */
  #takeBatch(): Waiting<Item, Outcome>[] {
    const taken = new Set<string>();
    const batch: Waiting<Item, Outcome>[] = [];
    let kept = 0;
    for (const waiting of this.#waiting) {
      const key = this.options.keyOf(waiting.item);
      const free = !taken.has(key) && !this.#runningKeys.has(key);
      taken.add(key);
      if (free && batch.length < this.options.maxBatch) batch.push(waiting);
      else this.#waiting[kept++] = waiting;
    }
    this.#waiting.length = kept;
    return batch;
  }

  async #start(batch: Waiting<Item, Outcome>[]): Promise<void> {
    const keys = batch.map((waiting) => this.options.keyOf(waiting.item));
    for (const key of keys) this.#runningKeys.add(key);
    this.#running += 1;
    try {
      const outcomes = await this.run(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, i) => waiting.resolve(outcomes[i] as Outcome));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      for (const key of keys) this.#runningKeys.delete(key);
      this.#running -= 1;
      this.#pump();
    }
  }
}
