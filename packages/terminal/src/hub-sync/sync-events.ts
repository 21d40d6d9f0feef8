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

/** Where hub sync reports a listener that threw (never fatal to sync). */
export interface WarnLogger {
  warn(object: object, message: string): void;
}
