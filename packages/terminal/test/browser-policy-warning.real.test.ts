// Chromium without the daemon's managed policy still runs (the request interception guards it),
// but the operator is told: a warning in the log, and `policyEnforced: false` in the status.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '@sidbox/runtime';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import { oneServiceRules } from './helpers/browser/rules.js';
import { html, serveSite, type TestSite } from './helpers/sites.js';

let service: TestSite;

beforeAll(async () => {
  service = await serveSite({ '/': html('<h1>service</h1>') });
});

afterAll(() => service?.close());

async function startBrowser(enforcePolicy: boolean) {
  const lines: string[] = [];
  const browser = new ChromiumKioskBrowser({
    rules: oneServiceRules(service.url('/')),
    prepareNext: false,
    enforcePolicy,
    logger: createLogger('terminal', { destination: { write: (line) => lines.push(line) } }),
  });
  await browser.start(service.url('/'));
  const policyEnforced = browser.policyEnforced;
  await browser.stop();
  const warnings = lines
    .map((line) => JSON.parse(line) as { level: number; msg: string })
    .filter((entry) => entry.level === 40 && entry.msg.includes('without the managed policy'));
  return { policyEnforced, warnings };
}

it('with the policy in place: enforced, and no warning', async () => {
  const { policyEnforced, warnings } = await startBrowser(true);
  expect(policyEnforced).toBe(true);
  expect(warnings).toEqual([]);
});

it('without it: one warning that says what to do', async () => {
  const { policyEnforced, warnings } = await startBrowser(false);
  expect(policyEnforced).toBe(false);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]?.msg).toContain('/etc/chromium/policies/managed');
});
