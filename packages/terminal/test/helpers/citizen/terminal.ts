import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createLogger } from '@sidbox/runtime';
import type { LocalTerminalConfig } from '@sidbox/protocol';
import type { ChromiumKioskBrowser } from '../../../src/browser/chromium-kiosk-browser.js';
import type { HubConnectionOptions } from '../../../src/features/hub-link/hub-link.js';
import { TerminalDaemon } from '../../../src/daemon/terminal-daemon.js';
import type { DeviceEnvironment } from '../../../src/daemon/terminal-devices.js';
import { ownBrowserDirs, survivors } from '../processes.js';
import { realKioskBrowser } from '../real-daemon.js';
import { Citizen } from './citizen.js';
import { endSession } from './waits.js';

export interface CitizenTerminalOptions {
  config: LocalTerminalConfig;
  training: boolean;
  eidDeveloperMode?: boolean;
  hub?: (dir: string) => HubConnectionOptions;
  devices?: DeviceEnvironment;
  /** Collects every line the daemon logs (debug and up), to search for what must not be there. */
  logLines?: string[];
}

/** A real terminal for citizen walks: daemon, headless kiosk Chromium, the kiosk UI as built. */
export interface CitizenTerminal {
  daemon: TerminalDaemon;
  browser: ChromiumKioskBrowser;
  /** Stops everything; resolves with whatever Chromium, AusweisApp or profile survived. */
  stop(): Promise<string[]>;
}

/**
 * Starts the daemon with the real browser on the kiosk UI this test run built into a directory
 * of its own (scripts/test-global-setup.ts: other work in the checkout may rebuild
 * packages/kiosk-ui/dist at any moment).
 */
export async function startCitizenTerminal(
  options: CitizenTerminalOptions,
): Promise<CitizenTerminal> {
  const dir = await mkdtemp(join(tmpdir(), 'sidbox-citizen-'));
  const uiDir = inject('kioskUiDir');
  const browser = realKioskBrowser(options.config.testEidServer?.tlsSpkiSha256);
  const groups = new Set<number>();
  const track = (): void => {
    const pid = browser.status().pid;
    if (pid !== null) groups.add(pid);
  };
  const offReset = browser.on('reset', track);
  const daemon = new TerminalDaemon({
    config: options.config,
    training: options.training,
    ctlSocketPath: join(dir, 'ctl.sock'),
    browser,
    kioskUiDir: uiDir,
    ...(options.eidDeveloperMode !== undefined && { eidDeveloperMode: options.eidDeveloperMode }),
    ...(options.hub && { hub: options.hub(dir) }),
    ...(options.devices && { devices: options.devices }),
    // DBG=1 shows the daemon's log while a walk is being debugged.
    ...(process.env.DBG && { logger: createLogger('terminal') }),
    ...(options.logLines && {
      logger: createLogger('terminal', {
        level: 'debug',
        destination: { write: (line: string) => void options.logLines?.push(line) },
      }),
    }),
  });
  const removeDirs = () => rm(dir, { recursive: true, force: true });
  try {
    await daemon.start();
  } catch (error) {
    await removeDirs();
    throw error;
  }
  track();
  return {
    daemon,
    browser,
    async stop() {
      offReset();
      track();
      await daemon.stop();
      await removeDirs();
      return [...(await survivors([...groups])), ...ownBrowserDirs()];
    },
  };
}

/** The next citizen at the attract screen: any session left running ended, a fresh browser ready. */
export async function nextCitizen(terminal: CitizenTerminal): Promise<Citizen> {
  await endSession(terminal.daemon);
  await terminal.browser.whenPrepared();
  return new Citizen(terminal.browser);
}
