import type { TerminalConfig } from '@sidbox/protocol';
import type { RejectionCode } from '@sidbox/signing';

/** What hub sync reports; the daemon applies `config` at its next idle moment. */
export interface HubSyncEvents {
  /** A newly verified configuration (never an unchanged or rejected one). */
  config: TerminalConfig;
  /** A configuration failed verification; the last good one stays. */
  'config-rejected': { code: RejectionCode };
  /** The hub acknowledged a batch (`stored` new, `duplicates` it had already). */
  delivered: { kind: 'telemetry' | 'survey'; stored: number; duplicates: number; pending: number };
  heartbeat: { configVersion: number };
  /** A call failed for now; it is retried. */
  unreachable: { call: string; reason: string };
  /** The hub refused this terminal for good; sync stops, the outbox is kept. */
  revoked: { call: string };
}

export interface WarnLogger {
  warn(object: object, message: string): void;
}

type Listener<K extends keyof HubSyncEvents> = (payload: HubSyncEvents[K]) => void;

/** Typed events; a listener that throws is logged, never fatal to sync. */
export class SyncEvents {
  private readonly listeners = new Map<keyof HubSyncEvents, Set<Listener<never>>>();

  constructor(private readonly logger: WarnLogger) {}

  /** Subscribes; returns the function that unsubscribes. */
  on<K extends keyof HubSyncEvents>(event: K, listener: Listener<K>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as Listener<never>);
    this.listeners.set(event, set);
    return () => set.delete(listener as Listener<never>);
  }

  emit<K extends keyof HubSyncEvents>(event: K, payload: HubSyncEvents[K]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as Listener<K>)(payload);
      } catch (error) {
        this.logger.warn({ err: error, event }, 'hub-sync listener failed');
      }
    }
  }
}
