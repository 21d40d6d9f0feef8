import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/** Resolves when a line containing `text` is in the log file (inotify on its directory, no polling). */
export function logLine(file: string, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = async (): Promise<void> => {
      const log = await readFile(file, 'utf8').catch(() => '');
      if (!log.includes(text)) return;
      watcher.close();
      resolve();
    };
    const watcher = watch(dirname(file), (_event, name) => {
      if (name === basename(file)) void check();
    });
    void check();
  });
}
