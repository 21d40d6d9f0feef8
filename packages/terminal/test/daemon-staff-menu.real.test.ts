import type { FileHandle } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Secret } from '@sidbox/runtime';
import { LocalTerminalConfig, type DevicesConfig, type KioskView } from '@sidbox/protocol';
import { hashStaffPin } from '../src/daemon/staff-pin-hash.js';
import { TerminalDaemon } from '../src/daemon/terminal-daemon.js';
import { HeartbeatFactsCollector } from '../src/telemetry/heartbeat-facts.js';
import { captureLogs } from '../../eid/test/helpers/log-capture.js';
import { FakeKioskBrowser } from './helpers/daemon-fake-browser.js';
import { key, mkfifo, openWriter } from './helpers/devices/input-fifo.js';
import { startPcscd, type TestPcscd } from './helpers/devices/pcscd.js';
import { KioskClient } from './helpers/kiosk-client.js';
import { survivors } from './helpers/processes.js';

// The staff menu and reader awareness in the daemon, against the FAKE KioskBrowser (speed; the
// browser is not the subject) with real parts otherwise: the reset button as evdev records
// through a FIFO, the real AusweisApp (its Simulator reader) when staff switch training off,
// a real pcscd with vpcd's virtual reader.

const RESET = 184; // KEY_F14
const STAFF_PIN = '20262027';

let dir: string;
let pinHash: string;
let daemon: TerminalDaemon | undefined;
let kiosk: KioskClient | undefined;
let writer: FileHandle | undefined;
let pcscd: TestPcscd | undefined;

beforeAll(async () => {
  pinHash = await hashStaffPin(Secret.digits(STAFF_PIN));
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-staff-'));
});
afterEach(async () => {
  kiosk?.close();
  kiosk = undefined;
  await writer?.close();
  writer = undefined;
  await daemon?.stop();
  daemon = undefined;
  await pcscd?.daemon.stop();
  pcscd = undefined;
  await rm(dir, { recursive: true, force: true });
});
afterAll(async () => {
  expect(await survivors([])).toEqual([]);
});

interface Started {
  daemon: TerminalDaemon;
  kiosk: KioskClient;
  lines: string[];
}

async function start(options: {
  training: boolean;
  staff?: boolean;
  devices?: Partial<DevicesConfig>;
}): Promise<Started> {
  const fifo = join(dir, 'event0');
  mkfifo(fifo);
  const config = LocalTerminalConfig.parse({
    branding: { memberName: 'Test' },
    session: { idleSeconds: 60, warningSeconds: 5, matGraceSeconds: 0 },
    devices: {
      inputs: [
        {
          name: 'reset-button',
          path: fifo,
          keys: { reset: RESET },
          debounceMs: 10,
          longPressMs: 500,
          grab: false,
        },
      ],
      ...options.devices,
    },
    ...(options.staff !== false && { staff: { pinHash } }),
  });
  const { logger, lines } = captureLogs('terminal');
  const terminal = new TerminalDaemon({
    config,
    training: options.training,
    ctlSocketPath: join(dir, 'ctl.sock'),
    browser: new FakeKioskBrowser(),
    kioskUiDir: dir,
    logger,
  });
  daemon = terminal;
  await terminal.start();
  writer = await openWriter(fifo);
  kiosk = await KioskClient.connect(terminal);
  return { daemon: terminal, kiosk, lines };
}

/** Holds the reset button until the daemon asks for the staff menu, then lets go. */
async function longPress(terminal: TerminalDaemon): Promise<void> {
  const requested = new Promise<void>((resolve) => {
    const off = terminal.on('staff-menu', () => {
      off();
      resolve();
    });
  });
  await writer?.write(key(RESET, 1));
  await requested;
  await writer?.write(key(RESET, 0));
}

const staffStage = (stage: string) => (view: KioskView) => view.staff?.stage === stage;

describe('staff menu (reset button held)', () => {
  it('asks for the staff PIN over the running session; wrong, then right opens the menu with the devices', async () => {
    const { daemon: terminal, kiosk: ui, lines } = await start({ training: true });
    await terminal.handle({ cmd: 'session', action: 'start' });
    expect(await ui.act({ type: 'staff-training', on: false })).toMatchObject({
      ok: false,
      error: { code: 'not-now' },
    });

    await longPress(terminal);
    const asked = await ui.until(staffStage('pin'));
    expect(asked).toMatchObject({ state: 'active', staff: { stage: 'pin', wrong: false } });

    expect(await ui.act({ type: 'staff-pin', value: '99999999' })).toMatchObject({ ok: true });
    await ui.until((view) => view.staff?.stage === 'pin' && view.staff.wrong);
    expect(await ui.act({ type: 'staff-pin', value: STAFF_PIN })).toMatchObject({ ok: true });
    const menu = await ui.until(staffStage('menu'));
    expect(menu.staff).toEqual({ stage: 'menu', devices: terminal.devices.summary() });
    expect(menu.staff?.stage === 'menu' && menu.staff.devices?.devices[0]).toMatchObject({
      device: 'reset-button',
      kind: 'input',
    });
    // Still the same citizen session underneath; a short press would end it, holding did not.
    expect(menu.state).toBe('active');

    expect(await ui.act({ type: 'staff-close' })).toMatchObject({ ok: true });
    await ui.until((view) => view.staff === null);
    expect(lines.join('\n')).not.toMatch(new RegExp(`${STAFF_PIN}|99999999`));
    expect(lines.some((line) => line.includes('"msg":"staff menu: wrong PIN"'))).toBe(true);
  });

  it('five wrong PINs lock the menu: it closes and a long press does not open it', async () => {
    const { daemon: terminal, kiosk: ui, lines } = await start({ training: true });
    await longPress(terminal);
    await ui.until(staffStage('pin'));
    for (let attempt = 1; attempt <= 5; attempt++) {
      await ui.act({
        type: 'staff-pin',
        value: `${attempt}${attempt}${attempt}${attempt}${attempt}${attempt}`,
      });
    }
    await ui.until((view) => view.staff === null);
    expect(lines.some((line) => line.includes('staff menu locked after wrong PINs'))).toBe(true);

    await longPress(terminal);
    expect(lines.some((line) => line.includes('staff menu requested while locked'))).toBe(true);
    expect(ui.latest.staff).toBeNull();
    expect(await ui.act({ type: 'staff-pin', value: STAFF_PIN })).toMatchObject({
      ok: false,
      error: { code: 'not-now' },
    });
  });

  it('without a staff PIN configured a long press only logs', async () => {
    const { daemon: terminal, kiosk: ui, lines } = await start({ training: true, staff: false });
    await longPress(terminal);
    expect(lines.some((line) => line.includes('no staff.pinHash configured'))).toBe(true);
    expect(ui.latest.staff).toBeNull();
    expect(terminal.status().devices.staffMenuRequested).toBe(true);
  });

  it('switches to the real AusweisApp and back: the session is wiped first, the Simulator is no reader', async () => {
    const { daemon: terminal, kiosk: ui, lines } = await start({ training: true });
    await terminal.handle({ cmd: 'session', action: 'start' });
    const sessionEnded = new Promise<string>((resolve) =>
      terminal.session.on('session-ended', ({ reason }) => resolve(reason)),
    );
    await longPress(terminal);
    await ui.until(staffStage('pin'));
    await ui.act({ type: 'staff-pin', value: STAFF_PIN });
    await ui.until(staffStage('menu'));

    expect(await ui.act({ type: 'staff-training', on: false })).toMatchObject({ ok: true });
    expect(await sessionEnded).toBe('explicit');
    const real = await ui.until((view) => !view.training);
    expect(real).toMatchObject({
      state: 'idle',
      training: false,
      trainingScenarios: [],
      trainingScenario: null,
      // AusweisApp lists its Simulator, which is no card reader.
      readerMissing: true,
      staff: { stage: 'menu' },
    });
    expect(terminal.status().training).toBe(false);
    expect(terminal.eid.connection?.supervisor).not.toBeNull();
    // Asked, not read from the cached list: AusweisApp's READER events may still be on the way.
    const readers = (await terminal.eid.connection?.client.getReaderList()) ?? [];
    expect(readers.map((reader) => reader.name)).toContain('Simulator');
    const facts = await new HeartbeatFactsCollector(terminal.eid, terminal.devices).facts();
    expect(facts.readerAttached).toBe(false);
    expect(await ui.act({ type: 'training-scenario', scenario: 'normal' })).toMatchObject({
      ok: false,
      error: { code: 'not-now' },
    });

    expect(await ui.act({ type: 'staff-training', on: true })).toMatchObject({ ok: true });
    const training = await ui.until((view) => view.training);
    expect(training).toMatchObject({ readerMissing: false, trainingScenario: 'normal' });
    expect(terminal.eid.connection?.supervisor).toBeNull();
    expect(lines.filter((line) => line.includes('training mode switched'))).toHaveLength(2);
  });
});

describe('reader awareness (real AusweisApp, real pcscd)', () => {
  it('a pcscd reader counts, the Simulator does not; the view follows when the reader goes', async () => {
    pcscd = await startPcscd(dir);
    const { daemon: terminal, kiosk: ui } = await start({
      training: false,
      staff: false,
      devices: { cardReader: { enabled: true, pcscdSocket: pcscd.socketPath } },
    });
    await ui.until((view) => !view.readerMissing);
    expect(
      (await new HeartbeatFactsCollector(terminal.eid, terminal.devices).facts()).readerAttached,
    ).toBe(true);

    // pcscd goes away (as when the only reader is unplugged): pushed, not polled.
    await pcscd.daemon.stop();
    pcscd = undefined;
    await ui.until((view) => view.readerMissing);
    expect(
      (await new HeartbeatFactsCollector(terminal.eid, terminal.devices).facts()).readerAttached,
    ).toBe(false);
  });
});
