import { execFileSync } from 'node:child_process';

/** PIDs of AusweisApp processes that are children of this test run's process tree. */
function ausweisAppPids(): string[] {
  try {
    return execFileSync('pgrep', ['-x', '-d', ' ', 'AusweisApp2?'], { encoding: 'utf8' })
      .trim()
      .split(' ')
      .filter(Boolean);
  } catch {
    return [];
  }
}

let before: Set<string>;

export function setup(): void {
  before = new Set(ausweisAppPids());
}

/** No AusweisApp process started by the tests may survive the run. */
export function teardown(): void {
  const leftover = ausweisAppPids().filter((pid) => !before.has(pid));
  if (leftover.length > 0) {
    throw new Error(`AusweisApp processes survived the test run: ${leftover.join(', ')}`);
  }
}
