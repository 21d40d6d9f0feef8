import { readFileSync } from 'node:fs';
import { uptime } from 'node:os';
import type { HeartbeatFacts } from '../hub-sync/hub-sync.js';
import type { EidSession } from '../session/eid-session.js';

/** The SIDbox version on the stick: the terminal package's own version. */
export const sidboxVersion = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/**
 * Collects the device facts a heartbeat carries: versions, reader, last session end and the
 * number of blocked navigations since start. Facts about the device, none about people.
 */
export class HeartbeatFactsCollector {
  readonly #eid: EidSession;
  #blockedNavigations = 0;
  #lastSessionAt: string | undefined;
  #ausweisAppVersion: string | undefined;

  constructor(eid: EidSession) {
    this.#eid = eid;
  }

  noteBlockedNavigation(): void {
    this.#blockedNavigations += 1;
  }

  noteSessionEnded(at = new Date()): void {
    this.#lastSessionAt = at.toISOString();
  }

  async facts(): Promise<HeartbeatFacts> {
    return {
      softwareVersion: sidboxVersion,
      ...(await this.#ausweisApp()),
      readerAttached: this.#eid.readerAttached(),
      ...(this.#lastSessionAt && { lastSessionAt: this.#lastSessionAt }),
      blockedNavigations: this.#blockedNavigations,
      // Placeholder until printer (CUPS) and scanner (SANE) adapters exist.
      device: {
        kind: 'basic',
        printer: false,
        scanner: false,
        uptimeSeconds: Math.floor(uptime()),
      },
    };
  }

  /** Asked once: the version does not change while the daemon runs. None for the training card. */
  async #ausweisApp(): Promise<{ ausweisAppVersion?: string }> {
    const connection = this.#eid.connection;
    if (!this.#ausweisAppVersion && connection?.supervisor) {
      const info = await connection.client.getInfo().catch(() => undefined);
      this.#ausweisAppVersion = info?.VersionInfo['Implementation-Version'];
    }
    return this.#ausweisAppVersion ? { ausweisAppVersion: this.#ausweisAppVersion } : {};
  }
}
