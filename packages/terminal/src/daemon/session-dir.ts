import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Part, WipeExecutor } from './part.js';

/** The citizen session's private directory (prints, scans); removed with the session. */
export class SessionDir implements Part {
  readonly name = 'session dir';
  #path: string | undefined;

  /** None outside a session. */
  get path(): string | undefined {
    return this.#path;
  }

  async sessionBegins(signal: AbortSignal): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'sidbox-session-'));
    if (signal.aborted) {
      await rm(dir, { recursive: true, force: true });
      signal.throwIfAborted();
    }
    this.#path = dir;
  }

  wipeFacts() {
    return { sessionDir: this.#path !== undefined };
  }

  readonly wipe: { 'remove-session-dir': WipeExecutor } = {
    'remove-session-dir': () => this.stop(),
  };

  async stop(): Promise<void> {
    const dir = this.#path;
    this.#path = undefined;
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
