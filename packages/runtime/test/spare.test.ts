import { describe, expect, it } from 'vitest';
import { PreparedSpare, type PreparedSpareOptions } from '../src/spare.js';

interface Thing {
  id: number;
  alive: boolean;
}

/** A spare of numbered things whose every preparation, disposal and error is recorded. */
function spareOfThings(options: Partial<PreparedSpareOptions<Thing>> = {}) {
  const things: Thing[] = [];
  const disposed: number[] = [];
  const errors: string[] = [];
  const spare = new PreparedSpare<Thing>({
    prepare: () => {
      const thing = { id: things.length + 1, alive: true };
      things.push(thing);
      return Promise.resolve(thing);
    },
    dispose: (thing) => {
      disposed.push(thing.id);
      return Promise.resolve();
    },
    alive: (thing) => thing.alive,
    onError: (error, during) => errors.push(`${during}: ${(error as Error).message}`),
    ...options,
  });
  return { spare, things, disposed, errors, made: () => things.length };
}

describe('PreparedSpare', () => {
  it('hands over the prepared one and prepares only one at a time', async () => {
    const { spare, made } = spareOfThings();
    spare.prepare();
    spare.prepare();
    expect(spare.prepared).toBe(true);
    expect(await spare.whenPrepared()).toBe(true);
    expect(await spare.take()).toEqual({ id: 1, alive: true });
    expect(spare.prepared).toBe(false);
    expect(made()).toBe(1);
  });

  it('makes a fresh one when none is prepared, with `fresh` when given', async () => {
    const { spare } = spareOfThings();
    expect(await spare.take()).toEqual({ id: 1, alive: true });
    const withFresh = spareOfThings({ fresh: () => Promise.resolve({ id: 99, alive: true }) });
    expect(await withFresh.spare.take()).toEqual({ id: 99, alive: true });
    expect(await withFresh.spare.whenPrepared()).toBe(false);
  });

  it('disposes a prepared one that died and makes a fresh one', async () => {
    const { spare, things, disposed } = spareOfThings();
    spare.prepare();
    await spare.whenPrepared();
    for (const thing of things) thing.alive = false;
    expect(await spare.take()).toEqual({ id: 2, alive: true });
    expect(disposed).toEqual([1]);
  });

  it('reports a failed preparation and takes a fresh one instead', async () => {
    let attempts = 0;
    const { spare, errors } = spareOfThings({
      prepare: () =>
        ++attempts === 1
          ? Promise.reject(new Error('no start'))
          : Promise.resolve({ id: attempts, alive: true }),
    });
    spare.prepare();
    expect(await spare.whenPrepared()).toBe(false);
    expect(await spare.take()).toEqual({ id: 2, alive: true });
    expect(errors).toEqual(['prepare: no start']);
  });

  it('disposes a discarded one once it is ready; stop waits for that', async () => {
    let ready!: (thing: Thing) => void;
    const { spare, disposed } = spareOfThings({
      prepare: () => new Promise((resolve) => (ready = resolve)),
    });
    spare.prepare();
    spare.discard();
    expect(spare.prepared).toBe(false);
    const stopped = spare.stop();
    ready({ id: 7, alive: true });
    await stopped;
    expect(disposed).toEqual([7]);
  });

  it('disposes the prepared one on stop and reports a failed disposal', async () => {
    const { spare, errors } = spareOfThings({
      dispose: () => Promise.reject(new Error('still running')),
    });
    spare.prepare();
    await spare.stop();
    expect(spare.prepared).toBe(false);
    expect(errors).toEqual(['dispose: still running']);
  });

  it('on an abort disposes the prepared one and makes none', async () => {
    const { spare, disposed, made } = spareOfThings();
    spare.prepare();
    const abort = new AbortController();
    const taking = spare.take(abort.signal);
    abort.abort(new Error('session ended'));
    await expect(taking).rejects.toThrow('session ended');
    await spare.stop();
    expect(disposed).toEqual([1]);
    expect(made()).toBe(1);
  });
});
