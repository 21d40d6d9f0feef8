import { afterAll, beforeAll, expect, it } from 'vitest';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import type { EidStartRequest } from '../src/browser/kiosk-browser.js';
import { nextEvent } from './helpers/browser/events.js';
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
    rules: {
      kioskOrigins: [],
      services: [
        {
          id: 'svc',
          startUrl: service.url('/'),
          origins: [service.origin],
          allowDownloads: false,
          allowPrint: false,
        },
      ],
    },
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
