import { afterAll, beforeAll, expect, it } from 'vitest';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import { nextEvent } from './helpers/browser/events.js';
import { oneServiceRules } from './helpers/browser/rules.js';
import { html, serveSite, type TestSite } from './helpers/sites.js';

let service: TestSite;
let browser: ChromiumKioskBrowser;

beforeAll(async () => {
  service = await serveSite({ '/': html('<h1>service</h1>') });
  browser = new ChromiumKioskBrowser({
    rules: oneServiceRules(service.url('/')),
  });
  await browser.start(service.url('/'));
});

afterAll(async () => {
  await browser?.stop();
  await service?.close();
});

it('reports a renderer crash (CDP Page.crash), and a reset recovers', async () => {
  const crashed = nextEvent(browser, 'crashed');
  const session = await browser.devtoolsPage().createCDPSession();
  void session.send('Page.crash').catch(() => undefined);
  expect((await crashed).kind).toBe('renderer');
  await browser.reset(service.url('/'));
  expect(browser.currentUrl).toBe(service.url('/'));
});

it('reports a killed browser process (kill -9), and a reset recovers', async () => {
  const crashed = nextEvent(browser, 'crashed');
  process.kill(browser.status().pid ?? 0, 'SIGKILL');
  expect((await crashed).kind).toBe('browser');
  await browser.reset(service.url('/'));
  expect(browser.currentUrl).toBe(service.url('/'));
});
