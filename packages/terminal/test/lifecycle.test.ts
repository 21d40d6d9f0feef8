import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalTerminalConfig } from '@sidbox/protocol';
import { TerminalDaemon } from '../src/daemon/terminal-daemon.js';
import { FakeKioskBrowser } from './helpers/daemon-fake-browser.js';
import { attractReady, reaches } from './helpers/daemon-waits.js';

// Lifecycle against the FAKE KioskBrowser (the real one is the browser layer's); the eID side
// is the real training card.

const config = LocalTerminalConfig.parse({
  branding: { memberName: 'Test' },
  session: { idleSeconds: 30, warningSeconds: 5, matGraceSeconds: 1 },
  services: [
    {
      id: 'demo',
      title: { de: 'Demo' },
      description: { de: 'Demo' },
      startUrl: 'https://service.example/start',
      eid: true,
    },
  ],
});

let dir: string;
let browser: FakeKioskBrowser;
let daemon: TerminalDaemon;
let provider: Server;
let tcTokenURL: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-lifecycle-'));
  browser = new FakeKioskBrowser();
  provider = createServer((_request, response) => {
    response.setHeader('content-type', 'text/xml');
    response.end(
      '<TCTokenType><ServerAddress>https://eid.example</ServerAddress>' +
        '<RefreshAddress>https://service.example/refresh</RefreshAddress>' +
        '<CommunicationErrorAddress>https://service.example/error</CommunicationErrorAddress></TCTokenType>',
    );
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  const address = provider.address();
  tcTokenURL = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/tctoken`;
});

afterEach(async () => {
  await daemon?.stop();
  await new Promise((resolve) => provider.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

async function startDaemon(overrides: Partial<LocalTerminalConfig['session']> = {}) {
  daemon = new TerminalDaemon({
    config: { ...config, session: { ...config.session, ...overrides } },
    training: true,
    ctlSocketPath: join(dir, 'ctl.sock'),
    browser,
    kioskUiDir: dir,
    eidDeveloperMode: true,
  });
  await daemon.start();
}

/** Resolves when the daemon enters `state`; no sleeps. */
describe('terminal lifecycle (fake browser, training card)', () => {
  it('mat-off with grace → wipe; mat-on within grace keeps the session', async () => {
    await startDaemon();
    await daemon.handle({ cmd: 'input', input: 'mat-on' });
    expect(daemon.status().state).toBe('active');
    const sessionId = daemon.status().sessionId;
    await daemon.handle({ cmd: 'input', input: 'mat-off' });
    await daemon.handle({ cmd: 'input', input: 'mat-on' });
    expect(daemon.status()).toMatchObject({ state: 'active', sessionId });
    const ready = attractReady(daemon);
    await daemon.handle({ cmd: 'input', input: 'mat-off' });
    expect(await ready).toMatchObject({ reason: 'mat-left' });
    expect(daemon.status()).toMatchObject({ state: 'idle', sessionId: null });
    expect(browser.resets).toBe(1);
    expect(browser.currentUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=/);
  });

  it('reset button → immediate wipe with the running eID workflow cancelled', async () => {
    await startDaemon();
    await daemon.handle({ cmd: 'session', action: 'start' });
    const atRights = eidStep('access-rights');
    const answer = await browser.startEid(tcTokenURL);
    expect(answer).toMatchObject({ kind: 'kiosk-page' });
    expect(answer.url).toContain('/eid#k=');
    await atRights;
    const workflowBefore = daemon.status().eid.workflow;
    expect(workflowBefore).toBe('auth');
    const ready = attractReady(daemon);
    await daemon.handle({ cmd: 'input', input: 'reset-button' });
    expect(daemon.status().state).toBe('wiping');
    expect(await ready).toMatchObject({ reason: 'reset-button' });
    expect(daemon.status()).toMatchObject({ state: 'idle', eid: { workflow: null, step: null } });
    // The outcome's address is not visited after the wipe: the fresh attract screen stays.
    expect(browser.navigations.some((url) => url.includes('service.example/error'))).toBe(false);
  });

  it('eID with the training card ends on the refresh address', async () => {
    await startDaemon();
    await daemon.handle({ cmd: 'session', action: 'start' });
    const reader = 'SIDbox Training Reader';
    const answers: Record<string, object> = {
      'access-rights': { type: 'eid-accept' },
      'insert-card': { type: 'eid-insert-card', reader },
      'enter-pin': { type: 'eid-pin', value: '123456' },
    };
    const outcome = new Promise<string>((resolve) => {
      daemon.eid.on('step', (step) => {
        const answer = step && answers[step.step];
        if (answer) void postAction(answer);
        if (step?.step === 'done') resolve(step.outcome.code);
      });
    });
    const visited = new Promise<string>((resolve) => {
      const off = browser.on('navigated', ({ url }) => {
        if (!url.startsWith('https://service.example/')) return;
        off();
        resolve(url);
      });
    });
    await browser.startEid(tcTokenURL);
    expect(await outcome).toBe('auth-success');
    expect(await visited).toMatch(/^https:\/\/service\.example\/refresh/);
  });

  it('idle → warning → wipe, and activity during the warning keeps the session', async () => {
    await startDaemon({ idleSeconds: 30, warningSeconds: 5 });
    // Short timers through the machine's own timings would need 30 s; drive the timer events.
    await daemon.handle({ cmd: 'session', action: 'start' });
    daemon.session.dispatch({ type: 'timer', timer: 'idle' });
    expect(daemon.status().state).toBe('warning');
    await daemon.handle({ cmd: 'input', input: 'activity' });
    expect(daemon.status().state).toBe('active');
    daemon.session.dispatch({ type: 'timer', timer: 'idle' });
    const ready = attractReady(daemon);
    daemon.session.dispatch({ type: 'timer', timer: 'warning' });
    expect(await ready).toMatchObject({ reason: 'idle-timeout' });
  });

  it('browser crash → back to attract with the session wiped', async () => {
    await startDaemon();
    await daemon.handle({ cmd: 'session', action: 'start' });
    const ready = attractReady(daemon);
    browser.emit('crashed', { kind: 'renderer', detail: 'killed' });
    expect(await ready).toMatchObject({ reason: 'browser-crash' });
    await reaches(daemon, 'idle');
    expect(browser.resets).toBe(1);
  });
});

/** Resolves when the running eID workflow reaches `name`. */
function eidStep(name: string): Promise<void> {
  return new Promise((resolve) => {
    const off = daemon.eid.on('step', (step) => {
      if (step?.step === name) {
        off();
        resolve();
      }
    });
  });
}

/** Posts a kiosk UI action the way the kiosk page does. */
async function postAction(action: object): Promise<void> {
  const origin = daemon.kioskOrigin;
  const token = new URL(daemon.kioskUrl).hash.slice('#k='.length);
  await fetch(`${origin}/api/action`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'x-sidbox-token': token },
    body: JSON.stringify(action),
  });
}
