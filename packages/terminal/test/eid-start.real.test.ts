import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@sidbox/runtime';
import type { EidStep, KioskActionInput } from '@sidbox/protocol';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import { TerminalDaemon } from '../src/daemon/terminal-daemon.js';
import { kioskAction } from './helpers/hub-terminal.js';
import { serveSite, type TestSite } from './helpers/sites.js';
import { survivors } from './helpers/processes.js';
import { oneServiceConfig, realKioskBrowser } from './helpers/real-daemon.js';

// Issue 3's eID start through the daemon with the REAL kiosk browser: a local service page
// starts the eID by link to http://127.0.0.1:24727/eID-Client?tcTokenURL=…; the citizen's
// steps are answered on the kiosk UI's action endpoint, as the kiosk UI does.

let dir: string;
let service: TestSite;
let tlsProvider: HttpsServer;
let tlsTcTokenURL: string;
let tlsTokenFetches = 0;
/** Process groups of every Chromium the terminals used. */
const browserGroups = new Set<number>();

/** A TC token whose eID server does not answer (nothing listens on port 9). */
function tcToken(): string {
  return (
    `<?xml version="1.0"?><TCTokenType><ServerAddress>https://127.0.0.1:9/eid</ServerAddress>` +
    `<SessionIdentifier>0123456789abcdef0123456789abcdef</SessionIdentifier>` +
    `<RefreshAddress>${service.url('/refresh?session=1')}</RefreshAddress>` +
    `<CommunicationErrorAddress>${service.url('/commerror')}</CommunicationErrorAddress>` +
    `<Binding>urn:liberty:paos:2006-08</Binding>` +
    `<PathSecurity-Protocol>urn:ietf:rfc:4279</PathSecurity-Protocol>` +
    `<PathSecurity-Parameters><PSK>${'cd'.repeat(32)}</PSK></PathSecurity-Parameters></TCTokenType>`
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-eid-start-real-'));
  service = await serveSite({
    '/': (request, response) => {
      const url = new URL(request.url ?? '/', service.origin);
      const tcTokenURL = url.searchParams.get('tc') ?? service.url('/tctoken');
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(
        '<!doctype html><meta charset="utf-8"><h1>Testdienst</h1><a id="eid" href="' +
          `http://127.0.0.1:24727/eID-Client?tcTokenURL=${encodeURIComponent(tcTokenURL)}` +
          '">Mit Ausweis anmelden</a>',
      );
    },
    '/tctoken': (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      response.end(tcToken());
    },
    '/refresh': (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><h1>Angemeldet</h1>');
    },
    '/commerror': (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><h1>Kommunikationsfehler</h1>');
    },
  });
  // The TC token over https with a self-signed certificate: production AusweisApp (no
  // developerMode) refuses it, as it refuses any provider it cannot trust.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ].concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
    { stdio: 'ignore' },
  );
  const [key, cert] = await Promise.all([
    readFile(join(dir, 'key.pem')),
    readFile(join(dir, 'cert.pem')),
  ]);
  tlsProvider = createHttpsServer({ key, cert }, (_request, response) => {
    tlsTokenFetches++;
    response.writeHead(200, { 'Content-Type': 'text/xml' });
    response.end(tcToken());
  });
  await new Promise<void>((resolve) => tlsProvider.listen(0, '127.0.0.1', resolve));
  tlsTcTokenURL = `https://127.0.0.1:${(tlsProvider.address() as AddressInfo).port}/tctoken`;
});

afterAll(async () => {
  tlsProvider?.closeAllConnections();
  await new Promise((resolve) => tlsProvider?.close(resolve));
  await service?.close();
  await rm(dir, { recursive: true, force: true });
  // Every terminal is stopped by now: no Chromium or AusweisApp of this file survives.
  expect(await survivors([...browserGroups])).toEqual([]);
});

interface RealTerminal {
  daemon: TerminalDaemon;
  browser: ChromiumKioskBrowser;
  stop(): Promise<void>;
}

async function startTerminal(name: string, training: boolean, developerMode?: boolean) {
  const kioskBrowser = realKioskBrowser();
  const daemon = new TerminalDaemon({
    config: oneServiceConfig('eID start', { startUrl: service.url('/'), eid: true }),
    training,
    ctlSocketPath: join(dir, `${name}.sock`),
    browser: kioskBrowser,
    ...(developerMode !== undefined && { eidDeveloperMode: developerMode }),
    logger: process.env.DBG ? createLogger('terminal') : undefined,
  });
  await daemon.start();
  const trackPid = (): void => {
    const pid = kioskBrowser.status().pid;
    if (pid !== null) browserGroups.add(pid);
  };
  trackPid();
  const off = kioskBrowser.on('reset', trackPid);
  return {
    daemon,
    browser: kioskBrowser,
    async stop() {
      off();
      trackPid();
      await daemon.stop();
    },
  } satisfies RealTerminal;
}

describe('eID start through the daemon, training card', () => {
  let terminal: RealTerminal;
  beforeAll(async () => {
    terminal = await startTerminal('training', true);
  });
  afterAll(() => terminal?.stop());

  it('answers ?Status and ?Status=json probes from a service page like an eID-Client', async () => {
    const { daemon, browser } = terminal;
    await daemon.handle({ cmd: 'open', serviceId: 'svc' });
    const page = browser.devtoolsPage();
    const json = await page.evaluate(async () => {
      const response = await fetch('http://127.0.0.1:24727/eID-Client?Status=json');
      return { status: response.status, body: (await response.json()) as unknown };
    });
    expect(json).toMatchObject({
      status: 200,
      body: { 'Specification-Title': 'TR-03124', 'Specification-Version': '1.3' },
    });
    const text = await page.evaluate(async () => {
      const response = await fetch('http://127.0.0.1:24727/eID-Client?Status', { mode: 'no-cors' });
      return response.type;
    });
    // Answered (a refused request would reject the fetch); without CORS headers the
    // plain-text answer is opaque to the page, as AusweisApp's is.
    expect(text).toBe('opaque');
  });

  it('consent and PIN 123456 on the kiosk screens → the refresh address with ResultMajor=ok', async () => {
    const { daemon, browser } = terminal;
    await daemon.handle({ cmd: 'open', serviceId: 'svc' });
    const steps = answerSteps(daemon, (step) => {
      if (step.step === 'access-rights') return { type: 'eid-accept' };
      if (step.step === 'insert-card') {
        const reader = step.readers.find((candidate) => candidate.insertable);
        return reader && { type: 'eid-insert-card', reader: reader.name };
      }
      if (step.step === 'enter-pin') return { type: 'eid-pin', value: '123456' };
      return undefined;
    });
    const refreshed = navigatedTo(browser, (url) => url.startsWith(service.url('/refresh')));
    await browser.devtoolsPage().click('#eid');
    const url = new URL(await refreshed);
    steps.stop();
    expect(steps.seen).toEqual(expect.arrayContaining(['access-rights', 'enter-pin']));
    expect(url.searchParams.get('session')).toBe('1');
    expect(url.searchParams.get('ResultMajor')).toBe('ok');
    expect(browser.currentUrl).toBe(url.href);
    expect(service.requests).toContain(`${url.pathname}${url.search}`);
    expect(daemon.status()).toMatchObject({ state: 'active', eid: { workflow: null } });
  });
});

describe('eID start through the daemon, real AusweisApp (Simulator reader)', () => {
  let production: RealTerminal;
  beforeAll(async () => {
    production = await startTerminal('ausweisapp', false);
  });
  afterAll(() => production?.stop());

  it('eID server unreachable (test-only developerMode for the http TC token) → the address AusweisApp names', async () => {
    const terminal = await startTerminal('ausweisapp-dev', false, true);
    try {
      const { daemon, browser } = terminal;
      expect(daemon.status().training).toBe(false);
      await daemon.handle({ cmd: 'open', serviceId: 'svc' });
      const steps = answerSteps(daemon, keypadCitizen);
      const outcome = nextOutcome(daemon);
      const landed = navigatedTo(browser, (url) => url.startsWith(service.origin + '/'));
      await browser.devtoolsPage().click('#eid');
      expect(await outcome).toMatchObject({ code: 'provider-unreachable', ok: false });
      const url = new URL(await landed);
      steps.stop();
      // Observed with AusweisApp 1.26.2 in developerMode: the TC token's RefreshAddress as it
      // stands (no result parameters), not its CommunicationErrorAddress.
      expect(url.href).toBe(service.url('/refresh?session=1'));
      expect(browser.currentUrl).toBe(url.href);
      expect(service.requests.some((path) => path.startsWith('/commerror'))).toBe(false);
    } finally {
      await terminal.stop();
    }
  });

  it('TC token over https (self-signed), eID server unreachable, production settings → the address AusweisApp names', async () => {
    const { daemon, browser } = production;
    await daemon.handle({ cmd: 'open', serviceId: 'svc' });
    await browser.navigate(service.url(`/?tc=${encodeURIComponent(tlsTcTokenURL)}`));
    const steps = answerSteps(daemon, keypadCitizen);
    const outcome = nextOutcome(daemon);
    const landed = navigatedTo(browser, (url) => url.startsWith(service.origin + '/commerror'));
    const fetchedBefore = tlsTokenFetches;
    const requestsBefore = service.requests.length;
    await browser.devtoolsPage().click('#eid');
    expect(await outcome).toMatchObject({ code: 'provider-unreachable', ok: false });
    // Observed with AusweisApp 1.26.2 without developerMode: it fetches the https TC token
    // (our self-signed certificate notwithstanding) and, the eID server being unreachable,
    // names the CommunicationErrorAddress, as it stands, without result parameters.
    expect(await landed).toBe(service.url('/commerror'));
    steps.stop();
    expect(tlsTokenFetches).toBeGreaterThan(fetchedBefore);
    expect(browser.currentUrl).toBe(service.url('/commerror'));
    const visited = service.requests.slice(requestsBefore);
    expect(visited.some((path) => path.startsWith('/refresh'))).toBe(false);
  });

  it('TC token URL unreachable → no address from AusweisApp → the kiosk error page', async () => {
    const { daemon, browser } = production;
    await daemon.handle({ cmd: 'open', serviceId: 'svc' });
    await browser.navigate(
      service.url(`/?tc=${encodeURIComponent('https://127.0.0.1:1/tctoken')}`),
    );
    const outcome = nextOutcome(daemon);
    const errorPage = navigatedTo(browser, (url) => url.startsWith(`${daemon.kioskOrigin}/error`));
    await browser.devtoolsPage().click('#eid');
    expect(await outcome).toMatchObject({ code: 'provider-unreachable', ok: false });
    expect(await errorPage).toMatch(/\/error\?code=provider-unreachable#k=/);
    expect(daemon.status()).toMatchObject({ state: 'active', eid: { workflow: null } });
  });
});

/** A citizen at the Simulator's keypad: card inserted and PIN typed on the reader, no values. */
function keypadCitizen(step: EidStep): KioskActionInput | undefined {
  if (step.step === 'access-rights') return { type: 'eid-accept' };
  if (step.step === 'insert-card') return { type: 'eid-insert-card', reader: 'Simulator' };
  if (step.step === 'enter-pin') return { type: 'eid-pin' };
  return undefined;
}

/** Answers each eID step on the kiosk UI's action endpoint; records the steps seen. */
function answerSteps(
  daemon: TerminalDaemon,
  answer: (step: EidStep) => KioskActionInput | undefined,
): { seen: string[]; stop: () => void } {
  const seen: string[] = [];
  const off = daemon.eid.on('step', (step) => {
    if (!step) return;
    seen.push(step.step);
    const action = answer(step);
    if (action) void kioskAction(daemon, action);
  });
  return { seen, stop: off };
}

function nextOutcome(daemon: TerminalDaemon) {
  return new Promise<{ code: string; ok: boolean }>((resolve) => {
    const off = daemon.eid.on('outcome', (outcome) => {
      off();
      resolve(outcome);
    });
  });
}

function navigatedTo(browser: ChromiumKioskBrowser, matches: (url: string) => boolean) {
  return new Promise<string>((resolve) => {
    const off = browser.on('navigated', ({ url }) => {
      if (!matches(url)) return;
      off();
      resolve(url);
    });
  });
}
