import { mkdir } from 'node:fs/promises';
import type { Logger } from '@sidbox/runtime';
import type { TerminalConfig, TerminalCredential } from '@sidbox/protocol';
import type { Fetch } from '../hub-sync/hub-client.js';
import { HubSync, type HeartbeatFacts, type HubSyncTiming } from '../hub-sync/hub-sync.js';

/** How the daemon reaches its hub: the enrolled credential and where sync keeps its state. */
export interface HubConnectionOptions {
  credential: TerminalCredential;
  /** Outbox journal and last good configuration; none keeps them in memory. */
  stateDir?: string;
  timing?: Partial<HubSyncTiming>;
  fetch?: Fetch;
}

export interface HubLinkOptions extends HubConnectionOptions {
  logger: Logger;
  heartbeatFacts: () => Promise<HeartbeatFacts>;
  /** No citizen session runs: a configuration may be applied now. */
  isIdle: () => boolean;
  apply: (config: TerminalConfig) => void;
}

/**
 * The daemon's side of hub sync: a verified configuration waits until the terminal is idle
 * (never swapped under a citizen), then replaces the local one. Sync failures stay inside
 * HubSync; the citizen never notices the hub.
 */
export class HubLink {
  readonly sync: HubSync;
  readonly #options: HubLinkOptions;
  #pending: TerminalConfig | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(options: HubLinkOptions) {
    this.#options = options;
    this.sync = new HubSync({
      credential: options.credential,
      ...(options.stateDir !== undefined && { stateDir: options.stateDir }),
      heartbeatFacts: options.heartbeatFacts,
      logger: options.logger.child({ component: 'hub-sync' }),
      ...(options.timing && { timing: options.timing }),
      ...(options.fetch && { fetch: options.fetch }),
    });
  }

  async start(): Promise<void> {
    const { stateDir } = this.#options;
    if (stateDir !== undefined) await mkdir(stateDir, { recursive: true, mode: 0o700 });
    this.#unsubscribe = this.sync.on('config', (config) => this.#offer(config));
    await this.sync.start();
    // The last good configuration of a previous run: the hub answers 304 for it, no event.
    const saved = this.sync.config;
    if (saved && !this.#pending) this.#offer(saved);
  }

  /** Applies a waiting configuration if no session runs; the daemon calls it on every idle. */
  applyIfIdle(): void {
    const pending = this.#pending;
    if (!pending || !this.#options.isIdle()) return;
    this.#pending = undefined;
    this.#options.apply(pending);
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    await this.sync.stop();
  }

  #offer(config: TerminalConfig): void {
    this.#pending = config;
    this.applyIfIdle();
  }
}
