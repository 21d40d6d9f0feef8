import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The kiosk UI, built once for the run (as `npm run build` builds it). */
    kioskUiDir: string;
    /** The hub's admin UI, built once for the run. */
    hubUiDir: string;
  }
}

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

/**
 * Builds a UI package into a directory of this run's own: other work in the checkout may
 * rebuild its `dist/` at any moment, and one build serves every suite.
 */
function buildUi(name: string): string {
  const outDir = mkdtempSync(join(tmpdir(), `sidbox-test-${name}-`));
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir], {
    cwd: join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', name),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return outDir;
}

let before: Set<string>;
let uiDirs: string[] = [];

export function setup(project: TestProject): void {
  before = new Set(ausweisAppPids());
  const kioskUiDir = buildUi('kiosk-ui');
  const hubUiDir = buildUi('hub-ui');
  uiDirs = [kioskUiDir, hubUiDir];
  project.provide('kioskUiDir', kioskUiDir);
  project.provide('hubUiDir', hubUiDir);
}

/** No AusweisApp process started by the tests may survive the run. */
export function teardown(): void {
  for (const dir of uiDirs) rmSync(dir, { recursive: true, force: true });
  const leftover = ausweisAppPids().filter((pid) => !before.has(pid));
  if (leftover.length > 0) {
    throw new Error(`AusweisApp processes survived the test run: ${leftover.join(', ')}`);
  }
}
