import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../src/backoff.js';

describe('backoffDelayMs', () => {
  const exact = { initialMs: 100, maxMs: 1_000 };
  const jittered = { initialMs: 1_000, maxMs: 60_000, jitter: 'equal' as const };

  it('grows by the factor per failure, capped', () => {
    expect([0, 1, 2, 3, 4, 5].map((failures) => backoffDelayMs(failures, exact))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
    expect(backoffDelayMs(2, { ...exact, factor: 3 })).toBe(900);
  });

  it('treats negative and fractional counts as the first retry and survives huge ones', () => {
    expect(backoffDelayMs(-3, exact)).toBe(100);
    expect(backoffDelayMs(0.7, exact)).toBe(100);
    expect(backoffDelayMs(Number.MAX_SAFE_INTEGER, exact)).toBe(1_000);
  });

  it('with equal jitter lies between half and all of the capped delay', () => {
    expect(backoffDelayMs(0, jittered, () => 0)).toBe(500);
    expect(backoffDelayMs(0, jittered, () => 1)).toBe(1_000);
    expect(backoffDelayMs(3, jittered, () => 1)).toBe(8_000);
    expect(backoffDelayMs(10_000, jittered, () => 1)).toBe(60_000);
    expect(backoffDelayMs(10_000, jittered, () => 0)).toBe(30_000);
  });
});
