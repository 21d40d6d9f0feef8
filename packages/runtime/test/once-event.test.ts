import { describe, expect, it } from 'vitest';
import { OnceEvent } from '../src/once-event.js';

describe('OnceEvent', () => {
  it('tells the listeners once, with the first value only', () => {
    const closed = new OnceEvent<string>(() => undefined);
    const heard: string[] = [];
    closed.on((reason) => heard.push(reason));
    closed.emit('by us');
    closed.emit('again');
    expect(heard).toEqual(['by us']);
    expect(closed.value).toBe('by us');
    expect(closed.happened).toBe(true);
  });

  it('still tells a listener that comes after it happened, in a microtask', async () => {
    const closed = new OnceEvent<string>(() => undefined);
    closed.emit('gone');
    const late = new Promise<string>((resolve) => closed.on(resolve));
    await expect(late).resolves.toBe('gone');
  });

  it('forgets a listener removed before it happened, and reports a throwing one', () => {
    const errors: unknown[] = [];
    const closed = new OnceEvent<number>((error) => errors.push(error));
    const heard: number[] = [];
    const off = closed.on((value) => heard.push(value));
    closed.on(() => {
      throw new Error('listener broke');
    });
    closed.on((value) => heard.push(value * 10));
    off();
    closed.emit(1);
    expect(heard).toEqual([10]);
    expect(errors).toHaveLength(1);
    expect(closed.happened).toBe(true);
  });
});
