import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testVolume } from '../../../scripts/test-volume.js';
import { createLogger } from '@sidbox/runtime';
import { LocalTerminalConfig, type TerminalCredential } from '@sidbox/protocol';
import { sendControlRequest } from '../src/control/client.js';
import { createKioskBrowser } from '../src/daemon/create-browser.js';
import { TerminalDaemon } from '../src/daemon/terminal-daemon.js';
import { readCredentialFile } from '../src/hub-sync/credential-file.js';
import { backends, restartableHub } from './helpers/hub-sync.js';
import { attractReady } from './helpers/daemon-waits.js';
import {
  configApplied,
  eidOutcome,
  eidStepReached,
  kioskAction,
  kioskView,
  outboxDrained,
} from './helpers/hub-terminal.js';

// A real hub (each database backend) and a real terminal daemon in training mode, with the real
// headless Chromium kiosk browser and the training card.

/**
 * Citizens served while the hub is down, on each backend: 50 in `npm run test:long`, 10 in CI
 * (each session is a real browser and AusweisApp renewal, about 1.5 s; CI has 20 minutes).
 */
const offlineSessions = testVolume(50);

const localConfig = LocalTerminalConfig.parse({
  branding: { memberName: 'Lokale Konfiguration' },
  services: [
    {
      id: 'local-only',
      title: { de: 'Nur lokal' },
      description: { de: 'Aus der lokalen Datei' },
      startUrl: 'https://local.example/start',
    },
  ],
});

interface Statistics {
  sessions: number;
  pinChanges: number;
  eidOutcomes: { workflow: string; code: string; count: number }[];
}
interface SurveyResults {
  responses: number;
  statements: { id: string; counts: Record<string, number> }[];
}

let dir: string;
let daemon: TerminalDaemon | undefined;
let hub: Awaited<ReturnType<typeof restartableHub>> | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-e2e-'));
});

afterEach(async () => {
  await daemon?.stop();
  await hub?.dispose();
  daemon = undefined;
  hub = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Enrolls a training terminal through the admin API, with one national service selected. */
async function enroll(admin: Awaited<ReturnType<typeof restartableHub>>['admin']) {
  const { organisation } = await admin<{ organisation: { id: string } }>(
    'POST',
    '/api/admin/organisations',
    { slug: 'stadt-testhausen', name: 'Stadt Testhausen' },
  );
  await admin('POST', '/api/admin/services', {
    id: 'fuehrungszeugnis-test',
    title: { de: 'Führungszeugnis (Test)' },
    description: { de: 'Beantragen mit dem Online-Ausweis' },
    category: 'eid',
    startUrl: 'https://service.example/start',
    eid: true,
  });
  const { terminal, credential } = await admin<{
    terminal: { id: string };
    credential: TerminalCredential;
  }>('POST', '/api/admin/terminals', {
    organisationId: organisation.id,
    name: 'Fast Lane',
    training: true,
  });
  const file = join(dir, 'terminal.json');
  await writeFile(file, JSON.stringify(credential), { mode: 0o600 });
  return { terminalId: terminal.id, credentialFile: file };
}

describe.each(backends)('hub and terminal together (%s)', (backend) => {
  it('enrolls, applies the signed config, counts a Fast Lane session and survey, and delivers the offline sessions exactly once', async () => {
    hub = await restartableHub(backend);
    const { admin } = hub;
    const { terminalId, credentialFile } = await enroll(admin);
    const logger = createLogger('terminal', { level: 'warn' });
    const ctlSocketPath = join(dir, 'ctl.sock');
    const running = new TerminalDaemon({
      config: localConfig,
      training: true,
      ctlSocketPath,
      browser: createKioskBrowser({ headless: true, logger }),
      logger,
      hub: {
        credential: await readCredentialFile(credentialFile),
        stateDir: join(dir, 'state'),
        timing: { retry: { initialMs: 50, maxMs: 400 } },
      },
    });
    daemon = running;
    const applied = configApplied(running);
    await running.start();
    expect(await applied).toBe(1);
    const view = await kioskView(running);
    expect(view.services.map((s) => s.id)).toEqual(['fuehrungszeugnis-test']);
    expect(view.branding.memberName).toBe('Stadt Testhausen');

    // Fast Lane: PIN change on the training card, driven as the kiosk UI drives it.
    expect(await kioskAction(running, { type: 'start' })).toMatchObject({ ok: true });
    const inserting = eidStepReached(running, 'insert-card');
    expect(await kioskAction(running, { type: 'change-pin' })).toMatchObject({ ok: true });
    const reader = (await inserting).readers.find((r) => r.insertable);
    const pinAsked = eidStepReached(running, 'enter-pin');
    await kioskAction(running, { type: 'eid-insert-card', reader: reader?.name ?? '' });
    await pinAsked;
    const newPinAsked = eidStepReached(running, 'enter-new-pin');
    expect(await kioskAction(running, { type: 'eid-pin', value: '123456' })).toMatchObject({
      ok: true,
    });
    await newPinAsked;
    const outcome = eidOutcome(running);
    await kioskAction(running, { type: 'eid-new-pin', value: '246810' });
    expect(await outcome).toMatchObject({ workflow: 'change-pin', code: 'pin-changed' });

    const sync = running.hubSync;
    if (!sync) throw new Error('hub sync missing');
    const refused = await kioskAction(running, {
      type: 'survey',
      answers: { faster: 'maybe' as never },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.stringify(refused)).toContain('answers.faster');
    const answered = await kioskAction(running, {
      type: 'survey',
      answers: { informative: 'fully-agree', faster: 'agree' },
      comment: 'Sehr hilfreich',
    });
    expect(answered).toMatchObject({ ok: true });
    const ended = attractReady(running);
    await kioskAction(running, { type: 'end' });
    await ended;
    await outboxDrained(sync);

    const query = `training=true&terminalId=${terminalId}`;
    const { statistics } = await admin<{ statistics: Statistics }>(
      'GET',
      `/api/admin/statistics?${query}`,
    );
    expect(statistics.sessions).toBe(1);
    expect(statistics.pinChanges).toBe(1);
    expect(statistics.eidOutcomes).toContainEqual({
      workflow: 'change-pin',
      code: 'pin-changed',
      count: 1,
    });
    const { results } = await admin<{ results: SurveyResults }>(
      'GET',
      `/api/admin/surveys/results?${query}`,
    );
    expect(results.responses).toBe(1);
    expect(results.statements.find((s) => s.id === 'faster')?.counts['agree']).toBe(1);
    const { terminal } = await admin<{ terminal: { lastHeartbeat: Record<string, unknown> } }>(
      'GET',
      `/api/admin/terminals/${terminalId}`,
    );
    expect(terminal.lastHeartbeat).toMatchObject({
      softwareVersion: '0.1.0',
      readerAttached: false,
      browserPolicyEnforced: true,
    });

    // The hub goes away; citizens keep coming, through the control socket.
    await hub.stop();
    for (let i = 0; i < offlineSessions; i++) {
      const ready = attractReady(running);
      await sendControlRequest(ctlSocketPath, { cmd: 'session', action: 'start' });
      await sendControlRequest(ctlSocketPath, { cmd: 'session', action: 'end' });
      await ready;
    }
    expect(sync.status().pending).toBe(offlineSessions * 2);
    await hub.start();
    await outboxDrained(sync);
    const after = await admin<{ statistics: Statistics }>('GET', `/api/admin/statistics?${query}`);
    expect(after.statistics.sessions).toBe(1 + offlineSessions);
    expect(after.statistics.pinChanges).toBe(1);
  }, 180_000);
});
