import type { Logger } from '@sidbox/runtime';
import type { KioskBarSettings } from '../kiosk-bar-config.js';

export interface InstanceSettings {
  chromiumPath: string;
  display: 'kiosk' | 'headless';
  printing: boolean;
  noSandbox: boolean;
  enforcePolicy: boolean;
  /** Test-only: `false` leaves request interception off so that the policy alone is seen. */
  interception: boolean;
  zoom: { min: number; max: number };
  deviceScaleFactor: number;
  notice: string;
  /** The kiosk bar on service pages; null leaves service pages without it. */
  kioskBar: KioskBarSettings | null;
  /** Size of the window in headless mode (on a display, kiosk mode fills the screen). */
  windowSize: { width: number; height: number };
  /** Self-signed TLS keys the browser accepts (a test eID-Server's), base64 SHA-256 of the SPKI. */
  trustedSpki: string[];
  logger: Logger;
}
