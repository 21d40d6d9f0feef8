import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Calls `onAppear` once when `path` exists: at once if it already does (unless `onlyNew`), else
 * when inotify sees it created in its directory (a re-plugged device node, a restarted pcscd's
 * socket). No polling. `onlyNew` is for a file that may be stale (a dead daemon's socket).
 * Returns a function that stops watching.
 */
export function whenPathAppears(path: string, onAppear: () => void, onlyNew = false): () => void {
  let watcher: FSWatcher | undefined;
  let done = false;
  const finish = (): void => {
    if (done) return;
    done = true;
    watcher?.close();
    onAppear();
  };
  try {
    watcher = watch(dirname(path), (_event, name) => {
      if (name === basename(path) && existsSync(path)) finish();
    });
    // A missing parent directory (no /dev/input/by-id yet) must not crash the daemon.
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = undefined;
  }
  // Checked after the watch is set up, so an appearance in between is not missed.
  if (!onlyNew && existsSync(path)) finish();
  return () => {
    done = true;
    watcher?.close();
  };
}
