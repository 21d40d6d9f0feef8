import type { EidConnection, EidSource } from '@sidbox/eid';
import type { Logger } from '@sidbox/runtime';
import type { LocalTerminalConfig } from '@sidbox/protocol';
import type { KioskBrowser } from '../browser/kiosk-browser.js';
import type { HubConnectionOptions } from '../features/hub-link/hub-link.js';
import type { Speaker } from '../devices/speech/speaker.js';
import type { ShutdownLimits } from './lifecycle.js';
import type { DeviceEnvironment } from './terminal-devices.js';

/** What the terminal daemon is started with: the CLI's flags and the local configuration. */
export interface TerminalDaemonOptions {
  config: LocalTerminalConfig;
  /** The `--training` flag; the configuration can switch it on as well. */
  training?: boolean;
  ctlSocketPath: string;
  browser: KioskBrowser;
  logger?: Logger;
  /** Default: the training card ("normal" scenario) in training mode, else AusweisApp. */
  eidSource?: EidSource;
  openEid?: (source: EidSource, logger: Logger) => Promise<EidConnection>;
  kioskUiPort?: number;
  kioskUiDir?: string;
  /** How long "Karte nicht vergessen" stays up if the card is not taken. */
  cardReminderMs?: number;
  /** How long a wipe waits for a cancelled eID workflow's outcome. */
  eidCancelGraceMs?: number;
  /**
   * Tests against the real AusweisApp only: http refresh addresses, and its Simulator reader
   * offered as a card reader. Never in production.
   */
  eidDeveloperMode?: boolean;
  /** The enrolled hub; without it the terminal runs on its local configuration alone. */
  hub?: HubConnectionOptions;
  /** Where the device tools talk to (CUPS server, SANE config); system defaults when unset. */
  devices?: DeviceEnvironment;
  /** The read-aloud button's synthesizer; without one the kiosk shows no speaker button. */
  speaker?: Speaker;
  /** How often the phone check's state is asked for while it is on the screen (2 s). */
  phoneCheckPollMs?: number;
  /** How long stopping may take, per part and in all. */
  shutdown?: Partial<ShutdownLimits>;
  /** Where NOTIFY_SOCKET and WATCHDOG_USEC come from (systemd); the process environment. */
  notifyEnv?: Readonly<Record<string, string | undefined>>;
}
