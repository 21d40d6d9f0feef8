import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Temporary directories named after the pid of the process that owns them
 * (`<prefix><pid>-XXXXXX`), so that a later run can remove what a killed owner left behind:
 * a citizen's browser profile or AusweisApp state must not outlive even a crash.
 */
export async function createOwnedDir(base: string, prefix: string): Promise<string> {
  return mkdtemp(join(base, `${prefix}${process.pid}-`));
}

/** Removes the directories with this prefix whose owner process is gone; returns their names. */
export async function removeStaleOwnedDirs(base: string, prefix: string): Promise<string[]> {
  const stale = (await readdir(base)).filter((name) => {
    if (!name.startsWith(prefix)) return false;
    const owner = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    return owner !== undefined && !processExists(Number(owner));
  });
  await Promise.all(stale.map((name) => rm(join(base, name), { recursive: true, force: true })));
  return stale;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
