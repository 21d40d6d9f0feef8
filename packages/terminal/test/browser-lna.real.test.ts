import type { CDPSession, Protocol } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import type { BlockedNavigation, EidStartRequest } from '../src/browser/kiosk-browser.js';
import { nextEvent } from './helpers/browser/events.js';
import { NS_SIDE, startNetnsHost, type NetnsHost } from './helpers/netns-host.js';

/**
 * A service on a public-range address (TEST-NET-3) in a network namespace: for Chromium 156 the
 * page is in the `public` address space and the eID-Client on 127.0.0.1 is `loopback`, so its
 * local-network-access rules apply as at a real terminal. Needs root (`ip netns`).
 */
const ORIGIN = `http://${NS_SIDE}`;
const TC = 'https://eid.example/tcToken?session=lna';
const START = `http://127.0.0.1:24727/eID-Client?tcTokenURL=${encodeURIComponent(TC)}`;

let host: NetnsHost;
let browser: ChromiumKioskBrowser;
let network: CDPSession;
const starts: EidStartRequest[] = [];
const blocked: BlockedNavigation[] = [];
const failed: Protocol.Network.LoadingFailedEvent[] = [];
/** How Chromium classified the addresses it loaded from (`Public`, `Loopback`, …). */
const addressSpaces = new Set<string>();

const page = () => browser.devtoolsPage();

describe.skipIf(process.getuid?.() !== 0)('eID start from a public-address service', () => {
  beforeAll(async () => {
    host = await startNetnsHost({
      '/': `<!doctype html><h1>public service</h1>
        <a id=link href="${START}">start</a>
        <form id=form action="http://localhost:24727/eID-Client"><input name=tcTokenURL value="${TC}"></form>`,
      '/refresh': '<!doctype html><h1>done</h1>',
    });
    browser = new ChromiumKioskBrowser({
      rules: {
        kioskOrigins: [],
        services: [
          {
            id: 'public',
            startUrl: `${ORIGIN}/`,
            origins: [ORIGIN],
            allowDownloads: false,
            allowPrint: false,
          },
        ],
      },
      prepareNext: false,
    });
    browser.setEidStartHandler(async (request) => {
      starts.push(request);
      return { kind: 'redirect', url: `${ORIGIN}/refresh` };
    });
    browser.on('blocked', (event) => blocked.push(event));
    await browser.start(`${ORIGIN}/`);
    // A second observer on the page: a local-network-access refusal shows as a failed load.
    network = await page().createCDPSession();
    network.on('Network.loadingFailed', (event) => failed.push(event));
    network.on('Network.responseReceivedExtraInfo', (event) =>
      addressSpaces.add(event.resourceIPAddressSpace),
    );
    await network.send('Network.enable');
  });

  afterAll(async () => {
    await browser?.stop();
    await host?.close();
  });

  it.each([
    ['link', () => page().click('#link')],
    ['form', () => page().$eval('#form', (f) => (f as unknown as { submit(): void }).submit())],
    ['script (location)', () => page().evaluate((url) => void (location.href = url), START)],
    ['script (fetch)', () => page().evaluate((url) => void fetch(url), START)],
  ])('a start by %s is intercepted and ends on the refresh address', async (_how, attempt) => {
    if (page().url() !== `${ORIGIN}/`) await browser.navigate(`${ORIGIN}/`);
    starts.length = 0;
    const done = nextEvent(browser, 'navigated', (e) => e.url === `${ORIGIN}/refresh`);
    await attempt();
    await done;
    expect(starts).toEqual([{ tcTokenURL: TC, initiator: `${ORIGIN}/` }]);
  });

  it('answers a ?Status=json probe by fetch, readable by the page', async () => {
    await browser.navigate(`${ORIGIN}/`);
    // The rules under test apply: Chromium sees the service in the public address space.
    expect([...addressSpaces]).toContain('Public');
    const answer = await page().evaluate(async () => {
      const response = await fetch('http://127.0.0.1:24727/eID-Client?Status=json');
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    });
    expect(answer.status).toBe(200);
    expect(answer.body['Specification-Title']).toBe('TR-03124');
  });

  it('needed no permission: nothing failed, nothing blocked, no prompt was possible', () => {
    // --deny-permission-prompts turns any prompt into a refusal, which would fail a load above.
    expect(failed).toEqual([]);
    expect(blocked).toEqual([]);
    expect(host.requests.filter((path) => path.includes('tcToken'))).toEqual([]);
  });
});
