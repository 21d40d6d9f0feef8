import { watch, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DeviceRoots, InputDeviceSelector } from './resolve-device.js';

/**
 * Calls `onChange` whenever the directory where the selected device's node would appear
 * changes: the node's own directory for a path, /dev/input for vendor:product (the eventN
 * node), /dev/input and /dev/input/by-id for a by-id name. inotify, no polling; the caller
 * resolves the selector again on each call.
 *
 * udev removes /dev/input/by-id with its last link and creates it again with the next one, so
 * the by-id watch is re-armed whenever /dev/input reports it (a watch on a deleted directory
 * stays deaf). Returns a function that stops watching.
 */
export function watchInputNodes(
  selector: InputDeviceSelector,
  roots: DeviceRoots,
  onChange: () => void,
): () => void {
  let stopped = false;
  const changed = (): void => {
    if (!stopped) onChange();
  };
  let byIdWatcher: FSWatcher | undefined;
  const byIdDir = join(roots.devInput, 'by-id');
  const armById = (): void => {
    byIdWatcher?.close();
    byIdWatcher = watchDirectory(byIdDir, changed);
  };
  const mainDir = 'path' in selector ? dirname(selector.path) : roots.devInput;
  const mainWatcher = watchDirectory(mainDir, (name) => {
    if (!stopped && 'byIdContains' in selector && name === 'by-id') armById();
    changed();
  });
  if ('byIdContains' in selector) armById();
  return () => {
    stopped = true;
    mainWatcher?.close();
    byIdWatcher?.close();
  };
}

/** A watcher, or undefined when the directory is not there (no /dev/input/by-id yet). */
function watchDirectory(
  dir: string,
  onEvent: (name: string | null) => void,
): FSWatcher | undefined {
  try {
    const watcher = watch(dir, (_event, name) => onEvent(name));
    watcher.on('error', () => watcher.close());
    return watcher;
  } catch {
    return undefined;
  }
}
