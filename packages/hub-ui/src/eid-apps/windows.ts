import type { AccessWindow } from '@sidbox/protocol';

/** Days 1 (Monday) … 7 (Sunday), as AccessWindow counts them. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** Sorted days as runs: three or more in a row become "Mo–Fr", others stay single. */
export function dayRuns(days: readonly number[], dayName: (day: number) => string): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let end = i;
    while (end + 1 < sorted.length && sorted[end + 1] === (sorted[end] ?? 0) + 1) end++;
    const first = sorted[i] ?? 0;
    const last = sorted[end] ?? 0;
    if (end - i >= 2) parts.push(`${dayName(first)}–${dayName(last)}`);
    else for (let k = i; k <= end; k++) parts.push(dayName(sorted[k] ?? 0));
    i = end + 1;
  }
  return parts.join(', ');
}

/** "Mo–Fr 07:00–19:00; Sa 08:00–12:00", or `always` for no windows (any time). */
export function formatWindows(
  windows: readonly AccessWindow[],
  dayName: (day: number) => string,
  always: string,
): string {
  if (windows.length === 0) return always;
  return windows
    .map((window) => `${dayRuns(window.days, dayName)} ${window.from}–${window.to}`)
    .join('; ');
}

/** A new window in the editor: working days, office hours. */
export const defaultWindow = (): AccessWindow => ({
  days: [1, 2, 3, 4, 5],
  from: '07:00',
  to: '19:00',
});

/** The first window the hub would refuse, numbered from 1 as the editor shows it. */
export function windowProblem(
  windows: readonly AccessWindow[],
): { problem: 'no-days' | 'from-after-to'; n: number } | undefined {
  for (const [index, window] of windows.entries()) {
    if (window.days.length === 0) return { problem: 'no-days', n: index + 1 };
    if (!(window.from < window.to)) return { problem: 'from-after-to', n: index + 1 };
  }
  return undefined;
}
