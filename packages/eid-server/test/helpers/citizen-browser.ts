import type { Browser, ConsoleMessage, Page } from 'puppeteer-core';
import { launchTestChromium } from '../../../kiosk-ui/test/helpers/chromium.js';
import {
  watchPageProblems,
  type PageProblems,
} from '../../../kiosk-ui/test/helpers/page-problems.js';

/** The local eID-Client's address, where a page's start button leads. */
export const EID_CLIENT = 'http://127.0.0.1:24727/';

export interface CitizenBrowser<Server> {
  server: Server;
  browser: Browser;
  page: Page;
  /** Console errors, page errors and failed loads of the page (the activations excepted). */
  problems: PageProblems;
  /** The eID-Client activations the page asked for (answered 204, as if a client took it). */
  activations: string[];
}

/**
 * The eID-Server's citizen pages in Debian's Chromium as the kiosk browser shows them: the
 * server under test and Chromium started at once (to keep the suites fast), one page of 1280 px
 * whose eID-Client activations are recorded and answered 204. The server's certificate is
 * self-signed, so Chromium accepts certificate errors; it talks to nothing else.
 */
export async function startCitizenBrowser<Server extends { close(): Promise<void> }>(
  startServer: () => Promise<Server>,
  options: {
    viewportHeight: number;
    /** Console errors the suite expects and asserts otherwise. */
    ignoreConsole?: (message: ConsoleMessage, page: Page) => boolean;
  },
): Promise<CitizenBrowser<Server>> {
  const [server, browser] = await Promise.allSettled([
    startServer(),
    launchTestChromium({ acceptInsecureCerts: true }),
  ]);
  if (server.status === 'rejected' || browser.status === 'rejected') {
    await Promise.allSettled([
      server.status === 'fulfilled' && server.value.close(),
      browser.status === 'fulfilled' && browser.value.close(),
    ]);
    throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
  }
  const page = await browser.value.newPage();
  await page.setViewport({ width: 1280, height: options.viewportHeight });
  const { ignoreConsole } = options;
  const problems = watchPageProblems(page, {
    console: ignoreConsole && ((message) => ignoreConsole(message, page)),
    // A navigation answered 204 (the activation) ends as aborted; nothing else may fail.
    failed: (request) => request.url().startsWith(EID_CLIENT),
  });
  const activations: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (!request.url().startsWith(EID_CLIENT)) return void request.continue();
    activations.push(request.url());
    void request.respond({ status: 204 });
  });
  return { server: server.value, browser: browser.value, page, problems, activations };
}
