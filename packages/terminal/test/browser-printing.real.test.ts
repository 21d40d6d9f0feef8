import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import type { NavigationRules } from '../src/browser/kiosk-browser.js';
import { oneServiceRules } from './helpers/browser/rules.js';
import { ownBrowserDirs, survivors } from './helpers/processes.js';
import { html, serveSite, type TestSite } from './helpers/sites.js';
import { realKioskBrowser } from './helpers/real-daemon.js';

// Printing follows the rules the daemon gives with `setRules` (the daemon's browser is built
// with empty rules): seen in the managed policy each Chromium is launched with.

let service: TestSite;
let browser: ChromiumKioskBrowser;
const groups = new Set<number>();

function rules(allowPrint: boolean): NavigationRules {
  return oneServiceRules(service.url('/'), { allowPrint });
}

/** The policy file of the browser in use: <instance>/policies/managed/sidbox.json. */
async function policyInUse(): Promise<Record<string, unknown>> {
  const profile = browser.profileDir;
  if (!profile) throw new Error('no browser in use');
  const file = join(dirname(profile), 'policies', 'managed', 'sidbox.json');
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
}

beforeAll(async () => {
  service = await serveSite({ '/': html('<h1>service</h1>') });
  browser = realKioskBrowser();
});

afterAll(async () => {
  await browser?.stop();
  await service?.close();
  expect(await survivors([...groups])).toEqual([]);
  expect(ownBrowserDirs()).toEqual([]);
});

it('a service with allowPrint turns printing on; rules without it turn it off from the next session', async () => {
  // As the daemon does: rules first, then start.
  browser.setRules(rules(true));
  await browser.start(service.url('/'));
  groups.add(browser.status().pid ?? 0);
  expect(await policyInUse()).toMatchObject({ PrintingEnabled: true });

  // New rules: the browser in use keeps its policy; the next one (after a reset) follows them.
  browser.setRules(rules(false));
  expect(await policyInUse()).toMatchObject({ PrintingEnabled: true });
  expect(await browser.whenPrepared()).toBe(true);
  await browser.reset(service.url('/'));
  groups.add(browser.status().pid ?? 0);
  expect(await policyInUse()).toMatchObject({ PrintingEnabled: false });
});
