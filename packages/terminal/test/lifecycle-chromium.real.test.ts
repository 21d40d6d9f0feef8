import { mkdtemp, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ControlRequest, TerminalStatus } from '@sidbox/protocol';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import { sendControlRequest } from '../src/control/client.js';
import { TerminalDaemon } from '../src/daemon/terminal-daemon.js';
import { kioskAction } from './helpers/hub-terminal.js';
import { serveSite, type TestSite } from './helpers/sites.js';
import { attractReady, browserGroups, reaches } from './helpers/daemon-waits.js';
import { survivors } from './helpers/processes.js';
import { oneServiceConfig, startRealDaemon } from './helpers/real-daemon.js';

// Issue 3's lifecycle acceptance with the REAL kiosk browser (Debian Chromium, headless) and
// the training card: one daemon for the file, driven through its control socket and the kiosk
// UI's own action endpoint, as hardware adapters and the citizen do.

let dir: string;
let service: TestSite;
let daemon: TerminalDaemon;
let browser: ChromiumKioskBrowser;
let pids: ReturnType<typeof browserGroups>;
/** The Cookie header of every request to the service's start page, in order. */
const cookiesSent: string[] = [];

function startPage(response: ServerResponse, cookie: string | undefined): void {
  cookiesSent.push(cookie ?? '');
  const tcTokenURL = encodeURIComponent(service.url('/tctoken'));
  response.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Set-Cookie': 'citizen=secret-of-the-last-person; Max-Age=3600; Path=/; HttpOnly',
  });
  response.end(
    '<!doctype html><meta charset="utf-8"><h1>Testdienst</h1>' +
      `<a id="eid" href="http://127.0.0.1:24727/eID-Client?tcTokenURL=${tcTokenURL}">Ausweis</a>`,
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-lifecycle-real-'));
  service = await serveSite({
    '/': (request, response) => startPage(response, request.headers.cookie),
    '/tctoken': (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      response.end(
        `<TCTokenType><ServerAddress>https://127.0.0.1:9/eid</ServerAddress>` +
          `<RefreshAddress>${service.url('/refresh')}</RefreshAddress>` +
          `<CommunicationErrorAddress>${service.url('/error')}</CommunicationErrorAddress>` +
          `</TCTokenType>`,
      );
    },
  });
  const config = oneServiceConfig(
    'Lifecycle',
    { startUrl: service.url('/'), eid: true },
    { session: { idleSeconds: 30, warningSeconds: 5, matGraceSeconds: 1 } },
  );
  ({ daemon, browser, pids } = await startRealDaemon(config, dir));
});

afterAll(async () => {
  await daemon?.stop();
  await service?.close();
  await rm(dir, { recursive: true, force: true });
  // No Chromium or AusweisApp of this suite survives.
  expect(await survivors(pids.groups())).toEqual([]);
});

beforeEach(async () => {
  await reaches(daemon, 'idle');
  await browser.whenPrepared();
});

describe('terminal lifecycle (real Chromium kiosk browser, training card)', () => {
  it('mat-off with grace → wipe; mat-on within the grace keeps the session', async () => {
    expect(await ctl({ cmd: 'input', input: 'mat-on' })).toMatchObject({ state: 'active' });
    const { sessionId } = daemon.status();
    await openServiceWithCookie();
    await ctl({ cmd: 'input', input: 'mat-off' });
    await ctl({ cmd: 'input', input: 'mat-on' });
    expect(daemon.status()).toMatchObject({ state: 'active', sessionId });

    const ready = attractReady(daemon);
    const left = Date.now();
    await ctl({ cmd: 'input', input: 'mat-off' });
    expect(await ready).toMatchObject({ reason: 'mat-left' });
    // The grace is 1 s: not before it.
    expect(Date.now() - left).toBeGreaterThanOrEqual(900);
    await expectWipedToAttract();
  });

  it('reset button → immediate wipe, with the running eID workflow cancelled', async () => {
    await ctl({ cmd: 'session', action: 'start' });
    await openServiceWithCookie();
    const atRights = eidStep('access-rights');
    const onEidScreen = navigatedTo((url) => url.startsWith(`${daemon.kioskOrigin}/eid`));
    // The citizen taps the service's "start with ID card" link.
    await browser.devtoolsPage().click('#eid');
    await Promise.all([atRights, onEidScreen]);
    expect(daemon.status()).toMatchObject({ eid: { workflow: 'auth', step: 'access-rights' } });

    const ready = attractReady(daemon);
    expect(await ctl({ cmd: 'input', input: 'reset-button' })).toMatchObject({ state: 'wiping' });
    expect(await ready).toMatchObject({ reason: 'reset-button' });
    expect(daemon.status()).toMatchObject({ eid: { workflow: null, step: null } });
    await expectWipedToAttract();
    // The cancelled workflow's addresses are never visited: the attract screen stays.
    expect(service.requests.filter((path) => /^\/(refresh|error)/.test(path))).toEqual([]);
  });

  it('idle → warning → wipe', async () => {
    // The schema's minimums (30 s idle + 5 s warning) would make this slow: the session
    // controller's own `setTimings` (how hub configurations apply) shortens them for the test.
    const restore = shortTimers();
    try {
      await ctl({ cmd: 'session', action: 'start' });
      await openServiceWithCookie();
      const warned = reaches(daemon, 'warning');
      const ready = attractReady(daemon);
      await warned;
      expect(daemon.status().state).toBe('warning');
      expect(await ready).toMatchObject({ reason: 'idle-timeout' });
      await expectWipedToAttract();
    } finally {
      restore();
    }
  });

  it('activity during the warning keeps the session', async () => {
    const restore = shortTimers();
    try {
      await ctl({ cmd: 'session', action: 'start' });
      const { sessionId } = daemon.status();
      await reaches(daemon, 'warning');
      const back = reaches(daemon, 'active');
      // "Ja, ich bin noch da": the kiosk UI's button posts an activity action.
      expect((await kioskAction(daemon, { type: 'activity' })).ok).toBe(true);
      await back;
      expect(daemon.status()).toMatchObject({ state: 'active', sessionId });
    } finally {
      restore();
    }
    const ready = attractReady(daemon);
    await ctl({ cmd: 'session', action: 'end' });
    await ready;
  });

  it('browser process killed (kill -9) → back to attract within 3 s, session wiped', async () => {
    await ctl({ cmd: 'session', action: 'start' });
    await openServiceWithCookie();
    const pid = browser.status().pid;
    expect(pid).not.toBeNull();
    const ready = attractReady(daemon);
    const killedAt = Date.now();
    process.kill(pid ?? 0, 'SIGKILL');
    expect(await ready).toMatchObject({ reason: 'browser-crash' });
    expect(Date.now() - killedAt).toBeLessThan(3_000);
    expect(browser.status().pid).not.toBe(pid);
    await expectWipedToAttract();
  });

  it('renderer crashed (CDP Page.crash) → back to attract within 3 s, session wiped', async () => {
    await ctl({ cmd: 'session', action: 'start' });
    await openServiceWithCookie();
    const ready = attractReady(daemon);
    const cdp = await browser.devtoolsPage().createCDPSession();
    const crashedAt = Date.now();
    void cdp.send('Page.crash').catch(() => undefined);
    expect(await ready).toMatchObject({ reason: 'browser-crash' });
    expect(Date.now() - crashedAt).toBeLessThan(3_000);
    await expectWipedToAttract();
  });
});

/** Shortens idle and warning to 1.5 s each; returns the undo. */
function shortTimers(): () => void {
  daemon.session.setTimings({ idleMs: 1_500, warningMs: 1_500, matGraceMs: 1_000 });
  return () => daemon.session.setTimings({ idleMs: 30_000, warningMs: 5_000, matGraceMs: 1_000 });
}

/** Opens the service through the control socket; its page sets a persistent cookie. */
async function openServiceWithCookie(): Promise<void> {
  await ctl({ cmd: 'open', serviceId: 'svc' });
  pids.track();
  expect(browser.currentUrl).toBe(service.url('/'));
  expect(await cookieInBrowser()).toBe(true);
}

/** The attract page in a fresh browser, the daemon idle, and the last person's cookie gone. */
async function expectWipedToAttract(): Promise<void> {
  expect(daemon.status()).toMatchObject({ state: 'idle', sessionId: null });
  expect(browser.currentUrl).toMatch(new RegExp(`^${daemon.kioskOrigin}/#k=`));
  pids.track();
  expect(await cookieInBrowser()).toBe(false);
  // Back at the service, the browser sends nothing of the last person.
  await ctl({ cmd: 'open', serviceId: 'svc' });
  expect(cookiesSent.at(-1)).toBe('');
  const ready = attractReady(daemon);
  await ctl({ cmd: 'session', action: 'end' });
  await ready;
}

async function cookieInBrowser(): Promise<boolean> {
  const cookies = await browser.devtoolsPage().browserContext().cookies();
  return cookies.some((cookie) => cookie.name === 'citizen');
}

async function ctl(request: ControlRequest): Promise<TerminalStatus> {
  const reply = await sendControlRequest(join(dir, 'ctl.sock'), request);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data as TerminalStatus;
}

function eidStep(name: string): Promise<void> {
  return new Promise((resolve) => {
    const off = daemon.eid.on('step', (step) => {
      if (step?.step !== name) return;
      off();
      resolve();
    });
  });
}

function navigatedTo(matches: (url: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    const off = browser.on('navigated', ({ url }) => {
      if (!matches(url)) return;
      off();
      resolve(url);
    });
  });
}
