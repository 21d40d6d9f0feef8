import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOwnedDir, removeStaleOwnedDirs } from '@sidbox/runtime';

/**
 * One AusweisApp instance's own HOME, TMPDIR and XDG directories. A fresh directory means a
 * fresh AusweisApp: no settings, history or logs carry over from one citizen to the next.
 */
export interface PrivateDir {
  root: string;
  home: string;
  tmp: string;
  config: string;
  data: string;
  cache: string;
  runtime: string;
}

const prefix = 'sidbox-ausweisapp-';

/** Named after our pid, so that a later run can tell a directory whose owner died. */
export async function createPrivateDir(base: string = tmpdir()): Promise<PrivateDir> {
  const root = await createOwnedDir(base, prefix);
  const dir: PrivateDir = {
    root,
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    config: join(root, 'config'),
    data: join(root, 'data'),
    cache: join(root, 'cache'),
    runtime: join(root, 'runtime'),
  };
  for (const path of [dir.home, dir.tmp, dir.config, dir.data, dir.cache, dir.runtime]) {
    await mkdir(path, { mode: 0o700 });
  }
  return dir;
}

export async function removePrivateDir(dir: PrivateDir): Promise<void> {
  await rm(dir.root, { recursive: true, force: true });
}

/**
 * Removes directories left behind by a supervisor that was killed before it could clean up
 * (its AusweisApp died with it, through the parent-death signal).
 */
export async function removeStalePrivateDirs(base: string = tmpdir()): Promise<string[]> {
  return removeStaleOwnedDirs(base, prefix);
}

/** The environment AusweisApp runs with: built from scratch, so no PIN variable can leak in. */
export function privateEnv(dir: PrivateDir): NodeJS.ProcessEnv {
  const inherited = ['PATH', 'LANG', 'LC_ALL', 'PCSCLITE_CSOCK_NAME'] as const;
  const env: NodeJS.ProcessEnv = {};
  for (const key of inherited) if (process.env[key] !== undefined) env[key] = process.env[key];
  return {
    ...env,
    QT_QPA_PLATFORM: 'offscreen',
    HOME: dir.home,
    TMPDIR: dir.tmp,
    XDG_CONFIG_HOME: dir.config,
    XDG_DATA_HOME: dir.data,
    XDG_CACHE_HOME: dir.cache,
    XDG_RUNTIME_DIR: dir.runtime,
  };
}
