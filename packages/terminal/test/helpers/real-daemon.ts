import { join } from 'node:path';
import { silentLogger } from '@sidbox/runtime';
import { LocalTerminalConfig } from '@sidbox/protocol';
import type { z } from 'zod';
import { ChromiumKioskBrowser } from '../../src/browser/chromium-kiosk-browser.js';
import { createKioskBrowser } from '../../src/daemon/create-browser.js';
import { TerminalDaemon, type TerminalDaemonOptions } from '../../src/daemon/terminal-daemon.js';
import { browserGroups } from './daemon-waits.js';

type ServiceInput = z.input<typeof LocalTerminalConfig>['services'] extends (infer S)[] | undefined
  ? S
  : never;

/**
 * The headless kiosk browser exactly as the daemon builds it, asserted to be the real one;
 * `trustedSpki` as `sidbox terminal` passes a configuration's `testEidServer` keys.
 */
export function realKioskBrowser(trustedSpki?: string[]): ChromiumKioskBrowser {
  const browser = createKioskBrowser({
    headless: true,
    logger: silentLogger(),
    ...(trustedSpki && { trustedSpki }),
  });
  if (!(browser instanceof ChromiumKioskBrowser)) throw new Error('not the real browser');
  return browser;
}

/** A terminal config with one test service `svc` at `startUrl`, plus whatever else is given. */
export function oneServiceConfig(
  memberName: string,
  service: Omit<ServiceInput, 'id' | 'title' | 'description'>,
  rest: Omit<z.input<typeof LocalTerminalConfig>, 'branding' | 'services'> = {},
): LocalTerminalConfig {
  return LocalTerminalConfig.parse({
    ...rest,
    branding: { memberName },
    services: [
      { id: 'svc', title: { de: 'Testdienst' }, description: { de: 'Testdienst' }, ...service },
    ],
  });
}

/**
 * A started daemon in training mode with the real headless kiosk browser, its control socket
 * in `dir`, and the process groups of every Chromium it runs (for the survivors check).
 */
export async function startRealDaemon(
  config: LocalTerminalConfig,
  dir: string,
  options: Partial<TerminalDaemonOptions> = {},
) {
  const browser = realKioskBrowser();
  const pids = browserGroups(browser);
  const daemon = new TerminalDaemon({
    config,
    training: true,
    ctlSocketPath: join(dir, 'ctl.sock'),
    browser,
    ...options,
  });
  await daemon.start();
  pids.track();
  return { daemon, browser, pids };
}
