import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalTerminalConfig } from '@sidbox/protocol';
import { TerminalDaemon } from '../src/daemon/terminal-daemon.js';
import { FakeKioskBrowser } from './helpers/daemon-fake-browser.js';
import { backends, enrollTerminal, restartableHub } from './helpers/hub-sync.js';
import { attractReady } from './helpers/daemon-waits.js';
import { configApplied, kioskAction, outboxDrained } from './helpers/hub-terminal.js';

// Configuration timing and the survey seam against a real hub, with the FAKE KioskBrowser (the
// browser plays no part here) and the training card.

const localConfig = LocalTerminalConfig.parse({
  branding: { memberName: 'Lokal' },
  session: { idleSeconds: 600 },
  services: [
    {
      id: 'local-only',
      title: { de: 'Nur lokal' },
      description: { de: 'Lokal' },
      startUrl: 'https://local.example/start',
    },
  ],
});

let dir: string;
let daemon: TerminalDaemon | undefined;
let hub: Awaited<ReturnType<typeof restartableHub>> | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-hub-terminal-'));
});

afterEach(async () => {
  await daemon?.stop();
  await hub?.dispose();
  daemon = undefined;
  hub = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function startEnrolled(backend: (typeof backends)[number]) {
  hub = await restartableHub(backend);
  const enrolled = await enrollTerminal(hub.admin);
  const browser = new FakeKioskBrowser();
  const running = new TerminalDaemon({
    config: localConfig,
    training: true,
    ctlSocketPath: join(dir, 'ctl.sock'),
    browser,
    kioskUiDir: dir,
    hub: { credential: enrolled.credential, stateDir: join(dir, 'state') },
  });
  daemon = running;
  const applied = configApplied(running);
  await running.start();
  await applied;
  return { running, browser, ...enrolled, admin: hub.admin };
}

describe.each(backends)('terminal with its hub: config timing (%s)', (backend) => {
  it('applies a new hub configuration only once the session has ended', async () => {
    const { running, browser, terminalId, admin } = await startEnrolled(backend);
    expect(running.config.services).toEqual([]);
    expect(running.config.branding.memberName).toBe('Stadt Testhausen');

    await kioskAction(running, { type: 'start' });
    await admin('PATCH', `/api/admin/terminals/${terminalId}`, { languages: ['de', 'en', 'tr'] });
    expect(await running.hubSync?.pullConfig()).toBe('changed');
    expect(running.config.languages).toEqual(['de', 'en']);

    const applied = configApplied(running);
    const ended = attractReady(running);
    await kioskAction(running, { type: 'end' });
    expect(await applied).toBe(2);
    await ended;
    expect(running.config.languages).toEqual(['de', 'en', 'tr']);
    expect(running.config.session.idleSeconds).toBe(180);
    expect(browser.rules?.services).toEqual([]);
  });
});

describe.each(backends)('terminal with its hub (%s)', (backend) => {
  it('queues a valid survey, refuses a bad answer with a clear error and queues nothing', async () => {
    const { running } = await startEnrolled(backend);
    const sync = running.hubSync;
    if (!sync) throw new Error('hub sync missing');
    await outboxDrained(sync);
    const before = sync.status().pending;

    const refused = await kioskAction(running, {
      type: 'survey',
      answers: { 'security-concerns': 'sometimes' as never },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.stringify(refused)).toContain('answers.security-concerns');
    const unknownStatement = await kioskAction(running, {
      type: 'survey',
      answers: { name: 'agree' } as never,
    });
    expect(unknownStatement).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(sync.status().pending).toBe(before);

    const delivered = new Promise<string>((resolve) => {
      const off = sync.on('delivered', ({ kind }) => {
        if (kind === 'survey') {
          off();
          resolve(kind);
        }
      });
    });
    const answered = await kioskAction(running, {
      type: 'survey',
      answers: { 'permanent-terminal': 'fully-agree' },
    });
    expect(answered).toEqual({ ok: true, data: null });
    expect(await delivered).toBe('survey');
  });
});
