import type { KioskBarHandle } from '../page-contract.js';

// What the page scripts leave in the guard's isolated world, for the daemon's Runtime.evaluate.
declare global {
  /** The guard's notice, shown again with a daemon's text (printing, scanning …). */
  var __sidboxShowNotice: ((text?: string) => void) | undefined;
  var __sidboxBar: KioskBarHandle | undefined;
}
