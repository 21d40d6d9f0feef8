import type { TypedEvents } from '@sidbox/runtime';
import type { LocalTerminalConfig } from '@sidbox/protocol';
import type { SessionLook } from '../browser/kiosk-browser.js';

/** How a scan for a service's file field ended: pages handed over, a failure, or cancelled. */
export type ScanOutcome =
  { pages: number; files: string[] } | { error: string } | { cancelled: true };

/** What the daemon tells its users (CLI, tests, bench); a feature left out never sends its own. */
export interface TerminalDaemonEvents {
  /** A configuration from the hub replaced the local one (at an idle moment). */
  'config-applied': { version: number };
  /** A page from the kiosk bar went to the printer (job id), or could not (error code). */
  printed: { jobId: string; file: string } | { error: string };
  /** A scan was handed to a service's file input, could not be, or the citizen cancelled it. */
  scanned: ScanOutcome;
  /** "Karte nicht vergessen" appeared (true) or went away (false). */
  'card-reminder': { shown: boolean };
  /** The reset button was held long enough for the staff menu. */
  'staff-menu': Record<string, never>;
}

/** The daemon's one bus: its public events, and what its parts tell each other. */
export interface DaemonBusEvents extends TerminalDaemonEvents {
  /** The running configuration changed (a hub configuration, before the view is published). */
  'config-changed': LocalTerminalConfig;
  /** The citizen chose a language or text size (already set in the browser). */
  'look-changed': SessionLook;
  /** The citizen opened a service from the list (or a control request did). */
  'service-opened': { serviceId: string };
}

export type DaemonBus = Pick<TypedEvents<DaemonBusEvents>, 'on' | 'emit'>;
