import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trainingScenarios } from '@sidbox/eid';
import { silentLogger, type Logger } from '@sidbox/runtime';
import { LocalTerminalConfig, type KioskView } from '@sidbox/protocol';
import type { ScanPanelCommand, ScanPanelView } from '../src/browser/kiosk-browser.js';
import type { Speaker } from '../src/devices/speech/speaker.js';
import { KioskTexts } from '../src/daemon/kiosk-texts.js';
import { TerminalDaemon } from '../src/daemon/terminal-daemon.js';
import { defaultKioskUiDir } from '../src/kiosk-ui-server/server.js';
import { captureLogs } from '../../eid/test/helpers/log-capture.js';
import { FakeKioskBrowser } from './helpers/daemon-fake-browser.js';
import { nextDaemonEvent } from './helpers/daemon-waits.js';
import { KioskClient } from './helpers/kiosk-client.js';

/** The texts the daemon shows, from the kiosk UI catalogue's build. */
const kioskTexts = KioskTexts.load(defaultKioskUiDir, silentLogger());

// The daemon's side of the citizen UI against the FAKE KioskBrowser (the browser's own tests
// cover the page side) and the real training card: views come from the kiosk UI server's event
// stream and actions go to its endpoint, as the kiosk page sends them.

const START_URL = 'https://service.example/start';

const config = LocalTerminalConfig.parse({
  branding: { memberName: 'Test' },
  languages: ['de', 'en', 'tr'],
  session: { idleSeconds: 60, warningSeconds: 5, matGraceSeconds: 1 },
  apps: [
    { id: 'city-app', title: { de: 'Stadt-App', en: 'City app' }, url: 'https://app.example/' },
  ],
  services: [
    {
      id: 'demo',
      title: { de: 'Demo' },
      description: { de: 'Demo' },
      startUrl: START_URL,
      eid: true,
      allowUpload: true,
    },
  ],
});

/**
 * FAKE Speaker: the espeak-ng adapter is tested on its own (devices/speech); here only what
 * the daemon asks of a speaker counts. Records every call in order.
 */
class RecordingSpeaker implements Speaker {
  readonly calls: string[] = [];
  constructor(private readonly works = true) {}
  async available(): Promise<boolean> {
    return this.works;
  }
  async speak(text: string, language: string): Promise<void> {
    this.calls.push(`speak ${language}: ${text}`);
  }
  stop(): void {
    this.calls.push('stop');
  }
}

let dir: string;
let browser: FakeKioskBrowser;
let daemon: TerminalDaemon;
let kiosk: KioskClient;
let provider: Server | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-citizen-ui-'));
  browser = new FakeKioskBrowser();
});

afterEach(async () => {
  kiosk?.close();
  await daemon?.stop();
  if (provider) await new Promise((resolve) => provider?.close(resolve));
  provider = undefined;
  await rm(dir, { recursive: true, force: true });
});

interface StartOptions {
  speaker?: Speaker;
  logger?: Logger;
  devices?: LocalTerminalConfig['devices'];
  saneConfigDir?: string;
}

async function start({ devices, saneConfigDir, ...options }: StartOptions = {}): Promise<void> {
  daemon = new TerminalDaemon({
    config: { ...config, devices },
    training: true,
    ctlSocketPath: join(dir, 'ctl.sock'),
    browser,
    eidDeveloperMode: true,
    devices: { ...(saneConfigDir && { saneConfigDir }) },
    ...options,
  });
  await daemon.start();
  kiosk = await KioskClient.connect(daemon);
}

function until(check: (view: KioskView) => boolean): Promise<KioskView> {
  return kiosk.until(check);
}

describe('session look: language and text size', () => {
  it('start with the first language at 100 %, follow the citizen, reach service pages, reset at the end', async () => {
    await start();
    expect(kiosk.latest).toMatchObject({ state: 'idle', language: 'de', textScale: 1 });

    // Choosing a language on the attract screen is being there: a session starts.
    expect(await kiosk.act({ type: 'language', language: 'en' })).toEqual({ ok: true, data: null });
    await until((view) => view.state === 'active' && view.language === 'en');
    expect(browser.look).toEqual({ language: 'en', textScale: 1 });
    expect(await kiosk.act({ type: 'text-size', scale: 2 })).toMatchObject({ ok: true });
    expect(kiosk.latest).toMatchObject({ language: 'en', textScale: 2 });
    expect(browser.look).toEqual({ language: 'en', textScale: 2 });

    // A language the terminal does not offer is refused; nothing changes.
    expect(await kiosk.act({ type: 'language', language: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(kiosk.latest.language).toBe('en');
    expect(browser.look).toEqual({ language: 'en', textScale: 2 });

    // The kiosk bar on a service page reports the same choices.
    browser.emit('kiosk-bar', { action: 'language', language: 'tr' });
    await until((view) => view.language === 'tr');
    browser.emit('kiosk-bar', { action: 'text-size', scale: 1.5 });
    await until((view) => view.textScale === 1.5);
    expect(browser.look).toEqual({ language: 'tr', textScale: 1.5 });
    browser.emit('kiosk-bar', { action: 'language', language: 'fr' });

    // The session ends: the next citizen starts with the defaults, on service pages too.
    await daemon.handle({ cmd: 'session', action: 'end' });
    const idle = await until((view) => view.state === 'idle');
    expect(idle).toMatchObject({ language: 'de', textScale: 1 });
    await daemon.handle({ cmd: 'session', action: 'start' });
    await daemon.session.settled();
    expect(browser.look).toEqual({ language: 'de', textScale: 1 });
  });
});

describe('back', () => {
  it('one page back on a service page; the service list when there is no page to go back to', async () => {
    await start();
    await daemon.handle({ cmd: 'open', serviceId: 'demo' });
    expect(browser.navigations).toEqual([START_URL]);

    // Nothing to go back to (the FAKE has history only after a second page): home.
    expect(await kiosk.act({ type: 'back' })).toMatchObject({ ok: true });
    expect(browser.backs).toBe(1);
    expect(browser.navigations.at(-1)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=/);

    // With history, back stays on the service: no navigation of the daemon's own.
    await browser.navigate('https://service.example/form');
    const navigations = browser.navigations.length;
    expect(await kiosk.act({ type: 'back' })).toMatchObject({ ok: true });
    expect(browser.backs).toBe(2);
    expect(browser.navigations).toHaveLength(navigations);

    // The kiosk bar's Back does the same.
    const backs = new Promise<void>((resolve) => {
      const original = browser.back.bind(browser);
      browser.back = async () => {
        const went = await original();
        resolve();
        return went;
      };
    });
    browser.emit('kiosk-bar', { action: 'back' });
    await backs;
    expect(browser.backs).toBe(3);
  });
});

describe('view fields from the configuration and the eID side', () => {
  it('apps, training cards, no reader missing in training, no speech without a speaker, no staff menu', async () => {
    await start();
    const view = kiosk.latest;
    expect(view.apps).toEqual(config.apps);
    expect(view.training).toBe(true);
    expect(view.trainingScenarios.map((scenario) => scenario.id)).toEqual(
      trainingScenarios.map((scenario) => scenario.id),
    );
    expect(view.trainingScenarios[0]).toEqual({
      id: 'transport-pin',
      title: trainingScenarios[0]?.title,
      description: trainingScenarios[0]?.description,
      cardValues: 'transport PIN 12345, CAN 654321, PUK 1234567890',
    });
    expect(view).toMatchObject({
      trainingScenario: 'normal',
      readerMissing: false,
      speech: false,
      staff: null,
    });
    expect(await kiosk.act({ type: 'speak', text: 'Willkommen' })).toMatchObject({
      ok: false,
      error: { code: 'not-now' },
    });
  });
});

describe('training cards', () => {
  it('a card put in before the workflow is the one the Fast Lane finds', async () => {
    await start();
    expect(await kiosk.act({ type: 'training-scenario', scenario: 'puk-needed' })).toMatchObject({
      ok: true,
    });
    await until((view) => view.trainingScenario === 'puk-needed');
    expect(await kiosk.act({ type: 'change-pin' })).toMatchObject({ ok: true });
    // The card lies on the reader already: straight to the PUK, no insert-card step.
    const atPuk = await until((view) => view.eid?.step === 'enter-puk');
    expect(atPuk.eid).toMatchObject({ step: 'enter-puk', training: true });
    expect(kiosk.views.some((view) => view.eid?.step === 'insert-card')).toBe(false);
    await kiosk.act({ type: 'eid-cancel' });
  });

  it('at the insert-card step the workflow goes on with the card staff put in; refused while in use or unknown', async () => {
    await start();
    await kiosk.act({ type: 'change-pin' });
    await until((view) => view.eid?.step === 'insert-card');
    expect(await kiosk.act({ type: 'training-scenario', scenario: 'can-needed' })).toMatchObject({
      ok: true,
    });
    await until((view) => view.eid?.step === 'enter-can' && view.trainingScenario === 'can-needed');

    expect(await kiosk.act({ type: 'training-scenario', scenario: 'normal' })).toMatchObject({
      ok: false,
      error: { code: 'not-now' },
    });
    expect(await kiosk.act({ type: 'training-scenario', scenario: 'no-such-card' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(kiosk.latest).toMatchObject({
      trainingScenario: 'can-needed',
      eid: { step: 'enter-can' },
    });

    // Later citizens get a fresh card of the same scenario.
    await daemon.handle({ cmd: 'session', action: 'end' });
    await until((view) => view.state === 'idle');
    expect(kiosk.latest.trainingScenario).toBe('can-needed');
  });
});

describe('consent with deselected optional data', () => {
  async function serveTcToken(): Promise<string> {
    provider = createServer((_request, response) => {
      response.setHeader('content-type', 'text/xml');
      response.end(
        '<TCTokenType><ServerAddress>https://eid.example</ServerAddress>' +
          '<RefreshAddress>https://service.example/refresh</RefreshAddress></TCTokenType>',
      );
    });
    await new Promise<void>((resolve) => provider?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(provider.address() as AddressInfo).port}/tctoken`;
  }

  it('eid-accept with deselect narrows the rights AusweisApp grants; an unknown right changes nothing', async () => {
    await start();
    const tcTokenURL = await serveTcToken();
    await daemon.handle({ cmd: 'session', action: 'start' });
    await browser.startEid(tcTokenURL);
    const rights = await until((view) => view.eid?.step === 'access-rights');
    expect(rights.eid).toMatchObject({ optional: ['Address', 'DoctoralDegree'] });

    const client = daemon.eid.connection?.client;
    if (!client) throw new Error('no eID connection');
    const granted: string[][] = [];
    client.onMessage((message) => {
      if (message.msg === 'ACCESS_RIGHTS') granted.push(message.chat.effective);
    });

    expect(
      await kiosk.act({ type: 'eid-accept', deselect: ['FamilyName', 'NoSuchRight'] }),
    ).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'unknown-right' } });
    expect(kiosk.latest.eid?.step).toBe('access-rights');

    expect(await kiosk.act({ type: 'eid-accept', deselect: ['Address'] })).toMatchObject({
      ok: true,
    });
    await until((view) => view.eid?.step === 'insert-card');
    // AusweisApp's answer to SET_ACCESS_RIGHTS: the optional Address is no longer granted.
    expect(granted).toEqual([['FamilyName', 'GivenNames', 'DateOfBirth', 'DoctoralDegree']]);
  });
});

describe('read-aloud', () => {
  it('speaks in the session language, one text at a time, stops on demand and at session end; the text stays out of the logs', async () => {
    const speaker = new RecordingSpeaker();
    const { logger, lines } = captureLogs('terminal');
    await start({ speaker, logger });
    expect(kiosk.latest.speech).toBe(true);

    await kiosk.act({ type: 'speak', text: 'Was möchten Sie erledigen?' });
    await kiosk.act({ type: 'language', language: 'en' });
    await kiosk.act({ type: 'speak', text: 'What would you like to do?' });
    await kiosk.act({ type: 'speak-stop' });
    expect(speaker.calls).toEqual([
      'stop',
      'speak de: Was möchten Sie erledigen?',
      'stop',
      'speak en: What would you like to do?',
      'stop',
    ]);

    speaker.calls.length = 0;
    await daemon.handle({ cmd: 'session', action: 'end' });
    await until((view) => view.state === 'idle');
    expect(speaker.calls).toContain('stop');
    expect(lines.join('\n')).not.toMatch(/erledigen|would you like/);
  });

  it('a speaker that is not available means no read-aloud button', async () => {
    await start({ speaker: new RecordingSpeaker(false) });
    expect(kiosk.latest.speech).toBe(false);
  });
});

describe('the scan panel over an upload service (SANE test backend)', () => {
  /** A daemon with SANE's test backend only (as in devices-scan.real.test.ts), on the service page. */
  async function startWithScanner(maxPages = 2): Promise<void> {
    const saneConfigDir = join(dir, 'sane.d');
    await mkdir(saneConfigDir, { recursive: true });
    await writeFile(join(saneConfigDir, 'dll.conf'), 'test\n');
    await start({
      devices: {
        inputs: [],
        scanner: { device: 'test', resolutionDpi: 75, mode: 'Gray', maxPages },
      },
      saneConfigDir,
    });
    await daemon.handle({ cmd: 'open', serviceId: 'demo' });
  }

  const tap = (scan: ScanPanelCommand) => browser.emit('kiosk-bar', { action: 'scan', scan });
  const opened = () => browser.scanPanel((view) => view !== null);
  const closed = () => browser.scanPanel((view) => view === null);
  const withPages = (count: number) =>
    browser.scanPanel((view) => view?.pages.length === count && !view.busy);
  const commands = (view: ScanPanelView | null) =>
    view?.buttons.map((b) => `${b.command}:${b.label}${b.primary ? '*' : ''}`);

  it('page by page with previews: scan, another, remove one, done hands one PDF to the field', async () => {
    await startWithScanner();
    await kiosk.act({ type: 'language', language: 'en' });
    browser.emit('file-chooser', { backendNodeId: 7, multiple: false, accept: '' });
    const ready = await opened();
    expect(ready).toMatchObject({ title: 'Scan a document', busy: false, pages: [] });
    expect(ready?.status).toMatch(/^Place the first page face down/);
    expect(commands(ready)).toEqual(['scan:Scan page*', 'cancel:Cancel']);

    tap({ command: 'scan' });
    const one = await withPages(1);
    // While the scanner worked, the panel said so and offered only Cancel.
    expect(browser.scanPanels).toContainEqual(
      expect.objectContaining({
        busy: true,
        status: 'Scanning the page … Please keep the lid closed.',
      }),
    );
    expect(one?.pages[0]).toMatchObject({ label: 'Page 1', remove: 'Remove: Page 1' });
    const preview = Buffer.from(one?.pages[0]?.previewPng ?? '', 'base64');
    expect(preview.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(commands(one)).toEqual([
      'scan:Scan another page',
      'done:Done – use this document*',
      'cancel:Cancel',
    ]);
    expect(one?.pagesHeading).toBe('Scanned pages: 1');

    tap({ command: 'scan' });
    const two = await withPages(2);
    // At the configured most pages: no more scanning, and the panel says why.
    expect(commands(two)).toEqual(['done:Done – use this document*', 'cancel:Cancel']);
    expect(two?.status).toBe('A document cannot have more pages. Tap “Done”.');
    const second = two?.pages[1]?.previewPng;

    tap({ command: 'remove', page: 0 });
    const left = await withPages(1);
    expect(left?.pages[0]).toMatchObject({ label: 'Page 1', previewPng: second });

    const scanned = nextDaemonEvent(daemon, 'scanned');
    tap({ command: 'done' });
    const outcome = await scanned;
    if (!('files' in outcome)) throw new Error(`no scan: ${JSON.stringify(outcome)}`);
    expect(outcome.pages).toBe(1);
    const [pdf = ''] = outcome.files;
    expect(browser.fileInputs.get(7)).toEqual([pdf]);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
    expect(browser.scanPanels.at(-1)).toBeNull();
    expect(browser.notices).toContain(kioskTexts.text('en', 'notice.scanned'));

    await daemon.handle({ cmd: 'session', action: 'end' });
    await until((view) => view.state === 'idle');
    expect(existsSync(pdf)).toBe(false);
  });

  it('a field for JPEG images gets one JPEG a page; one for a single image takes one page', async () => {
    await startWithScanner(3);
    browser.emit('file-chooser', { backendNodeId: 5, multiple: true, accept: '.jpg, .jpeg' });
    await opened();
    tap({ command: 'scan' });
    await withPages(1);
    tap({ command: 'scan' });
    await withPages(2);
    const scanned = nextDaemonEvent(daemon, 'scanned');
    tap({ command: 'done' });
    const outcome = await scanned;
    if (!('files' in outcome)) throw new Error(`no scan: ${JSON.stringify(outcome)}`);
    expect(outcome.files).toHaveLength(2);
    for (const file of outcome.files) {
      expect(file).toMatch(/\.jpg$/);
      // A JPEG's start-of-image marker (no `file` command: CI has only what npm test installs).
      expect((await readFile(file)).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    }
    expect(browser.fileInputs.get(5)).toEqual(outcome.files);

    browser.emit('file-chooser', { backendNodeId: 6, multiple: false, accept: 'image/*' });
    await opened();
    tap({ command: 'scan' });
    const one = await withPages(1);
    // One file, one page: the panel offers no second one.
    expect(one?.buttons.map((b) => b.command)).toEqual(['done', 'cancel']);
    const png = nextDaemonEvent(daemon, 'scanned');
    tap({ command: 'done' });
    const image = await png;
    if (!('files' in image)) throw new Error(`no scan: ${JSON.stringify(image)}`);
    expect(image.files).toEqual([expect.stringMatching(/\.png$/)]);
  });

  it('a field for a type no scan can be: a notice, no panel', async () => {
    await startWithScanner();
    browser.emit('file-chooser', { backendNodeId: 4, multiple: false, accept: 'video/*,.mp4' });
    await browser.whenShown(() => browser.notices.length === 1);
    expect(browser.notices).toEqual([
      'Dieses Feld nimmt keine gescannten Dokumente an. Bitte fragen Sie das Personal.',
    ]);
    expect(browser.scanPanels).toEqual([]);
  });

  it('cancel leaves the field empty; the panel follows the citizen language; taps after it do nothing', async () => {
    await startWithScanner();
    browser.emit('file-chooser', { backendNodeId: 9, multiple: false, accept: '' });
    expect((await opened())?.title).toBe('Dokument scannen');
    browser.emit('kiosk-bar', { action: 'language', language: 'en' });
    await browser.scanPanel((view) => view?.title === 'Scan a document');

    const scanned = nextDaemonEvent(daemon, 'scanned');
    browser.emit('kiosk-bar', { action: 'scan', scan: { command: 'cancel' } });
    expect(await scanned).toEqual({ cancelled: true });
    await closed();
    tap({ command: 'done' });
    tap({ command: 'scan' });
    expect(browser.fileInputs.has(9)).toBe(false);
    expect(browser.scanPanels.at(-1)).toBeNull();
  });

  it('a new page abandons the scan: the panel closes and nothing is handed over', async () => {
    await startWithScanner();
    browser.emit('file-chooser', { backendNodeId: 11, multiple: false, accept: '' });
    await opened();
    await browser.navigate('https://service.example/next');
    await closed();
    tap({ command: 'scan' });
    expect(browser.scanPanels.at(-1)).toBeNull();
    expect(browser.fileInputs.size).toBe(0);
  });

  it('without a scanner, or on a page without the kiosk bar: a notice instead, never a file dialog', async () => {
    await start();
    await daemon.handle({ cmd: 'open', serviceId: 'demo' });
    browser.emit('file-chooser', { backendNodeId: 3, multiple: false, accept: '' });
    expect(browser.notices).toEqual([
      'Hier können keine Dateien hochgeladen werden. Bitte fragen Sie das Personal.',
    ]);
    await daemon.stop();

    browser = new FakeKioskBrowser();
    browser.hasBar = false;
    await startWithScanner();
    browser.emit('file-chooser', { backendNodeId: 3, multiple: false, accept: '' });
    await browser.whenShown(() => browser.notices.length === 1);
    expect(browser.notices[0]).toMatch(/^Hier können keine Dateien/);
    expect(browser.scanPanels).toEqual([]);
  });
});
