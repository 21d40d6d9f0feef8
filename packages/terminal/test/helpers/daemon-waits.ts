import type { SessionState } from '@sidbox/protocol';
import type { ChromiumKioskBrowser } from '../../src/browser/chromium-kiosk-browser.js';
import type { TerminalDaemon, TerminalDaemonEvents } from '../../src/daemon/terminal-daemon.js';

/** Resolves once the session is in `state` (at once if it is already). */
export function reaches(daemon: TerminalDaemon, state: SessionState): Promise<void> {
  return new Promise((resolve) => {
    if (daemon.status().state === state) return resolve();
    const off = daemon.session.on('changed', ({ phase }) => {
      if (phase !== state) return;
      off();
      resolve();
    });
  });
}

/** The next time the attract screen is ready after a wipe: why the session ended, how long. */
export function attractReady(daemon: TerminalDaemon): Promise<{ reason: string; wipeMs: number }> {
  return new Promise((resolve) => {
    const off = daemon.session.on('attract-ready', (event) => {
      off();
      resolve(event);
    });
  });
}

/** The next daemon event of a kind. */
export function nextDaemonEvent<K extends keyof TerminalDaemonEvents>(
  daemon: TerminalDaemon,
  event: K,
): Promise<TerminalDaemonEvents[K]> {
  return new Promise((resolve) => {
    const off = daemon.on(event, (payload) => {
      off();
      resolve(payload);
    });
  });
}

/**
 * The process groups of every Chromium a kiosk browser ran (a reset starts a new one), so a
 * suite can check at its end that none of them survived.
 */
export function browserGroups(browser: ChromiumKioskBrowser): {
  /** Notes the current Chromium (also done on every reset). */
  track(): void;
  groups(): number[];
} {
  const groups = new Set<number>();
  const track = (): void => {
    const pid = browser.status().pid;
    if (pid !== null) groups.add(pid);
  };
  browser.on('reset', track);
  return { track, groups: () => [...groups] };
}
