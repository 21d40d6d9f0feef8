import { readFileSync } from 'node:fs';
import { uptime } from 'node:os';
import type { DeviceSummary } from '@sidbox/protocol';
import { physicalReaderAttached } from '../daemon/reader-presence.js';
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
/** What the collector needs of the peripherals: the summary `sidbox ctl devices` shows. */
export interface DeviceSummarySource {
  summary(): DeviceSummary;
  readonly printer?: unknown;
  readonly scanner?: unknown;
}

/** What the collector needs of the kiosk browser. */
export interface BrowserPolicySource {
  readonly policyEnforced: boolean;
}

export class HeartbeatFactsCollector {
  readonly #eid: EidSession;
  readonly #devices: DeviceSummarySource | undefined;
  readonly #browser: BrowserPolicySource | undefined;
  #blockedNavigations = 0;
  #lastSessionAt: string | undefined;
  #ausweisAppVersion: string | undefined;

  constructor(eid: EidSession, devices?: DeviceSummarySource, browser?: BrowserPolicySource) {
    this.#eid = eid;
    this.#devices = devices;
    this.#browser = browser;
  }

  noteBlockedNavigation(): void {
    this.#blockedNavigations += 1;
  }

  /** Navigations refused since the daemon started (`ctl status` and the heartbeat). */
  get blockedNavigations(): number {
    return this.#blockedNavigations;
  }

  noteSessionEnded(at = new Date()): void {
    this.#lastSessionAt = at.toISOString();
  }

  async facts(): Promise<HeartbeatFacts> {
    const summary = this.#devices?.summary();
    return {
      softwareVersion: sidboxVersion,
      ...(await this.#ausweisApp()),
      readerAttached: physicalReaderAttached(this.#eid, summary),
      ...(this.#lastSessionAt && { lastSessionAt: this.#lastSessionAt }),
      blockedNavigations: this.#blockedNavigations,
      ...(this.#browser && { browserPolicyEnforced: this.#browser.policyEnforced }),
      device: {
        kind: this.#devices?.printer || this.#devices?.scanner ? 'comfort' : 'basic',
        printer: ready(summary, 'printer'),
        scanner: ready(summary, 'scanner'),
        uptimeSeconds: Math.floor(uptime()),
      },
      ...(summary && { devices: summary }),
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

function ready(summary: DeviceSummary | undefined, kind: 'printer' | 'scanner'): boolean {
  return summary?.devices.some((d) => d.kind === kind && d.status === 'ok') ?? false;
}
