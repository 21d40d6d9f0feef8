import { describe, expect, it } from 'vitest';
import { TransitionCancelledError, TransitionRunner } from '../src/session/runner.js';

/** A task that records its life and finishes when told to, or when aborted. */
function controllable(log: string[], name: string) {
  let finish!: () => void;
  const task = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      log.push(`${name}:start`);
      finish = () => {
        log.push(`${name}:end`);
        resolve();
      };
      signal.addEventListener('abort', () => {
        log.push(`${name}:aborted`);
        reject(signal.reason as Error);
      });
    });
  return { task, finish: () => finish() };
}

describe('TransitionRunner', () => {
  it('joins a running transition of equal or higher priority', async () => {
    const runner = new TransitionRunner();
    const log: string[] = [];
    const wipe = controllable(log, 'wipe');
    const first = runner.run('wipe', 2, wipe.task);
    const second = runner.run('wipe', 2, controllable(log, 'other').task);
    const weaker = runner.run('start', 1, controllable(log, 'start').task);
    expect(second).toBe(first);
    expect(weaker).toBe(first);
    await Promise.resolve();
    wipe.finish();
    await first;
    expect(log).toEqual(['wipe:start', 'wipe:end']);
  });

  it('cancels a weaker transition and starts the stronger one only after it settled', async () => {
    const runner = new TransitionRunner();
    const log: string[] = [];
    const start = controllable(log, 'start');
    const wipe = controllable(log, 'wipe');
    const started = runner.run('start', 1, start.task);
    await Promise.resolve();
    const wiped = runner.run('wipe', 2, wipe.task);
    await expect(started).rejects.toBeInstanceOf(TransitionCancelledError);
    await new Promise((resolve) => setImmediate(resolve));
    wipe.finish();
    await wiped;
    expect(log).toEqual(['start:start', 'start:aborted', 'wipe:start', 'wipe:end']);
  });

  it('never interleaves: a task that ignores abort is awaited before the next starts', async () => {
    const runner = new TransitionRunner();
    const log: string[] = [];
    let finishStubborn!: () => void;
    const stubborn = runner.run(
      'start',
      1,
      () =>
        new Promise<void>((resolve) => {
          log.push('stubborn:start');
          finishStubborn = () => {
            log.push('stubborn:end');
            resolve();
          };
        }),
    );
    await Promise.resolve();
    const wipe = controllable(log, 'wipe');
    const wiped = runner.run('wipe', 2, wipe.task);
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['stubborn:start']);
    finishStubborn();
    await stubborn;
    await new Promise((resolve) => setImmediate(resolve));
    wipe.finish();
    await wiped;
    expect(log).toEqual(['stubborn:start', 'stubborn:end', 'wipe:start', 'wipe:end']);
  });

  it('racing events: mat release, reset button and a crash resolve to one wipe at a time', async () => {
    const runner = new TransitionRunner();
    const log: string[] = [];
    const start = controllable(log, 'start');
    const matWipe = controllable(log, 'mat-wipe');
    const resetWipe = controllable(log, 'reset-wipe');
    const rewipe = controllable(log, 'rewipe');
    const results = [
      runner.run('start', 1, start.task),
      runner.run('wipe', 2, matWipe.task),
      runner.run('wipe', 2, resetWipe.task),
      runner.run('rewipe', 3, rewipe.task),
    ].map((promise) =>
      promise.then(
        () => 'ok',
        (error: Error) => error.name,
      ),
    );
    await new Promise((resolve) => setImmediate(resolve));
    rewipe.finish();
    expect(await Promise.all(results)).toEqual([
      'TransitionCancelledError',
      'TransitionCancelledError',
      'TransitionCancelledError',
      'ok',
    ]);
    // Replaced before their turn came, the start and both wipes never ran.
    expect(log).toEqual(['rewipe:start', 'rewipe:end']);
    expect(runner.running).toBeUndefined();
  });

  it('idle() waits for transitions started meanwhile', async () => {
    const runner = new TransitionRunner();
    const log: string[] = [];
    const start = controllable(log, 'start');
    void runner.run('start', 1, start.task).catch(() => undefined);
    const idle = runner.idle();
    const wipe = controllable(log, 'wipe');
    const wiped = runner.run('wipe', 2, wipe.task);
    await new Promise((resolve) => setImmediate(resolve));
    wipe.finish();
    await wiped;
    await idle;
    expect(runner.running).toBeUndefined();
  });
});
