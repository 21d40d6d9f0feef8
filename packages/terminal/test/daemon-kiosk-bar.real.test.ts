import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '@sidbox/runtime';
import { TerminalStatus, type ControlRequest } from '@sidbox/protocol';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import { sendControlRequest } from '../src/control/client.js';
import { KioskTexts } from '../src/daemon/kiosk-texts.js';
import { TerminalDaemon } from '../src/daemon/terminal-daemon.js';
import { defaultKioskUiDir } from '../src/kiosk-ui-server/server.js';
import { nextEvent } from './helpers/browser/events.js';
import { attractReady, browserGroups, reaches } from './helpers/daemon-waits.js';
import { ownBrowserDirs, survivors } from './helpers/processes.js';
import { html, serveSite, type TestSite } from './helpers/sites.js';
import { oneServiceConfig, startRealDaemon } from './helpers/real-daemon.js';

// The kiosk bar on a third-party service page and the blocked-navigation counter, through the
// daemon with the REAL kiosk browser (Debian Chromium, headless) and the training card.

// The bar speaks the session's language: German (the first), from the kiosk UI's texts.
const de = KioskTexts.load(defaultKioskUiDir, silentLogger()).barTexts().de;
const HOME = `::-p-aria([name="${de?.home}"][role="button"])`;
const END = `::-p-aria([name="${de?.end}"][role="button"])`;

let dir: string;
let service: TestSite;
let foreign: TestSite;
let daemon: TerminalDaemon;
let browser: ChromiumKioskBrowser;
let pids: ReturnType<typeof browserGroups>;

const page = () => browser.devtoolsPage();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-kiosk-bar-real-'));
  foreign = await serveSite({ '/': html('<h1>foreign</h1>') });
  service = await serveSite({
    '/': html(`<h1>Testdienst</h1><a id=foreign href="${foreign.url('/')}">elsewhere</a>`),
  });
  const config = oneServiceConfig('Kiosk bar', { startUrl: service.url('/'), eid: false });
  ({ daemon, browser, pids } = await startRealDaemon(config, dir));
});

afterAll(async () => {
  pids.track();
  await daemon?.stop();
  await Promise.all([service?.close(), foreign?.close()]);
  await rm(dir, { recursive: true, force: true });
  expect(await survivors(pids.groups())).toEqual([]);
  expect(ownBrowserDirs()).toEqual([]);
});

beforeEach(async () => {
  await reaches(daemon, 'idle');
  await browser.whenPrepared();
});

describe('kiosk bar on a service page, through the daemon', () => {
  it('Home (a real click) shows the service list, and the session goes on', async () => {
    await ctl({ cmd: 'open', serviceId: 'svc' });
    const { sessionId } = daemon.status();
    const home = nextEvent(browser, 'navigated', ({ url }) => url.startsWith(daemon.kioskOrigin));
    await (await bar(HOME)).click();
    expect((await home).url).toMatch(new RegExp(`^${daemon.kioskOrigin}/#k=`));
    expect(await ctl({ cmd: 'status' })).toMatchObject({ state: 'active', sessionId });
    // The kiosk page renders its own bar: the service list is there, the injected bar is not.
    await page().waitForSelector('.tile', { timeout: 5000 });
    expect(
      await page().evaluate(() => document.documentElement.lastElementChild?.tagName.toLowerCase()),
    ).not.toMatch(/^sidbox-bar-/);
    await endSession();
  });

  it('End (a real click) ends the session explicitly, back to the attract screen', async () => {
    await ctl({ cmd: 'open', serviceId: 'svc' });
    const ended = new Promise<string>((resolve) => {
      const off = daemon.session.on('session-ended', ({ reason }) => {
        off();
        resolve(reason);
      });
    });
    const ready = attractReady(daemon);
    const box = await (await bar(END)).boundingBox();
    if (!box) throw new Error('End has no box');
    // The wipe may close the browser before Chromium acknowledges the button's release.
    const click = page()
      .mouse.click(box.x + box.width / 2, box.y + box.height / 2)
      .catch((error: unknown) => error);
    expect(await ended).toBe('explicit');
    const clicked = await click;
    if (clicked !== undefined) expect(String(clicked)).toMatch(/Target closed/);
    await ready;
    expect(await ctl({ cmd: 'status' })).toMatchObject({ state: 'idle', sessionId: null });
    pids.track();
  });
});

describe('blocked-navigation counter', () => {
  it('counts a foreign origin and a shortcut; the session stays on the service page', async () => {
    const before = (await ctl({ cmd: 'status' })).blockedNavigations;
    await ctl({ cmd: 'open', serviceId: 'svc' });
    const { sessionId } = daemon.status();

    const foreignBlocked = nextEvent(browser, 'blocked');
    await page().click('#foreign');
    expect(await foreignBlocked).toMatchObject({ reason: 'origin-not-allowed' });
    await page().waitForFunction(
      (url) => location.href === url,
      { timeout: 5000 },
      service.url('/'),
    );

    const shortcutBlocked = nextEvent(browser, 'blocked');
    await page().keyboard.down('Control');
    await page().keyboard.press('t');
    await page().keyboard.up('Control');
    expect(await shortcutBlocked).toMatchObject({ reason: 'shortcut' });

    const status = await ctl({ cmd: 'status' });
    expect(status).toMatchObject({ state: 'active', sessionId, url: service.url('/') });
    expect(status.blockedNavigations).toBe(before + 2);
    expect(foreign.requests).toEqual([]);
    await endSession();
  });
});

async function bar(selector: string) {
  const handle = await page().waitForSelector(selector, { timeout: 5000 });
  if (!handle) throw new Error(`no ${selector}`);
  return handle;
}

async function endSession(): Promise<void> {
  const ready = attractReady(daemon);
  await ctl({ cmd: 'session', action: 'end' });
  await ready;
  pids.track();
}

/** As `sidbox ctl … --json` sees it: parsed with the published status schema. */
async function ctl(request: ControlRequest): Promise<TerminalStatus> {
  const reply = await sendControlRequest(join(dir, 'ctl.sock'), request);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return TerminalStatus.parse(reply.data);
}
