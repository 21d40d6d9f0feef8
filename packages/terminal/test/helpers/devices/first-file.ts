import { watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Resolves with the first file that appears in `dir` (inotify, no polling). */
export function firstFileIn(dir: string): Promise<string> {
  return new Promise((resolve) => {
    const check = async (): Promise<void> => {
      const [name] = await readdir(dir).catch(() => []);
      if (name === undefined) return;
      watcher.close();
      resolve(join(dir, name));
    };
    const watcher = watch(dir, () => void check());
    void check();
  });
}
