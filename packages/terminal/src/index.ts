export {};
export {
  HubSync,
  defaultHubSyncTiming,
  type HubSyncOptions,
  type HubSyncTiming,
  type HeartbeatFacts,
  type PullResult,
} from './hub-sync/hub-sync.js';
export type { HubSyncEvents } from './hub-sync/sync-events.js';
export { readCredentialFile } from './hub-sync/credential-file.js';
export type {
  KioskBrowser,
  KioskBrowserEvents,
  NavigationRules,
  EidStartAnswer,
  EidStartRequest,
} from './browser/kiosk-browser.js';
export { TerminalDaemon, type TerminalDaemonOptions } from './daemon/terminal-daemon.js';
export { createKioskBrowser } from './daemon/create-browser.js';
export { formatProblems, loadTerminalConfig, type ConfigProblem } from './config/load.js';
export * from './operator.js';
export { ControlError } from './control/reply.js';
export { SessionController, type SessionSnapshot } from './session/controller.js';
export { transition, initialFacts, type SessionEndReason } from './session/machine.js';
export { TransitionRunner, TransitionCancelledError } from './session/runner.js';
export * from './browser/kiosk-browser.js';
export {
  ChromiumKioskBrowser,
  NavigationBlockedError,
  type ChromiumKioskBrowserOptions,
  type KioskBrowserStatus,
} from './browser/chromium-kiosk-browser.js';
export { decideNavigation, type NavigationDecision } from './browser/decide-navigation.js';
export { buildLockdown, type ChromiumPolicy, type LockdownOptions } from './browser/lockdown.js';
export type { Speaker } from './devices/speech/speaker.js';
export { EspeakSpeaker } from './devices/speech/espeak-speaker.js';
