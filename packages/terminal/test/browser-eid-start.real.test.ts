import type { Protocol } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import type { EidStartRequest } from '../src/browser/kiosk-browser.js';
import { nextEvent } from './helpers/browser/events.js';
import { oneServiceRules } from './helpers/browser/rules.js';
import { html, serveSite, type TestSite } from './helpers/sites.js';

const TC = 'https://eid.example/tcToken?session=42';
const START = `http://127.0.0.1:24727/eID-Client?tcTokenURL=${encodeURIComponent(TC)}`;
let service: TestSite;
let browser: ChromiumKioskBrowser;
const starts: EidStartRequest[] = [];

beforeAll(async () => {
  service = await serveSite({
    '/': html(`<a id=link href="${START}">start</a>
      <a id=redirect href="/redirect">via redirect</a>
      <form id=form action="http://localhost:24727/eid-client"><input name=tcTokenURL value="${TC}"></form>`),
    '/redirect': (_q, res) => {
      res.writeHead(302, { Location: START });
      res.end();
    },
    '/refresh': html('<h1>done</h1>'),
  });
  browser = new ChromiumKioskBrowser({
    rules: oneServiceRules(service.url('/')),
    prepareNext: false,
  });
  browser.setEidStartHandler(async (request) => {
    starts.push(request);
    return { kind: 'redirect', url: service.url('/refresh') };
  });
  await browser.start(service.url('/'));
});

afterAll(async () => {
  await browser?.stop();
  await service?.close();
});

const page = () => browser.devtoolsPage();

it.each([
  ['link', () => page().click('#link')],
  ['redirect', () => page().click('#redirect')],
  ['form', () => page().$eval('#form', (f) => (f as unknown as { submit(): void }).submit())],
  ['location', () => page().evaluate((url) => void (location.href = url), START)],
  ['fetch', () => page().evaluate((url) => void fetch(url), START)],
])(
  'a start by %s is answered and the browser ends on the refresh address',
  async (_how, attempt) => {
    await browser.navigate(service.url('/'));
    starts.length = 0;
    const done = nextEvent(browser, 'navigated', (e) => e.url === service.url('/refresh'));
    await attempt();
    await done;
    expect(starts).toEqual([{ tcTokenURL: TC, initiator: service.url('/') }]);
    expect(service.requests.filter((r) => r.includes('tcToken'))).toEqual([]);
  },
);

describe('?Status probes by fetch from a service page, answered like AusweisApp 1.26.2', () => {
  const STATUS = 'http://127.0.0.1:24727/eID-Client?Status';

  it('?Status=json: JSON with Access-Control-Allow-Origin *, readable by the page', async () => {
    await browser.navigate(service.url('/'));
    const answer = await page().evaluate(async (url) => {
      const response = await fetch(url);
      // Readable across origins at all only thanks to Access-Control-Allow-Origin.
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    }, `${STATUS}=json`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      'Specification-Title': 'TR-03124',
      'Specification-Version': '1.3',
    });
  });

  it('?Status opened as a page shows the answer, as AusweisApp does, and stays', async () => {
    await browser.navigate(service.url('/'));
    // \`navigated\` is only reported for a page the browser keeps (not for one it sends back).
    const shown = nextEvent(browser, 'navigated', (e) => e.url === STATUS);
    await page().goto(STATUS);
    await shown;
    expect(browser.currentUrl).toBe(STATUS);
    expect(page().url()).toBe(STATUS);
    expect(await page().evaluate(() => document.body.innerText)).toMatch(/TR-03124/);
    // Back to the service from there as from any page.
    await browser.navigate(service.url('/'));
    expect(browser.currentUrl).toBe(service.url('/'));
  });

  it('?Status: plain text without a CORS header, so a page gets only an opaque answer', async () => {
    await browser.navigate(service.url('/'));
    const cdp = await page().createCDPSession();
    await cdp.send('Network.enable');
    const received = new Promise<Protocol.Network.ResponseReceivedEvent>((resolve) =>
      cdp.on('Network.responseReceived', (event) => {
        if (event.response.url === STATUS) resolve(event);
      }),
    );
    // A cross-origin read fails ("Failed to fetch") exactly as against AusweisApp; no-cors works.
    const type = await page().evaluate(
      async (url) => (await fetch(url, { mode: 'no-cors' })).type,
      STATUS,
    );
    const { response } = await received;
    await cdp.detach();
    expect(type).toBe('opaque');
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toMatch(/^text\/plain/);
    expect(response.headers['Access-Control-Allow-Origin']).toBeUndefined();
  });
});
