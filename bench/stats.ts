/** Summary figures of a list of durations in milliseconds. */
export function summarize(samples: readonly number[]): { p50: number; p90: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  return { p50: at(0.5), p90: at(0.9), mean };
}

export function median(samples: readonly number[]): number {
  return summarize(samples).p50;
}

/** Milliseconds with three decimals, for printing and the JSON line. */
export function ms(value: number): number {
  return Math.round(value * 1000) / 1000;
}
