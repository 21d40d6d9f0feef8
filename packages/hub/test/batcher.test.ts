import { describe, expect, it } from 'vitest';
import { Batcher } from '../src/db/batcher.js';

interface Item {
  key: string;
  value: number;
}

/** A batcher whose runs the test finishes by hand, recording what each run was given. */
function controlled(options: { maxBatch: number; maxRunning: number }) {
  const runs: { items: Item[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const batcher = new Batcher<Item, number>(
    (items) =>
      new Promise((resolve, reject) => {
        runs.push({
          items,
          finish: () => resolve(items.map((item) => item.value * 10)),
          fail: reject,
        });
      }),
    { ...options, keyOf: (item) => item.key },
  );
  const submit = (key: string, value: number) => batcher.submit({ key, value });
  const values = (run: number) => runs[run]?.items.map((item) => item.value);
  return { batcher, runs, submit, values };
}

describe('Batcher (group commit of a hot statement)', () => {
  it('runs a lone item at once, alone, and answers it with its own outcome', async () => {
    const { runs, submit, values } = controlled({ maxBatch: 10, maxRunning: 2 });
    const answer = submit('a', 1);
    expect(values(0)).toEqual([1]);
    runs[0]?.finish();
    expect(await answer).toBe(10);
  });

  it('puts what arrives while every run is busy into one run, up to the batch size', async () => {
    const { runs, submit, values } = controlled({ maxBatch: 3, maxRunning: 1 });
    const answers = [1, 2, 3, 4, 5].map((value) => submit(`t${value}`, value));
    expect(runs).toHaveLength(1);
    runs[0]?.finish();
    await answers[0];
    expect(values(1)).toEqual([2, 3, 4]);
    runs[1]?.finish();
    await answers[3];
    expect(values(2)).toEqual([5]);
    runs[2]?.finish();
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40, 50]);
  });

  it('never gives one key two places in a run, nor two runs at once, and keeps its order', async () => {
    const { runs, submit, values } = controlled({ maxBatch: 10, maxRunning: 3 });
    const answers = [submit('a', 1), submit('a', 2), submit('b', 3), submit('a', 4)];
    // a:1 runs; a:2 must wait for it; b:3 may run beside; a:4 stays behind a:2.
    expect(values(0)).toEqual([1]);
    expect(values(1)).toEqual([3]);
    expect(runs).toHaveLength(2);
    runs[1]?.finish();
    await answers[2];
    expect(runs).toHaveLength(2);
    runs[0]?.finish();
    await answers[0];
    expect(values(2)).toEqual([2]);
    runs[2]?.finish();
    await answers[1];
    expect(values(3)).toEqual([4]);
    runs[3]?.finish();
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40]);
  });

  it('rejects every item of a failed run with its error, and runs the next items', async () => {
    const { runs, submit, values } = controlled({ maxBatch: 10, maxRunning: 1 });
    const first = submit('a', 1);
    const second = submit('b', 2);
    const third = submit('c', 3);
    const failure = new Error('database unreachable');
    runs[0]?.fail(failure);
    await expect(first).rejects.toBe(failure);
    expect(values(1)).toEqual([2, 3]);
    runs[1]?.fail(failure);
    await expect(second).rejects.toBe(failure);
    await expect(third).rejects.toBe(failure);
    const later = submit('d', 4);
    runs[2]?.finish();
    expect(await later).toBe(40);
  });
});
