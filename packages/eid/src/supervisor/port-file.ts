import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { join } from 'node:path';

/** `$TMPDIR/<AusweisApp2|AusweisApp>.<pid>.port`, written when started with `--port 0`. */
export function portFilePath(tmpDir: string, appName: string, pid: number): string {
  return join(tmpDir, `${appName}.${pid}.port`);
}

const pollMs = 20;

/**
 * Waits until the port file holds a port. The file can exist empty for a moment, so an empty
 * or partial file counts as "not yet". Stops with the signal's reason when it aborts.
 */
export async function readPortFile(path: string, signal: AbortSignal): Promise<number> {
  for (;;) {
    signal.throwIfAborted();
    const text = await readFile(path, 'utf8').catch(() => '');
    const port = /^\d+$/.test(text.trim()) ? Number(text.trim()) : 0;
    if (port > 0 && port < 65536) return port;
    // An abort ends the pause early; the check at the top of the loop then throws its reason.
    await delay(pollMs, undefined, { signal }).catch(() => undefined);
  }
}
